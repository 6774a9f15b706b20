package io.openprofile.server.entities;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the profile lookup contract tests against the packaged application. */
@QuarkusIntegrationTest
class ProfileLookupIT extends ProfileLookupTest {
}
