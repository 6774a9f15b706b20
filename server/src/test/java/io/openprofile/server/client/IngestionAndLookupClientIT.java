package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the ingestion and lookup client tests against the packaged application. */
@QuarkusIntegrationTest
class IngestionAndLookupClientIT extends IngestionAndLookupClientTest {
}
