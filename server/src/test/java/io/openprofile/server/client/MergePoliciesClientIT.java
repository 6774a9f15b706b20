package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the merge policy client tests against the packaged application. */
@QuarkusIntegrationTest
class MergePoliciesClientIT extends MergePoliciesClientTest {
}
