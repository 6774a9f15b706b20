package io.openprofile.server.identitygraph;

import io.openprofile.server.identity.Identity;
import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.identity.IdentityLink;
import io.openprofile.server.identity.IdentityNode;
import io.openprofile.server.identity.Namespace;
import io.openprofile.server.identity.NamespaceCatalog;
import io.openprofile.server.identity.NamespaceRepository;
import io.openprofile.server.identity.NamespaceResolver;
import io.openprofile.server.identity.NamespaceService;
import io.openprofile.server.identity.Xid;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the identity graphs of requested identities for the identity graph endpoints. Unlike
 * profile lookups, which merge at most 50 identities, it serves graphs of up to
 * {@value #MAX_GRAPH_IDENTITIES} identities, so that users can inspect why a large graph formed.
 */
@ApplicationScoped
public class IdentityGraphService {

    /** Maximum number of identities in one request, as in Adobe's {@code v2/graph}. */
    public static final int MAX_REQUESTED_IDENTITIES = 1000;

    /** Largest graph served, in identities. */
    public static final int MAX_GRAPH_IDENTITIES = 1000;

    /** Largest graph served, in links, where a link counts once per dataset that carried it. */
    public static final int MAX_GRAPH_LINK_SOURCES = 10_000;

    /** Maximum number of identities and links in one response, summed over its graphs. */
    public static final int MAX_RESPONSE_ENTRIES = 50_000;

    private final Database database;
    private final IdentityGraphRepository graph;
    private final NamespaceService namespaces;

    IdentityGraphService(Database database, IdentityGraphRepository graph, NamespaceService namespaces) {
        this.database = database;
        this.graph = graph;
        this.namespaces = namespaces;
    }

    /** Result kind of the lookup of one requested identity. */
    public enum Outcome {
        /** The graph was read. It is empty when the graph store does not contain the identity. */
        SERVED,
        /** The request named a namespace that the sandbox does not have. */
        UNKNOWN_NAMESPACE,
        /** The graph has more than {@value #MAX_GRAPH_IDENTITIES} identities or too many links. */
        TOO_LARGE,
        /** Serving the graph would take the response past {@value #MAX_RESPONSE_ENTRIES} entries. */
        OVER_RESPONSE_LIMIT
    }

    /** The result for one requested identity, with {@code graph} set only when it was served. */
    public record Lookup(RequestedIdentity requested, Outcome outcome, PersonGraph graph) {
    }

    /**
     * Reads the graph of each requested identity, in request order. With {@code withLinks} the
     * graphs carry their links and each identity its last update time. Once a graph would take the
     * response past {@value #MAX_RESPONSE_ENTRIES} entries, that identity and every later one is
     * {@link Outcome#OVER_RESPONSE_LIMIT}, so a client can send the rest again in order.
     */
    public List<Lookup> read(Tenant tenant, List<RequestedIdentity> requested, boolean withLinks) {
        NamespaceResolver resolver = namespaces.resolver(tenant);
        List<Optional<String>> xids = requested.stream().map(identity -> xidOf(identity, resolver)).toList();
        return database.inTransaction(connection -> {
            Map<String, IdentityNode> nodes = new HashMap<>();
            List<String> known = xids.stream().flatMap(Optional::stream).distinct().toList();
            graph.findByXids(connection, tenant, known).forEach(node -> nodes.put(node.xid(), node));
            Map<String, Optional<PersonGraph>> clusters = new HashMap<>();
            NamespaceIds namespaceIds = new NamespaceIds(tenant, resolver);
            List<Lookup> lookups = new ArrayList<>();
            int entries = 0;
            boolean responseFull = false;
            for (int i = 0; i < requested.size(); i++) {
                RequestedIdentity identity = requested.get(i);
                if (xids.get(i).isEmpty()) {
                    lookups.add(new Lookup(identity, Outcome.UNKNOWN_NAMESPACE, null));
                    continue;
                }
                if (responseFull) {
                    lookups.add(new Lookup(identity, Outcome.OVER_RESPONSE_LIMIT, null));
                    continue;
                }
                IdentityNode node = nodes.get(xids.get(i).get());
                Optional<PersonGraph> found = node == null ? Optional.of(PersonGraph.EMPTY)
                        : clusterGraph(connection, tenant, node.clusterId(), withLinks, namespaceIds, clusters);
                if (found.isEmpty()) {
                    lookups.add(new Lookup(identity, Outcome.TOO_LARGE, null));
                } else if (entries + found.get().size() > MAX_RESPONSE_ENTRIES) {
                    responseFull = true;
                    lookups.add(new Lookup(identity, Outcome.OVER_RESPONSE_LIMIT, null));
                } else {
                    entries += found.get().size();
                    lookups.add(new Lookup(identity, Outcome.SERVED, found.get()));
                }
            }
            return lookups;
        });
    }

    /** Returns the XID of a requested identity, or empty when its namespace is unknown. */
    private static Optional<String> xidOf(RequestedIdentity identity, NamespaceResolver resolver) {
        return switch (identity.form()) {
            case XID -> Optional.of(identity.xid());
            // Namespace URIs resolve by numeric id, which is how a numeric id is looked up here.
            case NAMESPACE_ID -> resolver.resolve(NamespaceCatalog.NAMESPACE_URI_PREFIX + identity.namespaceId())
                    .map(namespace -> Xid.of(Identity.of(namespace, identity.id())));
            case NAMESPACE_CODE -> resolver.resolve(identity.namespaceCode())
                    .map(namespace -> Xid.of(Identity.of(namespace, identity.id())));
        };
    }

    /** Reads a cluster once per request, or returns empty when it is too large to serve. */
    private Optional<PersonGraph> clusterGraph(Connection connection, Tenant tenant, String clusterId,
            boolean withLinks, NamespaceIds namespaceIds, Map<String, Optional<PersonGraph>> cache)
            throws SQLException {
        Optional<PersonGraph> cached = cache.get(clusterId);
        if (cached != null) {
            return cached;
        }
        Optional<PersonGraph> loaded = loadCluster(connection, tenant, clusterId, withLinks, namespaceIds);
        cache.put(clusterId, loaded);
        return loaded;
    }

    private Optional<PersonGraph> loadCluster(Connection connection, Tenant tenant, String clusterId,
            boolean withLinks, NamespaceIds namespaceIds) throws SQLException {
        List<IdentityNode> nodes = graph.findCluster(connection, tenant, clusterId, MAX_GRAPH_IDENTITIES + 1);
        if (nodes.size() > MAX_GRAPH_IDENTITIES) {
            return Optional.empty();
        }
        List<IdentityLink> links = List.of();
        if (withLinks) {
            Optional<List<IdentityLink>> found = graph.findClusterLinks(connection, tenant, clusterId,
                    MAX_GRAPH_LINK_SOURCES);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            links = found.get().stream()
                    .sorted(Comparator.comparing(IdentityLink::fromXid).thenComparing(IdentityLink::toXid))
                    .toList();
        }
        Map<String, Long> lastLinked = new HashMap<>();
        for (IdentityLink link : links) {
            lastLinked.merge(link.fromXid(), link.lastSeenAt(), Math::max);
            lastLinked.merge(link.toXid(), link.lastSeenAt(), Math::max);
        }
        List<PersonGraph.GraphIdentity> identities = new ArrayList<>();
        for (IdentityNode node : nodes) {
            long lastUpdatedAt = Math.max(node.createdAt(), lastLinked.getOrDefault(node.xid(), 0L));
            identities.add(new PersonGraph.GraphIdentity(node.xid(), node.namespaceCode(),
                    namespaceIds.idOf(node.namespaceCode()), node.value(), lastUpdatedAt));
        }
        identities.sort(Comparator.comparing(PersonGraph.GraphIdentity::namespaceCode)
                .thenComparing(PersonGraph.GraphIdentity::id));
        return Optional.of(new PersonGraph(identities, links));
    }

    /**
     * Finds numeric namespace ids for the codes stored in the graph. The cached resolver may miss a
     * namespace that another server process created in the last few seconds, so a miss reloads the
     * sandbox's namespaces once.
     */
    private final class NamespaceIds {

        private final Tenant tenant;
        private NamespaceResolver resolver;
        private boolean reloaded;

        NamespaceIds(Tenant tenant, NamespaceResolver resolver) {
            this.tenant = tenant;
            this.resolver = resolver;
        }

        int idOf(String code) {
            Optional<Namespace> namespace = resolver.resolve(code);
            if (namespace.isEmpty() && !reloaded) {
                reloaded = true;
                resolver = new NamespaceCatalog(namespaces.list(tenant).stream()
                        .map(NamespaceRepository.StoredNamespace::namespace)
                        .toList());
                namespace = resolver.resolve(code);
            }
            // Namespaces cannot be deleted, so every code stored with an identity keeps resolving.
            return namespace.orElseThrow(() -> new IllegalStateException("identity graph contains namespace code '"
                    + code + "', which matches no namespace of " + tenant.orgId() + "/" + tenant.sandboxName()))
                    .id();
        }
    }
}
