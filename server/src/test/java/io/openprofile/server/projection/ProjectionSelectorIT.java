package io.openprofile.server.projection;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the selector equivalence tests against the packaged application. */
@QuarkusIntegrationTest
class ProjectionSelectorIT extends ProjectionSelectorTest {
}
