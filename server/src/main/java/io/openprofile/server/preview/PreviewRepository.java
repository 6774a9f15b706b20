package io.openprofile.server.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for profile reports: reading a sandbox's store for a report, and storing and finding reports. */
@ApplicationScoped
public class PreviewRepository {

    /** A stored report: when it ran (epoch milliseconds) and every report of that run. */
    public record StoredReport(long createdAt, ObjectNode body) {
    }

    /** Reads everything a report counts, in the caller's transaction. */
    StoreContents read(Connection connection, Tenant tenant) throws SQLException {
        Object[] args = {tenant.orgId(), tenant.sandboxName()};
        String where = " WHERE org_id = ? AND sandbox_name = ?";
        List<StoreContents.Node> nodes = Sql.query(connection, "SELECT xid, cluster_id, namespace_code FROM "
                + "identity_node" + where, row -> new StoreContents.Node(row.getString(1), row.getString(2),
                        row.getString(3)), args);
        List<StoreContents.FragmentRow> fragments = Sql.query(connection, "SELECT primary_xid, dataset_id FROM "
                + "profile_fragment" + where, row -> new StoreContents.FragmentRow(row.getString(1),
                        row.getString(2)), args);
        List<StoreContents.EventGroup> events = Sql.query(connection, "SELECT primary_xid, dataset_id, COUNT(*), "
                + "MAX(event_time) FROM experience_event" + where + " GROUP BY primary_xid, dataset_id",
                row -> new StoreContents.EventGroup(row.getString(1), row.getString(2), row.getLong(3),
                        row.getLong(4)), args);
        Map<String, StoreContents.DatasetInfo> datasets = new LinkedHashMap<>();
        Sql.query(connection, "SELECT id, name, body FROM dataset" + where, row -> {
            JsonNode description = Json.readObject(row.getString(3)).get("description");
            return datasets.put(row.getString(1), new StoreContents.DatasetInfo(row.getString(2),
                    description == null || !description.isTextual() ? null : description.asText()));
        }, args);
        List<String> streaming = Sql.query(connection, "SELECT DISTINCT dataset_id FROM streaming_connection"
                + where, row -> row.getString(1), args);
        Optional<StoreContents.LastBatch> lastBatch = Sql.queryOne(connection, "SELECT id, completed_at FROM batch"
                + where + " AND status = 'SUCCESS' AND completed_at IS NOT NULL ORDER BY completed_at DESC, id LIMIT 1",
                row -> new StoreContents.LastBatch(row.getString(1), row.getLong(2)), args);
        return new StoreContents(nodes, fragments, events, datasets, streaming, lastBatch.orElse(null));
    }

    // NOTE: reports are never pruned, so the table grows by one row per successful batch and
    // finished delete request until the sandbox is reset.
    public void insert(Connection connection, Tenant tenant, long createdAt, ObjectNode body) throws SQLException {
        Sql.update(connection, "INSERT INTO preview_report (org_id, sandbox_name, id, created_at, body) "
                + "VALUES (?, ?, ?, ?, ?)", tenant.orgId(), tenant.sandboxName(), UUID.randomUUID().toString(),
                createdAt, Json.write(body));
    }

    /** Finds the newest report created in {@code [from, until)}, epoch milliseconds. */
    public Optional<StoredReport> findNewest(Connection connection, Tenant tenant, long from, long until)
            throws SQLException {
        return Sql.queryOne(connection, "SELECT created_at, body FROM preview_report WHERE org_id = ? "
                + "AND sandbox_name = ? AND created_at >= ? AND created_at < ? ORDER BY created_at DESC LIMIT 1",
                row -> new StoredReport(row.getLong(1), Json.readObject(row.getString(2))),
                tenant.orgId(), tenant.sandboxName(), from, until);
    }
}
