package io.openprofile.server.ingest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Parquet batch tests against the packaged application. */
@QuarkusIntegrationTest
class ParquetIngestionIT extends ParquetIngestionTest {
}
