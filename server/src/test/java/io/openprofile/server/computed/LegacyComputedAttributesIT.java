package io.openprofile.server.computed;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the legacy computed attribute contract tests against the packaged application. */
@QuarkusIntegrationTest
class LegacyComputedAttributesIT extends LegacyComputedAttributesTest {
}
