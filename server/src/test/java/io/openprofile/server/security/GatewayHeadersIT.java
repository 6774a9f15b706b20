package io.openprofile.server.security;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the gateway header tests against the packaged application. */
@QuarkusIntegrationTest
class GatewayHeadersIT extends GatewayHeadersTest {
}
