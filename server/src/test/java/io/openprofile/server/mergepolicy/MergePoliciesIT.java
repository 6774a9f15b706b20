package io.openprofile.server.mergepolicy;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the merge policy contract tests against the packaged application. */
@QuarkusIntegrationTest
class MergePoliciesIT extends MergePoliciesTest {
}
