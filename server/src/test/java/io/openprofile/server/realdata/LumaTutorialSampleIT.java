package io.openprofile.server.realdata;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the Luma tutorial sample test against the packaged application. */
@QuarkusIntegrationTest
class LumaTutorialSampleIT extends LumaTutorialSampleTest {
}
