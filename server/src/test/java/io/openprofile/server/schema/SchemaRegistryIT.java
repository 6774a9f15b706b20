package io.openprofile.server.schema;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the SchemaRegistry contract tests against the packaged application. */
@QuarkusIntegrationTest
class SchemaRegistryIT extends SchemaRegistryTest {
}
