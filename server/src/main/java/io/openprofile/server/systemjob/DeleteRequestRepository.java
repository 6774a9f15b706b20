package io.openprofile.server.systemjob;

import io.openprofile.server.jobs.JobStatus;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for delete requests. Each read joins the stored job that runs the request, for its status. */
@ApplicationScoped
public class DeleteRequestRepository {

    /** Job type of the stored jobs that carry out delete requests. */
    public static final String JOB_TYPE = "profile-delete";

    private static final String SELECT = "SELECT r.id, r.org_id, r.sandbox_name, r.dataset_id, r.batch_id, "
            + "r.request_type, r.records_deleted, r.started_at, r.created_at, r.updated_at, "
            + "j.status AS job_status, j.last_error AS job_error, j.updated_at AS job_updated_at "
            + "FROM profile_system_job r LEFT JOIN job j ON j.job_type = '" + JOB_TYPE + "' AND j.subject_id = r.id "
            + "AND j.org_id = r.org_id AND j.sandbox_name = r.sandbox_name "
            + "WHERE r.org_id = ? AND r.sandbox_name = ?";

    public void insert(Connection connection, Tenant tenant, String id, String datasetId, String batchId,
            DeleteRequestType type, long now) throws SQLException {
        Sql.update(connection, "INSERT INTO profile_system_job (org_id, sandbox_name, id, dataset_id, batch_id, "
                + "request_type, records_deleted, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), id, datasetId, batchId, type.name(), now, now);
    }

    public Optional<DeleteRequest> find(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, SELECT + " AND r.id = ?", DeleteRequestRepository::map,
                tenant.orgId(), tenant.sandboxName(), id);
    }

    /** Lists every request of the sandbox in creation order. */
    public List<DeleteRequest> list(Connection connection, Tenant tenant) throws SQLException {
        return Sql.query(connection, SELECT + " ORDER BY r.created_at, r.id", DeleteRequestRepository::map,
                tenant.orgId(), tenant.sandboxName());
    }

    /** Lists the requests for the same dataset and batch; {@code batchId} is null for dataset deletes. */
    public List<DeleteRequest> findSameTarget(Connection connection, Tenant tenant, String datasetId, String batchId)
            throws SQLException {
        String batchCondition = batchId == null ? " AND r.batch_id IS NULL" : " AND r.batch_id = ?";
        Object[] args = batchId == null
                ? new Object[] {tenant.orgId(), tenant.sandboxName(), datasetId}
                : new Object[] {tenant.orgId(), tenant.sandboxName(), datasetId, batchId};
        return Sql.query(connection, SELECT + " AND r.dataset_id = ?" + batchCondition,
                DeleteRequestRepository::map, args);
    }

    /** Adds the rows one chunk deleted, in the chunk's transaction, so that a retried chunk is not counted twice. */
    public void addDeleted(Connection connection, Tenant tenant, String id, long deleted, long now)
            throws SQLException {
        Sql.update(connection, "UPDATE profile_system_job SET records_deleted = records_deleted + ?, "
                + "started_at = COALESCE(started_at, ?), updated_at = ? WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                deleted, now, now, tenant.orgId(), tenant.sandboxName(), id);
    }

    /** Removes a request; returns false when it does not exist. */
    public boolean delete(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM profile_system_job WHERE org_id = ? AND sandbox_name = ? "
                + "AND id = ?", tenant.orgId(), tenant.sandboxName(), id) == 1;
    }

    private static DeleteRequest map(ResultSet row) throws SQLException {
        String jobStatus = row.getString("job_status");
        long updatedAt = row.getLong("updated_at");
        long jobUpdatedAt = row.getLong("job_updated_at");
        long startedAt = row.getLong("started_at");
        Long started = row.wasNull() ? null : startedAt;
        return new DeleteRequest(row.getString("id"),
                new Tenant(row.getString("org_id"), row.getString("sandbox_name")),
                row.getString("dataset_id"), row.getString("batch_id"),
                DeleteRequestType.valueOf(row.getString("request_type")), row.getLong("records_deleted"),
                started, row.getLong("created_at"), Math.max(updatedAt, jobUpdatedAt),
                jobStatus == null ? null : JobStatus.valueOf(jobStatus), row.getString("job_error"));
    }
}
