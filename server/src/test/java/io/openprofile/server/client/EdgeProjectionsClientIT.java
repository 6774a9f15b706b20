package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the edge projection client tests against the packaged application. */
@QuarkusIntegrationTest
class EdgeProjectionsClientIT extends EdgeProjectionsClientTest {
}
