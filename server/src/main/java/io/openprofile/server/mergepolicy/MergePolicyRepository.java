package io.openprofile.server.mergepolicy;

import io.openprofile.server.merge.AttributeMergeType;
import io.openprofile.server.merge.IdentityGraphType;
import io.openprofile.server.merge.MergePolicy;
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

/** SQL for merge policies. Times are stored in epoch milliseconds; policies report seconds. */
@ApplicationScoped
public class MergePolicyRepository {

    /** Returns whether the sandbox's policies have been created, without locking. */
    public boolean isInitialized(Connection connection, Tenant tenant) throws SQLException {
        return Sql.queryOne(connection, "SELECT 1 FROM merge_policy_sandbox WHERE org_id = ? AND sandbox_name = ?",
                row -> true, tenant.orgId(), tenant.sandboxName()).isPresent();
    }

    /**
     * Marks the sandbox's policies as created. Fails with a duplicate key when another transaction
     * did so first.
     */
    public void markInitialized(Connection connection, Tenant tenant, long now) throws SQLException {
        Sql.update(connection, "INSERT INTO merge_policy_sandbox (org_id, sandbox_name, created_at) VALUES (?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), now);
    }

    /**
     * Locks the sandbox's policies until the transaction ends, so that checks spanning several
     * policies and the writes that follow them run one transaction at a time.
     */
    public void lock(Connection connection, Tenant tenant) throws SQLException {
        Sql.query(connection, "SELECT org_id FROM merge_policy_sandbox WHERE org_id = ? AND sandbox_name = ? "
                + "FOR UPDATE", row -> row.getString(1), tenant.orgId(), tenant.sandboxName());
    }

    public void insert(Connection connection, Tenant tenant, MergePolicy policy, long createdAt, long updatedAt)
            throws SQLException {
        Sql.update(connection, "INSERT INTO merge_policy (org_id, sandbox_name, id, name, schema_name, identity_graph, "
                + "attribute_merge, dataset_order, is_default, active_on_edge, version, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), policy.id(), policy.name(), policy.schemaName(),
                policy.identityGraph().apiValue(), policy.attributeMerge().apiValue(),
                Json.writeStrings(policy.datasetOrder()), policy.defaultPolicy(),
                policy.activeOnEdge(), policy.version(), createdAt, updatedAt);
    }

    /** Stores {@code policy} over the row at {@code expectedVersion}; returns false when the version moved on. */
    public boolean update(Connection connection, Tenant tenant, MergePolicy policy, int expectedVersion,
            long updatedAt) throws SQLException {
        return Sql.update(connection, "UPDATE merge_policy SET name = ?, schema_name = ?, identity_graph = ?, "
                + "attribute_merge = ?, dataset_order = ?, is_default = ?, active_on_edge = ?, version = ?, "
                + "updated_at = ? WHERE org_id = ? AND sandbox_name = ? AND id = ? AND version = ?",
                policy.name(), policy.schemaName(), policy.identityGraph().apiValue(),
                policy.attributeMerge().apiValue(), Json.writeStrings(policy.datasetOrder()),
                policy.defaultPolicy(), policy.activeOnEdge(), policy.version(), updatedAt, tenant.orgId(),
                tenant.sandboxName(), policy.id(), expectedVersion) == 1;
    }

    /**
     * Makes the default policy of {@code schemaName}, other than {@code keepId}, no longer default,
     * and counts that as a change of its version.
     */
    public void clearDefault(Connection connection, Tenant tenant, String schemaName, String keepId, long updatedAt)
            throws SQLException {
        Sql.update(connection, "UPDATE merge_policy SET is_default = ?, version = version + 1, updated_at = ? "
                + "WHERE org_id = ? AND sandbox_name = ? AND schema_name = ? AND is_default = ? AND id <> ?",
                false, updatedAt, tenant.orgId(), tenant.sandboxName(), schemaName, true, keepId);
    }

    /** Returns the id of an edge projection that reads with the policy, if any. */
    public Optional<String> findProjectionUsing(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT id FROM edge_projection WHERE org_id = ? AND sandbox_name = ? "
                + "AND merge_policy_id = ? ORDER BY id LIMIT 1", row -> row.getString(1), tenant.orgId(),
                tenant.sandboxName(), id);
    }

    public boolean delete(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.update(connection, "DELETE FROM merge_policy WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                tenant.orgId(), tenant.sandboxName(), id) == 1;
    }

    public Optional<MergePolicy> find(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM merge_policy WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                MergePolicyRepository::map, tenant.orgId(), tenant.sandboxName(), id);
    }

