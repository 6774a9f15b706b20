package io.openprofile.server.identity;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** SQL for custom identity namespaces; standard namespaces live in code. */
@ApplicationScoped
public class NamespaceRepository {

    public List<StoredNamespace> list(Connection connection, Tenant tenant) throws SQLException {
        return Sql.query(connection, "SELECT * FROM identity_namespace WHERE org_id = ? AND sandbox_name = ? ORDER BY id",
                NamespaceRepository::map, tenant.orgId(), tenant.sandboxName());
    }

    public int nextId(Connection connection, Tenant tenant, int firstCustomId) throws SQLException {
        return Sql.queryOne(connection, "SELECT MAX(id) FROM identity_namespace WHERE org_id = ? AND sandbox_name = ?",
                row -> row.getObject(1) == null ? firstCustomId : row.getInt(1) + 1, tenant.orgId(),
                tenant.sandboxName()).orElse(firstCustomId);
    }

    public void insert(Connection connection, Tenant tenant, StoredNamespace namespace) throws SQLException {
        Sql.update(connection, "INSERT INTO identity_namespace (org_id, sandbox_name, id, code, code_lower, name, "
                + "description, id_type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), namespace.namespace().id(), namespace.namespace().code(),
                namespace.namespace().code().toLowerCase(Locale.ROOT), namespace.namespace().name(),
                namespace.namespace().description(), namespace.namespace().idType(), namespace.createdAt(),
                namespace.updatedAt());
    }

    private static StoredNamespace map(ResultSet row) throws SQLException {
        return new StoredNamespace(new Namespace(row.getInt("id"), row.getString("code"), row.getString("name"),
                row.getString("id_type"), row.getString("description"), true), row.getLong("created_at"),
                row.getLong("updated_at"));
    }

    /** A custom namespace with its timestamps (epoch ms). */
    public record StoredNamespace(Namespace namespace, long createdAt, long updatedAt) {
    }
}
