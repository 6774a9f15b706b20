package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the computed attribute client tests against the packaged application. */
@QuarkusIntegrationTest
class ComputedAttributesClientIT extends ComputedAttributesClientTest {
}
