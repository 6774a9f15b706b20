package io.openprofile.server.entities;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the merge policy lookup tests against the packaged application. */
@QuarkusIntegrationTest
class MergePolicyLookupIT extends MergePolicyLookupTest {
}
