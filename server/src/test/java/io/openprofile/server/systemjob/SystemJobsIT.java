package io.openprofile.server.systemjob;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Runs the delete request contract tests against the packaged application. */
@QuarkusIntegrationTest
class SystemJobsIT extends SystemJobsTest {
}
