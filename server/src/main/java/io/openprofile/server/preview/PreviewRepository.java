package io.openprofile.server.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for profile reports: reading a sandbox's store for a report, and storing and finding reports. */
@ApplicationScoped
public class PreviewRepository {

    private static final int FETCH_SIZE = 1000;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final int IDENTITY_ROW = 0;
    private static final int FRAGMENT_ROW = 1;

    /** A stored report: when it ran (epoch milliseconds) and every report of that run. */
    public record StoredReport(long createdAt, ObjectNode body) {
    }

    /**
     * Streams the sandbox's identities, fragments and event groups into the census, one person at a
     * time, in the caller's transaction. The rows of one person are adjacent because the database
     * sorts them by person key: the cluster id, or {@code xid:} and the primary identity of a
     * record whose identity is not in the graph.
     */
    void countInto(Connection connection, Tenant tenant, ProfileCensus census) throws SQLException {
        String sql = "SELECT cluster_id AS person_key, 0 AS row_kind, namespace_code, "
                + "CAST(NULL AS VARCHAR(64)) AS dataset_id, CAST(0 AS BIGINT) AS event_count, "
                + "CAST(0 AS BIGINT) AS newest_event FROM identity_node WHERE org_id = ? AND sandbox_name = ? "
                + "UNION ALL "
                + "SELECT COALESCE(n.cluster_id, 'xid:' || f.primary_xid), 1, n.namespace_code, f.dataset_id, "
                + "CAST(0 AS BIGINT), CAST(0 AS BIGINT) FROM profile_fragment f LEFT JOIN identity_node n "
                + "ON n.xid = f.primary_xid AND n.org_id = f.org_id AND n.sandbox_name = f.sandbox_name "
                + "WHERE f.org_id = ? AND f.sandbox_name = ? "
                + "UNION ALL "
                + "SELECT COALESCE(n.cluster_id, 'xid:' || e.primary_xid), 2, CAST(NULL AS VARCHAR(64)), "
                + "e.dataset_id, e.event_count, e.newest_event FROM (SELECT org_id, sandbox_name, primary_xid, "
                + "dataset_id, COUNT(*) AS event_count, MAX(event_time) AS newest_event FROM experience_event "
                + "WHERE org_id = ? AND sandbox_name = ? GROUP BY org_id, sandbox_name, primary_xid, dataset_id) e "
                + "LEFT JOIN identity_node n ON n.xid = e.primary_xid AND n.org_id = e.org_id "
                + "AND n.sandbox_name = e.sandbox_name "
                + "ORDER BY person_key";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < 3; i++) {
                statement.setString(2 * i + 1, tenant.orgId());
                statement.setString(2 * i + 2, tenant.sandboxName());
            }
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                countRows(rows, census);
            }
        }
    }

    private static void countRows(ResultSet rows, ProfileCensus census) throws SQLException {
        String currentKey = null;
        ProfileCensus.Person person = null;
        while (rows.next()) {
            String key = rows.getString(1);
            if (!key.equals(currentKey)) {
                finish(person, census);
                currentKey = key;
                person = new ProfileCensus.Person();
            }
            int kind = rows.getInt(2);
            String namespaceCode = rows.getString(3);
            if (kind == IDENTITY_ROW) {
                person.identities++;
                person.namespaces.add(namespaceCode);
                person.onlyNamespace = namespaceCode;
            } else if (kind == FRAGMENT_ROW) {
                person.hasFragment = true;
                person.datasets.add(rows.getString(4));
                census.countFragment(namespaceCode);
            } else {
                person.datasets.add(rows.getString(4));
                person.events += rows.getLong(5);
                person.newestEvent = Math.max(person.newestEvent, rows.getLong(6));
            }
        }
        finish(person, census);
    }

    /** Adds a person to the census. A person without graph identities counts as one identity of its own. */
    private static void finish(ProfileCensus.Person person, ProfileCensus census) {
        if (person == null) {
            return;
        }
        if (person.identities == 0) {
            person.identities = 1;
        }
        census.add(person);
    }

    /** Reads the catalog facts that reports show next to their counts, in the caller's transaction. */
    StoreContents catalog(Connection connection, Tenant tenant) throws SQLException {
        Object[] args = {tenant.orgId(), tenant.sandboxName()};
        String where = " WHERE org_id = ? AND sandbox_name = ?";
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
        return new StoreContents(datasets, streaming, lastBatch.orElse(null));
    }

    /** Stores one run's reports. */
    public void insert(Connection connection, Tenant tenant, long createdAt, ObjectNode body) throws SQLException {
        Sql.update(connection, "INSERT INTO preview_report (org_id, sandbox_name, id, created_at, body) "
                + "VALUES (?, ?, ?, ?, ?)", tenant.orgId(), tenant.sandboxName(), UUID.randomUUID().toString(),
                createdAt, Json.write(body));
    }

    /**
     * Deletes the reports created before {@code keepFrom} (epoch milliseconds), and every report
     * with a newer one on the same UTC day, so that each kept day keeps its newest report. Returns
     * how many reports were deleted.
     */
    public int prune(Connection connection, Tenant tenant, long keepFrom) throws SQLException {
        return Sql.update(connection, "DELETE FROM preview_report p WHERE p.org_id = ? AND p.sandbox_name = ? "
                + "AND (p.created_at < ? OR EXISTS (SELECT 1 FROM preview_report n WHERE n.org_id = p.org_id "
                + "AND n.sandbox_name = p.sandbox_name AND n.created_at / " + DAY_MILLIS + " = p.created_at / " + DAY_MILLIS
                + " "
                + "AND (n.created_at > p.created_at OR (n.created_at = p.created_at AND n.id > p.id))))",
                tenant.orgId(), tenant.sandboxName(), keepFrom);
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
