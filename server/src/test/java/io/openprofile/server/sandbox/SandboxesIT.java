package io.openprofile.server.sandbox;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Sandbox API contract tests against the packaged application. */
@QuarkusIntegrationTest
class SandboxesIT extends SandboxesTest {
}
