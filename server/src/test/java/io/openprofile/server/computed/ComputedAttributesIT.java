package io.openprofile.server.computed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the computed attribute contract tests against the packaged application. */
@QuarkusIntegrationTest
class ComputedAttributesIT extends ComputedAttributesTest {
}
