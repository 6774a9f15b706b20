package io.openprofile.server.realdata;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Parquet profile sample tests against the packaged application. */
@QuarkusIntegrationTest
class ParquetProfileSamplesIT extends ParquetProfileSamplesTest {
}
