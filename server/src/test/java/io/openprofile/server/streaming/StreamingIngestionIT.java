package io.openprofile.server.streaming;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the streaming ingestion contract tests against the packaged application. */
@QuarkusIntegrationTest
class StreamingIngestionIT extends StreamingIngestionTest {
}
