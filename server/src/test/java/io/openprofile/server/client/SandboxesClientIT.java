package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Sandbox API and profile report client tests against the packaged application. */
@QuarkusIntegrationTest
class SandboxesClientIT extends SandboxesClientTest {
}
