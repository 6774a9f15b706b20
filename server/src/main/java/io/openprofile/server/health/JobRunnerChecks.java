package io.openprofile.server.health;

import io.openprofile.server.jobs.JobRunner;
import io.openprofile.server.jobs.JobRunnerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Health checks of the job runner, which ingests batches and runs exports, deletes and attribute
 * evaluations in the background.
 *
 * <p>Liveness fails when the runner's poll loop died or no poll ended within the lease duration, because only
 * a restart brings the runner back. Readiness reports the same state but only fails before the
 * runner has started, because a process with a stalled runner still serves lookups.
 */
@ApplicationScoped
public class JobRunnerChecks {

    static final String NAME = "openprofile-job-runner";

    private final JobRunner runner;
    private final Clock clock;

    JobRunnerChecks(JobRunner runner, Clock clock) {
        this.runner = runner;
        this.clock = clock;
    }

    @Produces
    @Liveness
    HealthCheck liveness() {
        return () -> liveness(runner.status(), clock.millis());
    }

    @Produces
    @Readiness
    HealthCheck readiness() {
        return () -> readiness(runner.status(), clock.millis());
    }

    static HealthCheckResponse liveness(JobRunnerStatus status, long nowMillis) {
        return describe(status, nowMillis).status(status.alive(nowMillis)).build();
    }

    static HealthCheckResponse readiness(JobRunnerStatus status, long nowMillis) {
        return describe(status, nowMillis).status(status.started()).build();
    }

    private static HealthCheckResponseBuilder describe(JobRunnerStatus status, long nowMillis) {
        return HealthCheckResponse.named(NAME)
                .withData("state", state(status, nowMillis))
                .withData("workers", status.workers())
                .withData("busyWorkers", status.busyWorkers())
                .withData("lastPollCompletedAt", Instant.ofEpochMilli(status.lastPollCompletedAt()).toString());
    }

    private static String state(JobRunnerStatus status, long nowMillis) {
        if (!status.started()) {
            return "not started";
        }
        if (status.stopped()) {
            return "stopped";
        }
        if (!status.pollLoopAlive()) {
            return "poll loop died";
        }
        if (status.stalled(nowMillis)) {
            return "stalled: no poll ended within " + status.stallLimit();
        }
        return "running";
    }
}
