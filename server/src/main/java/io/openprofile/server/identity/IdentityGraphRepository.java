package io.openprofile.server.identity;

import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
     * returns the cluster id. {@code batchId} is null for streamed records, which belong to no
     * Catalog batch.
     */
    public String link(Connection connection, Tenant tenant, List<Identity> identities, String datasetId,
            String batchId, long now) throws SQLException {
        List<String> xids = identities.stream().map(Xid::of).toList();
        List<IdentityNode> existing = findByXids(connection, tenant, xids);
        TreeSet<String> clusters = new TreeSet<>();
        existing.forEach(node -> clusters.add(node.clusterId()));
        String cluster = clusters.isEmpty() ? UUID.randomUUID().toString() : clusters.first();
        for (String other : clusters.tailSet(cluster, false)) {
            Sql.update(connection, "UPDATE identity_node SET cluster_id = ? WHERE org_id = ? AND sandbox_name = ? "
                    + "AND cluster_id = ?", cluster, tenant.orgId(), tenant.sandboxName(), other);
        }
        Set<String> created = new HashSet<>();
        for (int i = 0; i < identities.size(); i++) {
            String xid = xids.get(i);
            if (existing.stream().noneMatch(node -> node.xid().equals(xid))) {
                Identity identity = identities.get(i);
                Sql.update(connection, "INSERT INTO identity_node (org_id, sandbox_name, namespace_code, id_value, "
                        + "xid, cluster_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        tenant.orgId(), tenant.sandboxName(), identity.namespace(), identity.id(), xid, cluster, now);
                created.add(xid);
            }
        }
        LinkSource source = new LinkSource(datasetId, batchId, now);
        for (int i = 1; i < xids.size(); i++) {
            recordLink(connection, tenant, xids.get(0), xids.get(i), created, source);
        }
        return cluster;
    }

    /** The dataset and batch of a record that links identities, and when it was written. */
    private record LinkSource(String datasetId, String batchId, long now) {

        /**
         * Returns whether a stored source, last seen at {@code lastSeenAt} in {@code lastBatchId},
         * needs updating for this record: a later time, or another batch. All records of a batch
         * share one time, so a link repeated within a batch is written once.
         */
        boolean isNewerThan(long lastSeenAt, String lastBatchId) {
            return now > lastSeenAt || batchId != null && !batchId.equals(lastBatchId);
        }
    }

    /**
     * Stores that a record linked {@code from} to {@code to}: the link itself once, and per dataset
     * the first and latest batch. The statement counts stay close to those of storing links alone
     * (a lookup, and an insert for a new link). A link to an identity created by the same record
     * cannot exist yet, because links are only removed together with their identities, so it is
     * inserted without a lookup, in two statements. A link seen again costs one lookup, plus one
     * update per batch. A new link between known identities, or a known link from another
     * dataset, takes three statements.
     */
    private void recordLink(Connection connection, Tenant tenant, String from, String to, Set<String> created,
            LinkSource source) throws SQLException {
        if (created.contains(from) || created.contains(to)) {
            Sql.update(connection, "INSERT INTO identity_link (org_id, sandbox_name, from_xid, to_xid, dataset_id, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    tenant.orgId(), tenant.sandboxName(), from, to, source.datasetId(), source.now());
            insertLinkSource(connection, tenant, from, to, source);
            return;
        }
        Optional<Boolean> needsUpdate = Sql.queryOne(connection, "SELECT last_seen_at, last_batch_id "
                + "FROM identity_link_source WHERE from_xid = ? AND to_xid = ? AND dataset_id = ? AND org_id = ? "
                + "AND sandbox_name = ?", row -> source.isNewerThan(row.getLong(1), row.getString(2)),
                from, to, source.datasetId(), tenant.orgId(), tenant.sandboxName());
        if (needsUpdate.isEmpty()) {
            // Selecting the values from the locked sandbox row gives the conditional insert a FROM
            // clause that H2 and PostgreSQL both accept.
            Sql.update(connection, "INSERT INTO identity_link (org_id, sandbox_name, from_xid, to_xid, dataset_id, "
                    + "created_at) SELECT org_id, sandbox_name, ?, ?, ?, ? FROM sandbox WHERE org_id = ? "
                    + "AND sandbox_name = ? AND NOT EXISTS (SELECT 1 FROM identity_link WHERE from_xid = ? "
                    + "AND to_xid = ? AND org_id = ? AND sandbox_name = ?)",
                    from, to, source.datasetId(), source.now(), tenant.orgId(), tenant.sandboxName(), from, to,
                    tenant.orgId(), tenant.sandboxName());
            insertLinkSource(connection, tenant, from, to, source);
        } else if (needsUpdate.get()) {
            Sql.update(connection, "UPDATE identity_link_source SET last_seen_at = GREATEST(last_seen_at, ?), "
                    + "last_batch_id = COALESCE(?, last_batch_id) WHERE from_xid = ? AND to_xid = ? "
                    + "AND dataset_id = ? AND org_id = ? AND sandbox_name = ?", source.now(), source.batchId(), from,
                    to, source.datasetId(), tenant.orgId(), tenant.sandboxName());
        }
    }

    private static void insertLinkSource(Connection connection, Tenant tenant, String from, String to,
            LinkSource source) throws SQLException {
        Sql.update(connection, "INSERT INTO identity_link_source (org_id, sandbox_name, from_xid, to_xid, dataset_id, "
                + "first_batch_id, last_batch_id, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), from, to, source.datasetId(), source.batchId(),
                source.batchId(), source.now(), source.now());
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

    /**
     * Returns the links between the identities of a cluster with their sources, or empty when they
     * make more than {@code maxRows} rows. A link counts once per dataset that carried it, and once
     * when no source was stored for it.
     */
    public Optional<List<IdentityLink>> findClusterLinks(Connection connection, Tenant tenant, String clusterId,
            int maxRows) throws SQLException {
        List<IdentityLink.Row> rows = Sql.query(connection, "SELECT l.from_xid, l.to_xid, l.created_at, "
                + "s.dataset_id, s.first_batch_id, s.last_batch_id, s.first_seen_at, s.last_seen_at "
                + "FROM identity_node n "
                + "JOIN identity_link l ON l.from_xid = n.xid AND l.org_id = n.org_id "
                + "AND l.sandbox_name = n.sandbox_name "
                + "LEFT JOIN identity_link_source s ON s.from_xid = l.from_xid AND s.to_xid = l.to_xid "
                + "AND s.org_id = l.org_id AND s.sandbox_name = l.sandbox_name "
                + "WHERE n.cluster_id = ? AND n.org_id = ? AND n.sandbox_name = ? "
                + "ORDER BY l.from_xid, l.to_xid, s.first_seen_at, s.dataset_id LIMIT " + (maxRows + 1),
                IdentityGraphRepository::mapLinkRow, clusterId, tenant.orgId(), tenant.sandboxName());
        return rows.size() > maxRows ? Optional.empty() : Optional.of(IdentityLink.group(rows));
    }

    /** Removes a cluster's identities, the links between them and the links' sources. */
    public void deleteCluster(Connection connection, Tenant tenant, Collection<String> xids) throws SQLException {
        if (xids.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        args.addAll(xids);
        String in = Sql.placeholders(xids.size());
        Sql.update(connection, "DELETE FROM identity_link_source WHERE org_id = ? AND sandbox_name = ? "
                + "AND from_xid IN (" + in + ")", args.toArray());
        Sql.update(connection, "DELETE FROM identity_link_source WHERE org_id = ? AND sandbox_name = ? "
                + "AND to_xid IN (" + in + ")", args.toArray());
        Sql.update(connection, "DELETE FROM identity_link WHERE org_id = ? AND sandbox_name = ? AND from_xid IN ("
                + in + ")", args.toArray());
        Sql.update(connection, "DELETE FROM identity_link WHERE org_id = ? AND sandbox_name = ? AND to_xid IN ("
                + in + ")", args.toArray());
        Sql.update(connection, "DELETE FROM identity_node WHERE org_id = ? AND sandbox_name = ? AND xid IN ("
                + in + ")", args.toArray());
    }

    private static IdentityNode map(ResultSet row) throws SQLException {
        return new IdentityNode(row.getString("namespace_code"), row.getString("id_value"), row.getString("xid"),
                row.getString("cluster_id"), row.getLong("created_at"));
    }

    private static IdentityLink.Row mapLinkRow(ResultSet row) throws SQLException {
        String datasetId = row.getString("dataset_id");
        IdentityLink.Source source = datasetId == null ? null : new IdentityLink.Source(datasetId,
                row.getString("first_batch_id"), row.getString("last_batch_id"), row.getLong("first_seen_at"),
                row.getLong("last_seen_at"));
        return new IdentityLink.Row(row.getString("from_xid"), row.getString("to_xid"), row.getLong("created_at"),
                source);
    }
}
