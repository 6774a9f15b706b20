package io.openprofile.server.preview;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the profile report contract tests against the packaged application. */
@QuarkusIntegrationTest
class PreviewReportsIT extends PreviewReportsTest {
}
