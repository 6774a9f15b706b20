package io.openprofile.server.projection;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SQL for projection destinations. */
@ApplicationScoped
public class DestinationRepository {

    public void insert(Connection connection, Tenant tenant, Destination destination, long now) throws SQLException {
        Sql.update(connection, "INSERT INTO edge_destination (org_id, sandbox_name, id, destination_type, "
                + "data_centers, data_centers_key, ttl_seconds, replication_policy, version, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), destination.id(), destination.type(),
                String.join(",", destination.dataCenters()), dataCentersKey(destination.dataCenters()),
                destination.ttlSeconds(), destination.replicationPolicy(), destination.version(), now, now);
    }

    /**
     * Replaces a destination's state and increases its version, only while the stored version is still
     * {@code expectedVersion}. Returns false when no row matched: the destination does not exist or another
     * update came first.
     */
    public boolean update(Connection connection, Tenant tenant, String id, DestinationSpec state,
            int expectedVersion, long now) throws SQLException {
        return Sql.update(connection, "UPDATE edge_destination SET destination_type = ?, data_centers = ?, "
                + "data_centers_key = ?, ttl_seconds = ?, replication_policy = ?, version = version + 1, "
                + "updated_at = ? WHERE org_id = ? AND sandbox_name = ? AND id = ? AND version = ?",
                state.type(), String.join(",", state.dataCenters()), dataCentersKey(state.dataCenters()),
                state.ttlSeconds(), state.replicationPolicy(), now, tenant.orgId(), tenant.sandboxName(), id,
                expectedVersion) == 1;
    }

    public Optional<Destination> find(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM edge_destination WHERE org_id = ? AND sandbox_name = ? "
                + "AND id = ?", DestinationRepository::map, tenant.orgId(), tenant.sandboxName(), id);
    }

    /**
     * Reads a destination and locks its row until the transaction ends, so that a concurrent delete and a
     * concurrent projection write that refers to it run one after the other.
     */
    public Optional<Destination> findForUpdate(Connection connection, Tenant tenant, String id)
            throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM edge_destination WHERE org_id = ? AND sandbox_name = ? "
                + "AND id = ? FOR UPDATE", DestinationRepository::map, tenant.orgId(), tenant.sandboxName(), id);
    }

    /** Finds the destination with the same type and set of data centres, ignoring {@code exceptId}. */
    public Optional<Destination> findSame(Connection connection, Tenant tenant, String type,
            List<String> dataCenters, String exceptId) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM edge_destination WHERE org_id = ? AND sandbox_name = ? "
                + "AND destination_type = ? AND data_centers_key = ? AND id <> ?", DestinationRepository::map,
                tenant.orgId(), tenant.sandboxName(), type, dataCentersKey(dataCenters),
                exceptId == null ? "" : exceptId);
    }

    public List<Destination> list(Connection connection, Tenant tenant) throws SQLException {
        return Sql.query(connection, "SELECT * FROM edge_destination WHERE org_id = ? AND sandbox_name = ? "
                + "ORDER BY created_at, id", DestinationRepository::map, tenant.orgId(), tenant.sandboxName());
    }

    public boolean delete(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM edge_destination WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                tenant.orgId(), tenant.sandboxName(), id) == 1;
    }

    /** Returns the data centres sorted and comma-separated, the same for every order of the same set. */
    private static String dataCentersKey(List<String> dataCenters) {
        return String.join(",", dataCenters.stream().sorted().toList());
    }

    private static Destination map(ResultSet row) throws SQLException {
        return new Destination(row.getString("id"), row.getString("destination_type"),
                Arrays.asList(row.getString("data_centers").split(",")), row.getInt("ttl_seconds"),
                row.getString("replication_policy"), row.getInt("version"));
    }
}
