package io.openprofile.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.openprofile.server.jobs.JobRunnerStatus;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/** How the job runner checks judge each state of the runner. */
class JobRunnerChecksTest {

    private static final long NOW = 1_000_000L;
    private static final Duration LEASE = Duration.ofSeconds(60);

    @Test
    void runningRunnerIsLiveAndReady() {
        JobRunnerStatus status = new JobRunnerStatus(true, false, true, 2, 1, NOW - 1_000, LEASE);

        HealthCheckResponse live = JobRunnerChecks.liveness(status, NOW);
        HealthCheckResponse ready = JobRunnerChecks.readiness(status, NOW);

        assertThat(live.getStatus()).isEqualTo(Status.UP);
        assertThat(ready.getStatus()).isEqualTo(Status.UP);
        assertThat(live.getData().orElseThrow().get("state")).isEqualTo("running");
        assertThat(live.getData().orElseThrow().get("busyWorkers")).isEqualTo(1L);
    }

    @Test
    void deadPollLoopFailsLiveness() {
        JobRunnerStatus status = new JobRunnerStatus(true, false, false, 2, 0, NOW - 1_000, LEASE);

        HealthCheckResponse live = JobRunnerChecks.liveness(status, NOW);

        assertThat(live.getStatus()).isEqualTo(Status.DOWN);
        assertThat(live.getData().orElseThrow().get("state")).isEqualTo("poll loop died");
    }

    @Test
    void stalledPollFailsLivenessOnly() {
        JobRunnerStatus status = new JobRunnerStatus(true, false, true, 2, 2, NOW - LEASE.toMillis() - 1, LEASE);

        HealthCheckResponse live = JobRunnerChecks.liveness(status, NOW);
        HealthCheckResponse ready = JobRunnerChecks.readiness(status, NOW);

        assertThat(live.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) live.getData().orElseThrow().get("state")).startsWith("stalled");
        assertThat(ready.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void pollWithinLeaseIsNotStalled() {
        JobRunnerStatus status = new JobRunnerStatus(true, false, true, 2, 2, NOW - LEASE.toMillis(), LEASE);

        assertThat(JobRunnerChecks.liveness(status, NOW).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void unstartedRunnerIsNotReady() {
        JobRunnerStatus status = new JobRunnerStatus(false, false, false, 2, 0, 0, LEASE);

        HealthCheckResponse ready = JobRunnerChecks.readiness(status, NOW);

        assertThat(ready.getStatus()).isEqualTo(Status.DOWN);
        assertThat(ready.getData().orElseThrow().get("state")).isEqualTo("not started");
    }
}
