package io.openprofile.server.identitygraph;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the {@code v2/graph} contract tests against the packaged application. */
@QuarkusIntegrationTest
class GraphIT extends GraphTest {
}
