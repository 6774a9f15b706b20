package io.openprofile.server.projection;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the edge projection concurrency tests against the packaged application. */
@QuarkusIntegrationTest
class EdgeProjectionsConcurrencyIT extends EdgeProjectionsConcurrencyTest {
}
