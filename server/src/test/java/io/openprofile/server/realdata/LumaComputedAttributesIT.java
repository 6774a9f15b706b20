package io.openprofile.server.realdata;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Runs the Luma computed attribute tests against the packaged application. */
@QuarkusIntegrationTest
@TestProfile(LumaComputedAttributesTest.EvaluationTime.class)
class LumaComputedAttributesIT extends LumaComputedAttributesTest {
}
