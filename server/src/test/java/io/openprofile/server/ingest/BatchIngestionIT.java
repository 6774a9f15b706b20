package io.openprofile.server.ingest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the batch ingestion contract tests against the packaged application. */
@QuarkusIntegrationTest
class BatchIngestionIT extends BatchIngestionTest {
}
