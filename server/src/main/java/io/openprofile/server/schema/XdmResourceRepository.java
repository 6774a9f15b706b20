package io.openprofile.server.schema;

import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for Schema Registry documents and descriptors. */
@ApplicationScoped
public class XdmResourceRepository {

    public void insert(Connection connection, Tenant tenant, ResourceKind kind, String id, String altId,
            String title, String classId, ObjectNode body, long now) throws SQLException {
        Sql.update(connection, "INSERT INTO xdm_resource (org_id, sandbox_name, resource_id, alt_id, kind, title, "
                + "class_id, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), id, altId, kind.name(), title, classId, Json.write(body),
                now, now);
    }

    /** Finds a document by {@code $id} or {@code meta:altId}. */
    public Optional<ObjectNode> find(Connection connection, Tenant tenant, String idOrAltId) throws SQLException {
        return Sql.queryOne(connection, "SELECT body FROM xdm_resource WHERE org_id = ? AND sandbox_name = ? "
                + "AND (resource_id = ? OR alt_id = ?)",
                row -> Json.readObject(row.getString(1)), tenant.orgId(), tenant.sandboxName(), idOrAltId,
                idOrAltId);
    }

    public List<ObjectNode> list(Connection connection, Tenant tenant, ResourceKind kind) throws SQLException {
        return Sql.query(connection, "SELECT body FROM xdm_resource WHERE org_id = ? AND sandbox_name = ? "
                + "AND kind = ? ORDER BY created_at, resource_id",
                row -> Json.readObject(row.getString(1)), tenant.orgId(), tenant.sandboxName(), kind.name());
    }

    public List<ObjectNode> listSchemasOfClass(Connection connection, Tenant tenant, String classId)
            throws SQLException {
        return Sql.query(connection, "SELECT body FROM xdm_resource WHERE org_id = ? AND sandbox_name = ? "
                + "AND kind = ? AND class_id = ? ORDER BY created_at, resource_id",
                row -> Json.readObject(row.getString(1)), tenant.orgId(), tenant.sandboxName(),
                ResourceKind.SCHEMAS.name(), classId);
    }

    public int count(Connection connection, Tenant tenant, ResourceKind kind) throws SQLException {
        return Sql.queryOne(connection, "SELECT COUNT(*) FROM xdm_resource WHERE org_id = ? AND sandbox_name = ? "
                + "AND kind = ?", row -> row.getInt(1), tenant.orgId(), tenant.sandboxName(), kind.name())
                .orElse(0);
    }

    public int countDescriptors(Connection connection, Tenant tenant) throws SQLException {
        return Sql.queryOne(connection, "SELECT COUNT(*) FROM xdm_descriptor WHERE org_id = ? AND sandbox_name = ?",
                row -> row.getInt(1), tenant.orgId(), tenant.sandboxName()).orElse(0);
    }

    public boolean titleExists(Connection connection, Tenant tenant, ResourceKind kind, String title)
            throws SQLException {
        return Sql.queryOne(connection, "SELECT 1 FROM xdm_resource WHERE org_id = ? AND sandbox_name = ? "
                + "AND kind = ? AND title = ?", row -> true, tenant.orgId(), tenant.sandboxName(), kind.name(),
                title).isPresent();
    }

    public void insertDescriptor(Connection connection, Tenant tenant, Descriptor descriptor, long now)
            throws SQLException {
        Sql.update(connection, "INSERT INTO xdm_descriptor (org_id, sandbox_name, id, descriptor_type, schema_id, "
                + "source_property, namespace_code, is_primary, body, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), descriptor.id(), descriptor.type(), descriptor.schemaId(),
                descriptor.sourceProperty(), descriptor.namespaceCode(), descriptor.primary(),
                Json.write(descriptor.body()), now);
    }

    public List<Descriptor> listDescriptors(Connection connection, Tenant tenant) throws SQLException {
        return Sql.query(connection, "SELECT * FROM xdm_descriptor WHERE org_id = ? AND sandbox_name = ? "
                + "ORDER BY created_at, id", XdmResourceRepository::mapDescriptor, tenant.orgId(),
                tenant.sandboxName());
    }

    public List<Descriptor> listDescriptorsOfSchema(Connection connection, Tenant tenant, String schemaId)
            throws SQLException {
        return Sql.query(connection, "SELECT * FROM xdm_descriptor WHERE org_id = ? AND sandbox_name = ? "
                + "AND schema_id = ? ORDER BY created_at, id", XdmResourceRepository::mapDescriptor,
                tenant.orgId(), tenant.sandboxName(), schemaId);
    }

    public Optional<Descriptor> findDescriptor(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM xdm_descriptor WHERE org_id = ? AND sandbox_name = ? "
                + "AND id = ?", XdmResourceRepository::mapDescriptor, tenant.orgId(), tenant.sandboxName(), id);
    }

    public boolean deleteDescriptor(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM xdm_descriptor WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                tenant.orgId(), tenant.sandboxName(), id) == 1;
    }

    private static Descriptor mapDescriptor(java.sql.ResultSet row) throws SQLException {
        return new Descriptor(row.getString("id"), row.getString("descriptor_type"), row.getString("schema_id"),
                row.getString("source_property"), row.getString("namespace_code"), row.getBoolean("is_primary"),
                Json.readObject(row.getString("body")));
    }
}
