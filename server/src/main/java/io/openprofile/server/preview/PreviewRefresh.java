package io.openprofile.server.preview;

import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues a new profile report of a sandbox after its data changed. Callers do this in the
 * transaction that changed the data, so a report is never missed. At most one report per sandbox
 * waits in the queue, because one report counts every change made before it runs.
 */
@ApplicationScoped
public class PreviewRefresh {

    /** Job type of the stored jobs that compute profile reports. */
    public static final String JOB_TYPE = "preview-report";

    private final JobRepository jobs;
    private final Duration streamingDelay;

    PreviewRefresh(JobRepository jobs,
            @ConfigProperty(name = "openprofile.preview.streaming-refresh-delay") Duration streamingDelay) {
        this.jobs = jobs;
        this.streamingDelay = streamingDelay;
    }

    /** Queues a report that runs at once, unless one is already queued for the sandbox. */
    public void request(Connection connection, Tenant tenant, long now) throws SQLException {
        if (jobs.findQueued(connection, tenant, JOB_TYPE).isEmpty()) {
            jobs.enqueue(connection, tenant, JOB_TYPE, tenant.sandboxName(), now);
        }
    }

    /**
     * Queues a report that runs {@code openprofile.preview.streaming-refresh-delay} from now, unless
     * one is already queued for the sandbox. Records streamed during the delay find the queued
     * report, so a burst of streamed records causes one report.
     */
    public void requestDelayed(Connection connection, Tenant tenant, long now) throws SQLException {
        if (jobs.findQueued(connection, tenant, JOB_TYPE).isEmpty()) {
            jobs.enqueue(connection, tenant, JOB_TYPE, tenant.sandboxName(), now, now + streamingDelay.toMillis());
        }
    }
}
