package io.openprofile.server.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the API documentation page tests against the packaged application. */
@QuarkusIntegrationTest
class ApiDocsIT extends ApiDocsTest {
}
