package io.openprofile.server.catalog;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Catalog contract tests against the packaged application. */
@QuarkusIntegrationTest
class CatalogIT extends CatalogTest {
}
