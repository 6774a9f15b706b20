package io.openprofile.server.client;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the metadata client tests against the packaged application. */
@QuarkusIntegrationTest
class MetadataClientIT extends MetadataClientTest {
}