    public List<MergePolicy> findAll(Connection connection, Tenant tenant, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        args.addAll(ids);
        return Sql.query(connection, "SELECT * FROM merge_policy WHERE org_id = ? AND sandbox_name = ? AND id IN ("
                + Sql.placeholders(ids.size()) + ")", MergePolicyRepository::map, args.toArray());
    }

    public Optional<MergePolicy> findDefault(Connection connection, Tenant tenant, String schemaName)
            throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM merge_policy WHERE org_id = ? AND sandbox_name = ? "
                + "AND schema_name = ? AND is_default = ?", MergePolicyRepository::map, tenant.orgId(),
                tenant.sandboxName(), schemaName, true);
    }

    public Optional<MergePolicy> findActiveOnEdge(Connection connection, Tenant tenant) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM merge_policy WHERE org_id = ? AND sandbox_name = ? "
                + "AND active_on_edge = ?", MergePolicyRepository::map, tenant.orgId(), tenant.sandboxName(), true);
    }

    public Optional<MergePolicy> findByName(Connection connection, Tenant tenant, String name) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM merge_policy WHERE org_id = ? AND sandbox_name = ? "
                + "AND name = ?", MergePolicyRepository::map, tenant.orgId(), tenant.sandboxName(), name);
    }

    public int count(Connection connection, Tenant tenant, MergePolicyFilter filter) throws SQLException {
        Conditions where = conditions(tenant, filter);
        return Sql.queryOne(connection, "SELECT COUNT(*) FROM merge_policy WHERE " + where.sql(),
                row -> row.getInt(1), where.args().toArray()).orElse(0);
    }

    /**
     * Lists policies that match {@code filter}, ordered by name and then id, starting after
     * {@code after} when it is set.
     */
    public List<MergePolicy> list(Connection connection, Tenant tenant, MergePolicyFilter filter,
            MergePolicyCursor after, boolean descending, int limit) throws SQLException {
        Conditions where = conditions(tenant, filter);
        StringBuilder sql = new StringBuilder("SELECT * FROM merge_policy WHERE ").append(where.sql());
        List<Object> args = new ArrayList<>(where.args());
        String comparison = descending ? "<" : ">";
        if (after != null) {
            sql.append(" AND (name ").append(comparison).append(" ? OR (name = ? AND id ").append(comparison)
                    .append(" ?))");
            args.addAll(List.of(after.name(), after.name(), after.id()));
        }
        String direction = descending ? " DESC" : " ASC";
        sql.append(" ORDER BY name").append(direction).append(", id").append(direction).append(" LIMIT ").append(limit);
        return Sql.query(connection, sql.toString(), MergePolicyRepository::map, args.toArray());
    }

    private record Conditions(String sql, List<Object> args) {
    }

    private static Conditions conditions(Tenant tenant, MergePolicyFilter filter) {
        StringBuilder sql = new StringBuilder("org_id = ? AND sandbox_name = ?");
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        if (filter.defaultPolicy() != null) {
            sql.append(" AND is_default = ?");
            args.add(filter.defaultPolicy());
        }
        if (filter.activeOnEdge() != null) {
            sql.append(" AND active_on_edge = ?");
            args.add(filter.activeOnEdge());
        }
        if (filter.schemaName() != null) {
            sql.append(" AND schema_name = ?");
            args.add(filter.schemaName());
        }
        if (filter.identityGraph() != null) {
            sql.append(" AND identity_graph = ?");
            args.add(filter.identityGraph().apiValue());
        }
        if (filter.attributeMerge() != null) {
            sql.append(" AND attribute_merge = ?");
            args.add(filter.attributeMerge().apiValue());
        }
        if (filter.version() != null) {
            sql.append(" AND version = ?");
            args.add(filter.version());
        }
        return new Conditions(sql.toString(), args);
    }

    private static MergePolicy map(ResultSet row) throws SQLException {
        List<String> order = Json.readStrings(row.getString("dataset_order"));
        return new MergePolicy(row.getString("id"), row.getString("name"), row.getString("schema_name"),
                IdentityGraphType.fromApiValue(row.getString("identity_graph")),
                AttributeMergeType.fromApiValue(row.getString("attribute_merge")), order,
                row.getBoolean("is_default"), row.getBoolean("active_on_edge"), row.getInt("version"),
                row.getLong("updated_at") / 1000);
    }
}
