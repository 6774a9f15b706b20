package io.openprofile.server.computed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** SQL for the partial aggregates of computed attributes, one per identity, attribute and time bucket. */
@ApplicationScoped
public class ComputedValueRepository {

    /** A stored partial aggregate. */
    public record StoredState(String primaryXid, String attributeId, long bucketStart, ObjectNode state) {
    }

    /** Stores the state of one bucket, replacing the previous one. */
    public void put(Connection connection, Tenant tenant, StoredState state) throws SQLException {
        delete(connection, tenant, state.primaryXid(), state.attributeId(), state.bucketStart());
        Sql.update(connection, "INSERT INTO computed_value (primary_xid, attribute_id, bucket_start, org_id, "
                + "sandbox_name, state) VALUES (?, ?, ?, ?, ?, ?)", state.primaryXid(), state.attributeId(),
                state.bucketStart(), tenant.orgId(), tenant.sandboxName(), Json.write(state.state()));
    }

    public void delete(Connection connection, Tenant tenant, String primaryXid, String attributeId, long bucketStart)
            throws SQLException {
        Sql.update(connection, "DELETE FROM computed_value WHERE primary_xid = ? AND attribute_id = ? "
                + "AND bucket_start = ? AND org_id = ? AND sandbox_name = ?", primaryXid, attributeId, bucketStart,
                tenant.orgId(), tenant.sandboxName());
    }

    /** Deletes every state of the given identities for the given attribute. */
    public void deleteFor(Connection connection, Tenant tenant, String attributeId, Collection<String> xids)
            throws SQLException {
        if (xids.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(xids);
        args.addAll(List.of(attributeId, tenant.orgId(), tenant.sandboxName()));
        Sql.update(connection, "DELETE FROM computed_value WHERE primary_xid IN (" + Sql.placeholders(xids.size())
                + ") AND attribute_id = ? AND org_id = ? AND sandbox_name = ?", args.toArray());
    }

    /** Deletes every state of the given identities, for all attributes. */
    public void deleteFor(Connection connection, Tenant tenant, Collection<String> xids) throws SQLException {
        if (xids.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(xids);
        args.addAll(List.of(tenant.orgId(), tenant.sandboxName()));
        Sql.update(connection, "DELETE FROM computed_value WHERE primary_xid IN (" + Sql.placeholders(xids.size())
                + ") AND org_id = ? AND sandbox_name = ?", args.toArray());
    }

    /** Deletes every state of an attribute, for a deleted attribute or before a new evaluation. */
    public void deleteAttribute(Connection connection, Tenant tenant, String attributeId) throws SQLException {
        Sql.update(connection, "DELETE FROM computed_value WHERE attribute_id = ? AND org_id = ? AND sandbox_name = ?",
                attributeId, tenant.orgId(), tenant.sandboxName());
    }

    /** Returns the states of the given identities for the given attributes. */
    public List<StoredState> find(Connection connection, Tenant tenant, Collection<String> xids,
            Collection<String> attributeIds) throws SQLException {
        if (xids.isEmpty() || attributeIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(xids);
        args.addAll(List.of(tenant.orgId(), tenant.sandboxName()));
        args.addAll(attributeIds);
        return Sql.query(connection, "SELECT primary_xid, attribute_id, bucket_start, state FROM computed_value "
                + "WHERE primary_xid IN (" + Sql.placeholders(xids.size()) + ") AND org_id = ? AND sandbox_name = ? "
                + "AND attribute_id IN (" + Sql.placeholders(attributeIds.size()) + ")",
                row -> new StoredState(row.getString(1), row.getString(2), row.getLong(3),
                        Json.readObject(row.getString(4))), args.toArray());
    }

    /**
     * Returns up to {@code limit} distinct primary identities of the sandbox's experience events that
     * sort after {@code after}, in order, for walking every person with events.
     */
    public List<String> eventIdentities(Connection connection, Tenant tenant, String after, int limit)
            throws SQLException {
        return Sql.query(connection, "SELECT DISTINCT primary_xid FROM experience_event WHERE primary_xid > ? "
                + "AND org_id = ? AND sandbox_name = ? ORDER BY primary_xid LIMIT " + limit,
                row -> row.getString(1), after == null ? "" : after, tenant.orgId(), tenant.sandboxName());
    }

    /** Counts the distinct primary identities of the sandbox's experience events, for progress reports. */
    public long countEventIdentities(Connection connection, Tenant tenant) throws SQLException {
        return Sql.queryOne(connection, "SELECT COUNT(DISTINCT primary_xid) FROM experience_event WHERE org_id = ? "
                + "AND sandbox_name = ?", row -> row.getLong(1), tenant.orgId(), tenant.sandboxName()).orElse(0L);
    }
}
