package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the export job client test against the packaged application. */
@QuarkusIntegrationTest
class ExportJobsClientIT extends ExportJobsClientTest {
}
