package io.openprofile.server.export;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the export job contract tests against the packaged application. */
@QuarkusIntegrationTest
class ExportJobsIT extends ExportJobsTest {
}
