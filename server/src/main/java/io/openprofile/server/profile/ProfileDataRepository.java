package io.openprofile.server.profile;

import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** SQL for profile fragments and experience events. */
@ApplicationScoped
public class ProfileDataRepository {

    /** Stores a profile record, replacing the dataset's earlier record for the same primary identity. */
    public void upsertFragment(Connection connection, Tenant tenant, StoredFragment fragment) throws SQLException {
        Sql.update(connection, "DELETE FROM profile_fragment WHERE org_id = ? AND sandbox_name = ? "
                + "AND dataset_id = ? AND primary_xid = ?",
                tenant.orgId(), tenant.sandboxName(), fragment.datasetId(), fragment.primaryXid());
        Sql.update(connection, "INSERT INTO profile_fragment (org_id, sandbox_name, dataset_id, primary_xid, batch_id, "
                + "record, identity_xids, record_time, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), fragment.datasetId(), fragment.primaryXid(), fragment.batchId(),
                Json.write(fragment.record()), String.join(",", fragment.identityXids()), fragment.recordTime(), fragment.ingestedAt());
    }

    /** Stores an event, replacing an earlier one with the same dataset, {@code _id} and primary identity. */
    /**
     * Stores an event, replacing the stored one with the same dataset, id and primary identity.
     * Returns the time of the replaced event in epoch milliseconds, or empty for a new event.
     */
    public Optional<Long> upsertEvent(Connection connection, Tenant tenant, StoredEvent event) throws SQLException {
        Optional<Long> replacedTime = Sql.queryOne(connection, "SELECT event_time FROM experience_event "
                + "WHERE org_id = ? AND sandbox_name = ? AND dataset_id = ? AND event_id = ? AND primary_xid = ?",
                row -> row.getLong(1), tenant.orgId(), tenant.sandboxName(), event.datasetId(), event.eventId(),
                event.primaryXid());
        if (replacedTime.isPresent()) {
            Sql.update(connection, "DELETE FROM experience_event WHERE org_id = ? AND sandbox_name = ? "
                    + "AND dataset_id = ? AND event_id = ? AND primary_xid = ?",
                    tenant.orgId(), tenant.sandboxName(), event.datasetId(), event.eventId(), event.primaryXid());
        }
        Sql.update(connection, "INSERT INTO experience_event (org_id, sandbox_name, dataset_id, event_id, primary_xid, "
                + "batch_id, event_time, record, identity_xids, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), event.datasetId(), event.eventId(), event.primaryXid(),
                event.batchId(), event.eventTime(), Json.write(event.record()), String.join(",", event.identityXids()),
                event.ingestedAt());
        return replacedTime;
    }

    public List<StoredFragment> findFragments(Connection connection, Tenant tenant, Collection<String> xids)
            throws SQLException {
        if (xids.isEmpty()) {
            return List.of();
        }
        return Sql.query(connection, "SELECT * FROM profile_fragment WHERE org_id = ? AND sandbox_name = ? "
                + "AND primary_xid IN (" + Sql.placeholders(xids.size()) + ") ORDER BY dataset_id, primary_xid",
                ProfileDataRepository::mapFragment, tenantArgs(tenant, xids));
    }

    /**
     * Reads one page of events of the given identities in (time, dataset, id, identity) order,
     * starting after {@code after} when it is set. Bounds are epoch milliseconds; null means open.
     */
    public List<StoredEvent> findEvents(Connection connection, Tenant tenant, Collection<String> xids,
            EventQuery query) throws SQLException {
        if (xids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(tenantArgs(tenant, xids)));
        StringBuilder sql = new StringBuilder("SELECT * FROM experience_event WHERE org_id = ? AND sandbox_name = ? "
                + "AND primary_xid IN (" + Sql.placeholders(xids.size()) + ")");
        if (query.startTime() != null) {
            sql.append(" AND event_time >= ?");
            args.add(query.startTime());
        }
        if (query.endTime() != null) {
            sql.append(" AND event_time < ?");
            args.add(query.endTime());
        }
        String cmp = query.descending() ? "<" : ">";
        if (query.after() != null) {
            EventQuery.Position p = query.after();
            sql.append(" AND (event_time " + cmp + " ? OR (event_time = ? AND (dataset_id " + cmp + " ? OR "
                    + "(dataset_id = ? AND (event_id " + cmp + " ? OR (event_id = ? AND primary_xid " + cmp
                    + " ?))))))");
            args.addAll(List.of(p.eventTime(), p.eventTime(), p.datasetId(), p.datasetId(), p.eventId(),
                    p.eventId(), p.primaryXid()));
        }
        String direction = query.descending() ? " DESC" : " ASC";
        sql.append(" ORDER BY event_time").append(direction).append(", dataset_id").append(direction)
                .append(", event_id").append(direction).append(", primary_xid").append(direction)
                .append(" LIMIT ").append(query.limit());
        return Sql.query(connection, sql.toString(), ProfileDataRepository::mapEvent, args.toArray());
    }

    /** Deletes every fragment and event whose primary identity is one of {@code xids}. */
    public void deleteByIdentities(Connection connection, Tenant tenant, Collection<String> xids) throws SQLException {
        if (xids.isEmpty()) {
            return;
        }
        String in = Sql.placeholders(xids.size());
        Sql.update(connection, "DELETE FROM profile_fragment WHERE org_id = ? AND sandbox_name = ? AND primary_xid IN ("
                + in + ")", tenantArgs(tenant, xids));
        Sql.update(connection, "DELETE FROM experience_event WHERE org_id = ? AND sandbox_name = ? AND primary_xid IN ("
                + in + ")", tenantArgs(tenant, xids));
    }

