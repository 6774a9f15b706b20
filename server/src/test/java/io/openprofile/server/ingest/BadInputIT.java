package io.openprofile.server.ingest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the bad-input tests against the packaged application. */
@QuarkusIntegrationTest
class BadInputIT extends BadInputTest {
}
