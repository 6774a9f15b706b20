package io.openprofile.server.identity;

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
import java.util.TreeSet;
import java.util.UUID;

/**
 * SQL for the identity graph. Identities seen together in one record are linked, and linked
 * identities share a cluster id. Linking identities of two clusters merges them into the cluster
 * with the smaller id, so every identity's entity id keeps resolving to the whole person.
 */
@ApplicationScoped
public class IdentityGraphRepository {

    /**
     * Takes the sandbox's graph lock until the caller's transaction ends. Linking reads clusters and
     * then moves identities between them, so two transactions that link overlapping clusters at
     * once could otherwise leave a person split in two. The lock makes graph writes of one sandbox
     * run one after another, on H2 and PostgreSQL alike.
     */
    public void lockGraph(Connection connection, Tenant tenant) throws SQLException {
        Sql.query(connection, "SELECT org_id FROM sandbox WHERE org_id = ? AND sandbox_name = ? FOR UPDATE",
                row -> row.getString(1), tenant.orgId(), tenant.sandboxName());
    }

    /**
     * Links all {@code identities} of one record into one cluster, creating missing nodes, and
     * returns the cluster id.
     */
    public String link(Connection connection, Tenant tenant, List<Identity> identities, String datasetId, long now)
            throws SQLException {
        List<String> xids = identities.stream().map(Xid::of).toList();
        List<IdentityNode> existing = findByXids(connection, tenant, xids);
        TreeSet<String> clusters = new TreeSet<>();
        existing.forEach(node -> clusters.add(node.clusterId()));
        String cluster = clusters.isEmpty() ? UUID.randomUUID().toString() : clusters.first();
        for (String other : clusters.tailSet(cluster, false)) {
            Sql.update(connection, "UPDATE identity_node SET cluster_id = ? WHERE org_id = ? AND sandbox_name = ? "
                    + "AND cluster_id = ?", cluster, tenant.orgId(), tenant.sandboxName(), other);
        }
        for (int i = 0; i < identities.size(); i++) {
            String xid = xids.get(i);
            if (existing.stream().noneMatch(node -> node.xid().equals(xid))) {
                Identity identity = identities.get(i);
                Sql.update(connection, "INSERT INTO identity_node (org_id, sandbox_name, namespace_code, id_value, "
                        + "xid, cluster_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        tenant.orgId(), tenant.sandboxName(), identity.namespace(), identity.id(), xid, cluster, now);
            }
        }
        insertLinks(connection, tenant, xids, datasetId, now);
        return cluster;
    }

    private void insertLinks(Connection connection, Tenant tenant, List<String> xids, String datasetId, long now)
            throws SQLException {
        for (int i = 1; i < xids.size(); i++) {
            String from = xids.get(0);
            String to = xids.get(i);
            boolean known = Sql.queryOne(connection, "SELECT 1 FROM identity_link WHERE org_id = ? AND sandbox_name = ? "
                    + "AND from_xid = ? AND to_xid = ?", row -> true, tenant.orgId(), tenant.sandboxName(), from, to)
                    .isPresent();
            if (!known) {
                Sql.update(connection, "INSERT INTO identity_link (org_id, sandbox_name, from_xid, to_xid, dataset_id, "
                        + "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        tenant.orgId(), tenant.sandboxName(), from, to, datasetId, now);
            }
        }
    }

    public Optional<IdentityNode> findByXid(Connection connection, Tenant tenant, String xid) throws SQLException {
        return findByXids(connection, tenant, List.of(xid)).stream().findFirst();
    }

    public List<IdentityNode> findByXids(Connection connection, Tenant tenant, Collection<String> xids)
            throws SQLException {
        if (xids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        args.addAll(xids);
        return Sql.query(connection, "SELECT * FROM identity_node WHERE org_id = ? AND sandbox_name = ? AND xid IN ("
                + Sql.placeholders(xids.size()) + ")", IdentityGraphRepository::map, args.toArray());
    }

    /** Returns the identities of a cluster, at most {@code limit} of them, in a stable order. */
    public List<IdentityNode> findCluster(Connection connection, Tenant tenant, String clusterId, int limit)
            throws SQLException {
        return Sql.query(connection, "SELECT * FROM identity_node WHERE org_id = ? AND sandbox_name = ? "
                + "AND cluster_id = ? ORDER BY namespace_code, id_value LIMIT " + limit,
                IdentityGraphRepository::map, tenant.orgId(), tenant.sandboxName(), clusterId);
    }

    /** Removes a cluster's identities and the links between them. */
    public void deleteCluster(Connection connection, Tenant tenant, Collection<String> xids) throws SQLException {
        if (xids.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        args.addAll(xids);
        String in = Sql.placeholders(xids.size());
        Sql.update(connection, "DELETE FROM identity_link WHERE org_id = ? AND sandbox_name = ? AND from_xid IN ("
                + in + ")", args.toArray());
        Sql.update(connection, "DELETE FROM identity_link WHERE org_id = ? AND sandbox_name = ? AND to_xid IN ("
                + in + ")", args.toArray());
        Sql.update(connection, "DELETE FROM identity_node WHERE org_id = ? AND sandbox_name = ? AND xid IN ("
                + in + ")", args.toArray());
    }

    private static IdentityNode map(ResultSet row) throws SQLException {
        return new IdentityNode(row.getString("namespace_code"), row.getString("id_value"), row.getString("xid"),
                row.getString("cluster_id"));
    }
}
