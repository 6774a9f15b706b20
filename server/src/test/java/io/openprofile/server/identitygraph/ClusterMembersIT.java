package io.openprofile.server.identitygraph;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the cluster endpoint contract tests against the packaged application. */
@QuarkusIntegrationTest
class ClusterMembersIT extends ClusterMembersTest {
}
