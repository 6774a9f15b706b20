package io.openprofile.server.catalog;

import io.openprofile.server.schema.XdmClasses;
import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for Catalog datasets. */
@ApplicationScoped
public class DatasetRepository {

    public void insert(Connection connection, Tenant tenant, Dataset dataset) throws SQLException {
        Sql.update(connection, "INSERT INTO dataset (org_id, sandbox_name, id, name, schema_id, schema_class, "
                + "profile_enabled, identity_enabled, body, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), dataset.id(), dataset.name(), dataset.schemaId(),
                dataset.schemaClass().id(), dataset.profileEnabled(), dataset.identityEnabled(),
                Json.write(dataset.body()), dataset.createdAt(), dataset.updatedAt());
    }

    public void update(Connection connection, Tenant tenant, Dataset dataset) throws SQLException {
        Sql.update(connection, "UPDATE dataset SET name = ?, profile_enabled = ?, identity_enabled = ?, body = ?, "
                + "updated_at = ? WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                dataset.name(), dataset.profileEnabled(), dataset.identityEnabled(), Json.write(dataset.body()),
                dataset.updatedAt(), tenant.orgId(), tenant.sandboxName(), dataset.id());
    }

    public Optional<Dataset> find(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM dataset WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                DatasetRepository::map, tenant.orgId(), tenant.sandboxName(), id);
    }

    /** Lists datasets ordered by creation, optionally only those with a given name. */
    public List<Dataset> list(Connection connection, Tenant tenant, String name, int offset, int limit)
            throws SQLException {
        String filter = name == null ? "" : " AND name = ?";
        Object[] args = name == null
                ? new Object[] {tenant.orgId(), tenant.sandboxName()}
                : new Object[] {tenant.orgId(), tenant.sandboxName(), name};
        return Sql.query(connection, "SELECT * FROM dataset WHERE org_id = ? AND sandbox_name = ?" + filter
                + " ORDER BY created_at, id LIMIT " + limit + " OFFSET " + offset, DatasetRepository::map, args);
    }

    private static Dataset map(ResultSet row) throws SQLException {
        return new Dataset(row.getString("id"), row.getString("name"), row.getString("schema_id"),
                XdmClasses.find(row.getString("schema_class")).orElseThrow(),
                row.getBoolean("profile_enabled"), row.getBoolean("identity_enabled"),
                Json.readObject(row.getString("body")), row.getLong("created_at"), row.getLong("updated_at"));
    }
}
