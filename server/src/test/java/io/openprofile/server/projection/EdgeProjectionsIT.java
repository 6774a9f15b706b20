package io.openprofile.server.projection;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the edge projection contract tests against the packaged application. */
@QuarkusIntegrationTest
class EdgeProjectionsIT extends EdgeProjectionsTest {
}
