package io.openprofile.server.realdata;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the public-samples ingestion test against the packaged application. */
@QuarkusIntegrationTest
class PublicSamplesIngestIT extends PublicSamplesIngestTest {
}
