package io.openprofile.server.realdata;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the identity-linking sample test against the packaged application. */
@QuarkusIntegrationTest
class IdentityLinkingSampleIT extends IdentityLinkingSampleTest {
}
