package io.openprofile.server.projection;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for projection configurations. */
@ApplicationScoped
public class ProjectionRepository {

    public void insert(Connection connection, Tenant tenant, Projection projection, long now) throws SQLException {
        Sql.update(connection, "INSERT INTO edge_projection (org_id, sandbox_name, id, schema_name, name, selector, "
                + "destination_id, merge_policy_id, version, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), projection.id(), projection.schemaName(), projection.name(),
                projection.selector(), projection.destinationId(), projection.mergePolicyId(),
                projection.version(), now, now);
    }

    /**
     * Replaces a configuration's state and increases its version, only while the stored version is still
     * {@code expectedVersion}. Returns false when no row matched: the configuration does not exist or another
     * update came first.
     */
    public boolean update(Connection connection, Tenant tenant, String id, ProjectionSpec state,
            int expectedVersion, long now) throws SQLException {
        return Sql.update(connection, "UPDATE edge_projection SET name = ?, selector = ?, destination_id = ?, "
                + "merge_policy_id = ?, version = version + 1, updated_at = ? "
                + "WHERE org_id = ? AND sandbox_name = ? AND id = ? AND version = ?",
                state.name(), state.selector(), state.destinationId(), state.mergePolicyId(), now,
                tenant.orgId(), tenant.sandboxName(), id, expectedVersion) == 1;
    }

    public Optional<Projection> find(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM edge_projection WHERE org_id = ? AND sandbox_name = ? "
                + "AND id = ?", ProjectionRepository::map, tenant.orgId(), tenant.sandboxName(), id);
    }

    /** Finds the configuration of a class with the given name, ignoring {@code exceptId}. */
    public Optional<Projection> findByName(Connection connection, Tenant tenant, String schemaName, String name,
            String exceptId) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM edge_projection WHERE org_id = ? AND sandbox_name = ? "
                + "AND schema_name = ? AND name = ? AND id <> ?", ProjectionRepository::map,
                tenant.orgId(), tenant.sandboxName(), schemaName, name, exceptId == null ? "" : exceptId);
    }

    /** Lists configurations in creation order, filtered by class and name where those are not {@code null}. */
    public List<Projection> list(Connection connection, Tenant tenant, String schemaName, String name)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM edge_projection WHERE org_id = ? AND sandbox_name = ?");
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        if (schemaName != null) {
            sql.append(" AND schema_name = ?");
            args.add(schemaName);
        }
        if (name != null) {
            sql.append(" AND name = ?");
            args.add(name);
        }
        sql.append(" ORDER BY created_at, id");
        return Sql.query(connection, sql.toString(), ProjectionRepository::map, args.toArray());
    }

    /** Returns the ids of the configurations that refer to a destination, oldest first. */
    public List<String> idsUsingDestination(Connection connection, Tenant tenant, String destinationId)
            throws SQLException {
        return Sql.query(connection, "SELECT id FROM edge_projection WHERE org_id = ? AND sandbox_name = ? "
                + "AND destination_id = ? ORDER BY created_at, id", row -> row.getString("id"),
                tenant.orgId(), tenant.sandboxName(), destinationId);
    }

    public boolean delete(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM edge_projection WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                tenant.orgId(), tenant.sandboxName(), id) == 1;
    }

    private static Projection map(ResultSet row) throws SQLException {
        return new Projection(row.getString("id"), row.getString("schema_name"), row.getString("name"),
                row.getString("selector"), row.getString("destination_id"), row.getString("merge_policy_id"),
                row.getInt("version"));
    }
}
