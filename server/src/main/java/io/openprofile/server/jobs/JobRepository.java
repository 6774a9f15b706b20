package io.openprofile.server.jobs;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * SQL for stored jobs. A job is claimed with a conditional UPDATE, so two processes on one
 * database never both believe they hold the same lease.
 */
@ApplicationScoped
public class JobRepository {

    private static final String COLUMNS = "id, org_id, sandbox_name, job_type, subject_id, status, attempts, "
            + "lease_owner, lease_expires_at, progress_done, progress_total, last_error, created_at, updated_at";

    /** Queues a job in the caller's transaction and returns its id. */
    public String enqueue(Connection connection, Tenant tenant, String type, String subjectId, long now)
            throws SQLException {
        return enqueue(connection, tenant, type, subjectId, now, null);
    }

    /**
     * Queues a job in the caller's transaction that no runner claims before {@code runAfter} (epoch
     * milliseconds, null for at once), and returns its id.
     */
    public String enqueue(Connection connection, Tenant tenant, String type, String subjectId, long now,
            Long runAfter) throws SQLException {
        String id = UUID.randomUUID().toString();
        Sql.update(connection, "INSERT INTO job (id, org_id, sandbox_name, job_type, subject_id, status, attempts, "
                + "run_after, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                id, tenant.orgId(), tenant.sandboxName(), type, subjectId, JobStatus.QUEUED.name(), runAfter, now,
                now);
        return id;
    }

    /** Lists ids of jobs that are queued and due, or whose lease has expired, oldest first. */
    public List<String> findClaimable(Connection connection, long now, int max) throws SQLException {
        return Sql.query(connection, "SELECT id FROM job WHERE (status = ? AND (run_after IS NULL OR run_after <= ?)) "
                + "OR (status = ? AND lease_expires_at < ?) ORDER BY created_at, id LIMIT " + max,
                row -> row.getString(1), JobStatus.QUEUED.name(), now, JobStatus.RUNNING.name(), now);
    }

    /** Takes the lease of a job if it is still claimable; returns the claimed job. */
    public Optional<Job> claim(Connection connection, String id, String owner, long now, long leaseUntil)
            throws SQLException {
        int changed = Sql.update(connection, "UPDATE job SET status = ?, lease_owner = ?, lease_expires_at = ?, "
                + "attempts = attempts + 1, updated_at = ? "
                + "WHERE id = ? AND (status = ? OR (status = ? AND lease_expires_at < ?))",
                JobStatus.RUNNING.name(), owner, leaseUntil, now, id, JobStatus.QUEUED.name(),
                JobStatus.RUNNING.name(), now);
        return changed == 1 ? find(connection, id) : Optional.empty();
    }

    /** Extends the lease; returns false when this owner no longer holds it. */
    public boolean heartbeat(Connection connection, String id, String owner, long now, long leaseUntil)
            throws SQLException {
        return Sql.update(connection, "UPDATE job SET lease_expires_at = ?, updated_at = ? "
                + "WHERE id = ? AND lease_owner = ? AND status = ?",
                leaseUntil, now, id, owner, JobStatus.RUNNING.name()) == 1;
    }

    /** Records progress of a job this owner holds. */
    public void progress(Connection connection, String id, String owner, long done, Long total, long now)
            throws SQLException {
        Sql.update(connection, "UPDATE job SET progress_done = ?, progress_total = ?, updated_at = ? "
                + "WHERE id = ? AND lease_owner = ?", done, total, now, id, owner);
    }

    /** Moves a job this owner holds to a final status; returns false when the lease was lost. */
    public boolean finish(Connection connection, String id, String owner, JobStatus status, String error, long now)
            throws SQLException {
        return Sql.update(connection, "UPDATE job SET status = ?, last_error = ?, lease_owner = NULL, "
                + "lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ? AND status = ?",
                status.name(), truncate(error), now, id, owner, JobStatus.RUNNING.name()) == 1;
    }

    /** Returns a job that failed an attempt to the queue, keeping its error for diagnosis. */
    public void release(Connection connection, String id, String owner, String error, long retryAt, long now)
            throws SQLException {
        Sql.update(connection, "UPDATE job SET lease_owner = NULL, lease_expires_at = ?, last_error = ?, "
                + "updated_at = ? WHERE id = ? AND lease_owner = ? AND status = ?",
                retryAt, truncate(error), now, id, owner, JobStatus.RUNNING.name());
    }

    public Optional<Job> find(Connection connection, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM job WHERE id = ?", JobRepository::map, id);
    }

    /** Finds the newest job of a type for a subject, such as the processing job of a batch. */
    public Optional<Job> findBySubject(Connection connection, Tenant tenant, String type, String subjectId)
            throws SQLException {
        return Sql.query(connection, "SELECT " + COLUMNS + " FROM job WHERE org_id = ? AND sandbox_name = ? "
                + "AND job_type = ? AND subject_id = ? ORDER BY created_at DESC",
                JobRepository::map, tenant.orgId(), tenant.sandboxName(), type, subjectId)
                .stream().findFirst();
    }

    /** Finds the oldest job of a type in a sandbox that is still queued. */
    public Optional<Job> findQueued(Connection connection, Tenant tenant, String type) throws SQLException {
        return Sql.query(connection, "SELECT " + COLUMNS + " FROM job WHERE org_id = ? AND sandbox_name = ? "
                + "AND job_type = ? AND status = ? ORDER BY created_at, id LIMIT 1", JobRepository::map,
                tenant.orgId(), tenant.sandboxName(), type, JobStatus.QUEUED.name()).stream().findFirst();
    }

    /** Deletes the job of a subject while no process has claimed it yet, so that it never runs. */
    public void deleteQueued(Connection connection, Tenant tenant, String type, String subjectId)
            throws SQLException {
        Sql.update(connection, "DELETE FROM job WHERE org_id = ? AND sandbox_name = ? AND job_type = ? "
                + "AND subject_id = ? AND status = ?", tenant.orgId(), tenant.sandboxName(), type, subjectId,
                JobStatus.QUEUED.name());
    }

    private static Job map(ResultSet row) throws SQLException {
        return new Job(row.getString("id"),
                new Tenant(row.getString("org_id"), row.getString("sandbox_name")),
                row.getString("job_type"), row.getString("subject_id"),
                JobStatus.valueOf(row.getString("status")), row.getInt("attempts"),
                row.getString("lease_owner"), nullableLong(row, "lease_expires_at"),
                nullableLong(row, "progress_done"), nullableLong(row, "progress_total"),
                row.getString("last_error"), row.getLong("created_at"), row.getLong("updated_at"));
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
    }
}
