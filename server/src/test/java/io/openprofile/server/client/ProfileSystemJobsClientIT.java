package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the delete request client tests against the packaged application. */
@QuarkusIntegrationTest
class ProfileSystemJobsClientIT extends ProfileSystemJobsClientTest {
}
