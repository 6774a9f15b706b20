package io.openprofile.server.health;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the health endpoint tests against the packaged application. */
@QuarkusIntegrationTest
class HealthIT extends HealthTest {
}
