package io.openprofile.server.computed;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for computed attribute definitions. */
@ApplicationScoped
public class ComputedAttributeRepository {

    private static final String LOCK_NAME = "computed-attributes";

    public void insert(Connection connection, Tenant tenant, ComputedAttribute attribute) throws SQLException {
        Sql.update(connection, "INSERT INTO computed_attribute (org_id, sandbox_name, id, name, display_name, "
                + "description, generation, parent_path, expression, duration_count, duration_unit, keep_current, "
                + "status, merge_function, return_type, created_at, updated_at, evaluated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), attribute.id(), attribute.name(), attribute.displayName(),
                attribute.description(), attribute.generation().name(), String.join(".", attribute.parentPath()),
                attribute.expression(), durationCount(attribute), durationUnit(attribute), attribute.keepCurrent(),
                attribute.status().name(), attribute.mergeFunction(), attribute.returnType(), attribute.createdAt(),
                attribute.updatedAt(), attribute.evaluatedAt());
    }

    /** Stores every field of {@code attribute}; returns false when the attribute no longer exists. */
    public boolean update(Connection connection, Tenant tenant, ComputedAttribute attribute) throws SQLException {
        return Sql.update(connection, "UPDATE computed_attribute SET name = ?, display_name = ?, description = ?, "
                + "expression = ?, duration_count = ?, duration_unit = ?, keep_current = ?, status = ?, "
                + "merge_function = ?, return_type = ?, updated_at = ?, evaluated_at = ? "
                + "WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                attribute.name(), attribute.displayName(), attribute.description(), attribute.expression(),
                durationCount(attribute), durationUnit(attribute), attribute.keepCurrent(), attribute.status().name(),
                attribute.mergeFunction(), attribute.returnType(), attribute.updatedAt(), attribute.evaluatedAt(),
                tenant.orgId(), tenant.sandboxName(), attribute.id()) == 1;
    }

    /**
     * Moves an attribute from {@code expected} to {@code next} status; returns false when its status
     * is no longer {@code expected}, because a user changed it in the meantime.
     */
    public boolean transition(Connection connection, Tenant tenant, String id, ComputedAttributeStatus expected,
            ComputedAttributeStatus next, Long evaluatedAt, long now) throws SQLException {
        String setEvaluated = evaluatedAt == null ? "" : ", evaluated_at = " + evaluatedAt;
        return Sql.update(connection, "UPDATE computed_attribute SET status = ?, updated_at = ?" + setEvaluated
                + " WHERE org_id = ? AND sandbox_name = ? AND id = ? AND status = ?", next.name(), now,
                tenant.orgId(), tenant.sandboxName(), id, expected.name()) == 1;
    }

    public boolean delete(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM computed_attribute WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                tenant.orgId(), tenant.sandboxName(), id) == 1;
    }

    public Optional<ComputedAttribute> find(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM computed_attribute WHERE org_id = ? AND sandbox_name = ? "
                + "AND id = ?", ComputedAttributeRepository::map, tenant.orgId(), tenant.sandboxName(), id);
    }

    public Optional<ComputedAttribute> findByName(Connection connection, Tenant tenant, String name)
            throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM computed_attribute WHERE org_id = ? AND sandbox_name = ? "
                + "AND name = ?", ComputedAttributeRepository::map, tenant.orgId(), tenant.sandboxName(), name);
    }

    /** Returns every attribute of the sandbox in creation order. */
    public List<ComputedAttribute> findAll(Connection connection, Tenant tenant) throws SQLException {
        return Sql.query(connection, "SELECT * FROM computed_attribute WHERE org_id = ? AND sandbox_name = ? "
                + "ORDER BY created_at, id", ComputedAttributeRepository::map, tenant.orgId(), tenant.sandboxName());
    }

    /**
     * Locks the sandbox's attribute definitions until the transaction ends, so that the count limit
     * holds under concurrent requests. The lock row must exist, see {@link #createLockRow}.
     */
    public void lock(Connection connection, Tenant tenant) throws SQLException {
        Sql.query(connection, "SELECT lock_name FROM sandbox_lock WHERE org_id = ? AND sandbox_name = ? "
                + "AND lock_name = ? FOR UPDATE", row -> row.getString(1), tenant.orgId(), tenant.sandboxName(),
                LOCK_NAME);
    }

    /** Inserts the lock row; fails with a duplicate key when it exists already. */
    public void createLockRow(Connection connection, Tenant tenant) throws SQLException {
        Sql.update(connection, "INSERT INTO sandbox_lock (org_id, sandbox_name, lock_name) VALUES (?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), LOCK_NAME);
    }

    public boolean hasLockRow(Connection connection, Tenant tenant) throws SQLException {
        return Sql.queryOne(connection, "SELECT 1 FROM sandbox_lock WHERE org_id = ? AND sandbox_name = ? "
                + "AND lock_name = ?", row -> true, tenant.orgId(), tenant.sandboxName(), LOCK_NAME).isPresent();
    }

    private static Integer durationCount(ComputedAttribute attribute) {
        return attribute.duration() == null ? null : attribute.duration().count();
    }

    private static String durationUnit(ComputedAttribute attribute) {
        return attribute.duration() == null ? null : attribute.duration().unit();
    }

    private static ComputedAttribute map(ResultSet row) throws SQLException {
        int count = row.getInt("duration_count");
        ComputedAttribute.Duration duration = row.wasNull() ? null
                : new ComputedAttribute.Duration(count, row.getString("duration_unit"));
        long evaluatedAt = row.getLong("evaluated_at");
        Long evaluated = row.wasNull() ? null : evaluatedAt;
        return new ComputedAttribute(row.getString("id"), row.getString("name"), row.getString("display_name"),
                row.getString("description"), ComputedAttribute.Generation.valueOf(row.getString("generation")),
                List.of(row.getString("parent_path").split("\\.")), row.getString("expression"), duration,
                row.getBoolean("keep_current"), ComputedAttributeStatus.valueOf(row.getString("status")),
                row.getString("merge_function"), row.getString("return_type"), row.getLong("created_at"),
                row.getLong("updated_at"), evaluated);
    }
}