    /**
     * Deletes the fragments and events, among those whose primary identity is one of
     * {@code xids}, that carry the identity {@code carriedXid}, and returns how many went.
     */
    public int deleteCarrying(Connection connection, Tenant tenant, Collection<String> xids, String carriedXid)
            throws SQLException {
        if (xids.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(List.of(tenantArgs(tenant, xids)));
        args.add("%," + escapeLike(carriedXid) + ",%");
        String where = " WHERE org_id = ? AND sandbox_name = ? AND primary_xid IN (" + Sql.placeholders(xids.size())
                + ") AND (',' || identity_xids || ',') LIKE ? ESCAPE '!'";
        return Sql.update(connection, "DELETE FROM profile_fragment" + where, args.toArray())
                + Sql.update(connection, "DELETE FROM experience_event" + where, args.toArray());
    }

    /**
     * Returns up to {@code max} primary identities that still have profile fragments of a dataset,
     * in identity order.
     */
    public List<String> fragmentIdentities(Connection connection, Tenant tenant, String datasetId, int max)
            throws SQLException {
        return Sql.query(connection, "SELECT primary_xid FROM profile_fragment WHERE dataset_id = ? AND org_id = ? "
                + "AND sandbox_name = ? ORDER BY primary_xid LIMIT " + max, row -> row.getString(1),
                datasetId, tenant.orgId(), tenant.sandboxName());
    }

    /**
     * Returns up to {@code max} distinct primary identities that still have experience events of a
     * dataset, or of one of its batches when {@code batchId} is not null, in identity order.
     */
    public List<String> eventIdentities(Connection connection, Tenant tenant, String datasetId, String batchId,
            int max) throws SQLException {
        if (batchId == null) {
            return Sql.query(connection, "SELECT DISTINCT primary_xid FROM experience_event WHERE dataset_id = ? "
                    + "AND org_id = ? AND sandbox_name = ? ORDER BY primary_xid LIMIT " + max,
                    row -> row.getString(1), datasetId, tenant.orgId(), tenant.sandboxName());
        }
        return Sql.query(connection, "SELECT DISTINCT primary_xid FROM experience_event WHERE batch_id = ? "
                + "AND org_id = ? AND sandbox_name = ? AND dataset_id = ? ORDER BY primary_xid LIMIT " + max,
                row -> row.getString(1), batchId, tenant.orgId(), tenant.sandboxName(), datasetId);
    }

    /** Deletes the fragments of a dataset whose primary identity is one of {@code xids}; returns how many went. */
    public int deleteDatasetFragments(Connection connection, Tenant tenant, String datasetId,
            Collection<String> xids) throws SQLException {
        if (xids.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(List.of(tenantArgs(tenant, xids)));
        args.add(datasetId);
        return Sql.update(connection, "DELETE FROM profile_fragment WHERE org_id = ? AND sandbox_name = ? "
                + "AND primary_xid IN (" + Sql.placeholders(xids.size()) + ") AND dataset_id = ?", args.toArray());
    }

    /**
     * Deletes the events of a dataset, or of one of its batches when {@code batchId} is not null,
     * whose primary identity is one of {@code xids}; returns how many went.
     */
    public int deleteDatasetEvents(Connection connection, Tenant tenant, String datasetId, String batchId,
            Collection<String> xids) throws SQLException {
        if (xids.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>(List.of(tenantArgs(tenant, xids)));
        args.add(datasetId);
        String batchCondition = "";
        if (batchId != null) {
            batchCondition = " AND batch_id = ?";
            args.add(batchId);
        }
        return Sql.update(connection, "DELETE FROM experience_event WHERE org_id = ? AND sandbox_name = ? "
                + "AND primary_xid IN (" + Sql.placeholders(xids.size()) + ") AND dataset_id = ?" + batchCondition,
                args.toArray());
    }

    /** Escapes the LIKE wildcards of a value, with {@code !} as the escape character. */
    private static String escapeLike(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Object[] tenantArgs(Tenant tenant, Collection<String> xids) {
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        args.addAll(xids);
        return args.toArray();
    }

    private static StoredFragment mapFragment(ResultSet row) throws SQLException {
        return new StoredFragment(row.getString("dataset_id"), row.getString("primary_xid"), row.getString("batch_id"),
                Json.readObject(row.getString("record")), row.getLong("record_time"), row.getLong("ingested_at"),
                splitXids(row.getString("identity_xids")));
    }

    private static StoredEvent mapEvent(ResultSet row) throws SQLException {
        return new StoredEvent(row.getString("dataset_id"), row.getString("event_id"), row.getString("primary_xid"),
                row.getString("batch_id"), row.getLong("event_time"), Json.readObject(row.getString("record")),
                row.getLong("ingested_at"), splitXids(row.getString("identity_xids")));
    }

    /** Reads the identity_xids column, a comma-separated list; entity ids never contain commas. */
    private static List<String> splitXids(String column) {
        return column.isEmpty() ? List.of() : List.of(column.split(","));
    }
}
