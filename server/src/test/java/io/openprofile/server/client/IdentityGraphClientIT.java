package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the identity graph client tests against the packaged application. */
@QuarkusIntegrationTest
class IdentityGraphClientIT extends IdentityGraphClientTest {
}
