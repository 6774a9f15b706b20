package io.openprofile.server.realdata;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Luma Parquet events tests against the packaged application. */
@QuarkusIntegrationTest
class LumaParquetSampleIT extends LumaParquetSampleTest {
}
