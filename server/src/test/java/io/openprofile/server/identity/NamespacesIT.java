package io.openprofile.server.identity;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Namespaces contract tests against the packaged application. */
@QuarkusIntegrationTest
class NamespacesIT extends NamespacesTest {
}
