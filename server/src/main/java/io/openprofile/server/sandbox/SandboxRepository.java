package io.openprofile.server.sandbox;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for sandboxes and for removing every row a sandbox owns. */
@ApplicationScoped
public class SandboxRepository {

    /**
     * Every table with rows owned by a sandbox, apart from {@code sandbox} itself and {@code job},
     * which a reset empties separately because its own job row must stay until it completes.
     */
    private static final List<String> SANDBOX_TABLES = List.of("experience_event", "profile_fragment",
            "computed_value", "computed_attribute", "identity_link_source", "identity_link", "identity_node",
            "identity_namespace", "merge_policy", "merge_policy_sandbox", "edge_projection", "edge_destination",
            "streaming_connection", "batch_failed_record", "batch_file", "batch", "dataset", "xdm_descriptor",
            "xdm_resource", "profile_system_job", "preview_report", "sandbox_lock");

    private static final String COLUMNS = "sandbox_name, title, sandbox_type, state, created_at, updated_at";

    Optional<SandboxInfo> find(Connection connection, String orgId, String name) throws SQLException {
        return Sql.queryOne(connection, "SELECT " + COLUMNS + " FROM sandbox WHERE org_id = ? AND sandbox_name = ?",
                SandboxRepository::map, orgId, name);
    }

    List<SandboxInfo> list(Connection connection, String orgId) throws SQLException {
        return Sql.query(connection, "SELECT " + COLUMNS + " FROM sandbox WHERE org_id = ? ORDER BY sandbox_name",
                SandboxRepository::map, orgId);
    }

    void insert(Connection connection, String orgId, String name, String title, String type, long now)
            throws SQLException {
        Sql.update(connection, "INSERT INTO sandbox (org_id, sandbox_name, title, sandbox_type, state, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", orgId, name, title, type, SandboxInfo.ACTIVE, now, now);
    }

    /** Moves a sandbox to {@code state}; returns false when it is already in that state or gone. */
    boolean setState(Connection connection, String orgId, String name, String state, long now)
            throws SQLException {
        return Sql.update(connection, "UPDATE sandbox SET state = ?, updated_at = ? WHERE org_id = ? "
                + "AND sandbox_name = ? AND (state IS NULL OR state <> ?)", state, now, orgId, name, state) == 1;
    }

    /** Deletes every row the sandbox owns except the sandbox row and the job {@code keptJobId}. */
    void clear(Connection connection, Tenant tenant, String keptJobId) throws SQLException {
        for (String table : SANDBOX_TABLES) {
            Sql.update(connection, "DELETE FROM " + table + " WHERE org_id = ? AND sandbox_name = ?",
                    tenant.orgId(), tenant.sandboxName());
        }
        Sql.update(connection, "DELETE FROM job WHERE org_id = ? AND sandbox_name = ? AND id <> ?",
                tenant.orgId(), tenant.sandboxName(), keptJobId);
    }

    void delete(Connection connection, Tenant tenant) throws SQLException {
        Sql.update(connection, "DELETE FROM sandbox WHERE org_id = ? AND sandbox_name = ?", tenant.orgId(),
                tenant.sandboxName());
    }

    private static SandboxInfo map(ResultSet row) throws SQLException {
        long updated = row.getLong("updated_at");
        Long updatedAt = row.wasNull() ? null : updated;
        return new SandboxInfo(row.getString("sandbox_name"), row.getString("title"), row.getString("sandbox_type"),
                row.getString("state"), row.getLong("created_at"), updatedAt);
    }
}
