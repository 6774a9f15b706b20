package io.openprofile.server.preview;

import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

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

    PreviewRefresh(JobRepository jobs) {
        this.jobs = jobs;
    }

    /** Queues a report unless one is already queued for the sandbox. */
    public void request(Connection connection, Tenant tenant, long now) throws SQLException {
        if (jobs.findQueued(connection, tenant, JOB_TYPE).isEmpty()) {
            jobs.enqueue(connection, tenant, JOB_TYPE, tenant.sandboxName(), now);
        }
    }
}
