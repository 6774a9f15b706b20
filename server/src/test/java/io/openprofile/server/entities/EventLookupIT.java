package io.openprofile.server.entities;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the experience-event lookup contract tests against the packaged application. */
@QuarkusIntegrationTest
class EventLookupIT extends EventLookupTest {
}
