package io.openprofile.server.entities;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.identity.Identity;
import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.identity.IdentityNode;
import io.openprofile.server.identity.Namespace;
import io.openprofile.server.identity.NamespaceService;
import io.openprofile.server.identity.Xid;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * Turns an identity from a request (a value with a namespace, or an entity id returned earlier)
 * into the person it belongs to: the requested identity's entity id and every identity linked to
 * it. A graph of more than {@value #MAX_GRAPH_SIZE} identities is refused, as on Adobe's platform.
 */
@ApplicationScoped
public class PersonResolver {

    static final int MAX_GRAPH_SIZE = 50;

    private final Database database;
    private final IdentityGraphRepository graph;
    private final NamespaceService namespaces;

    PersonResolver(Database database, IdentityGraphRepository graph, NamespaceService namespaces) {
        this.database = database;
        this.graph = graph;
        this.namespaces = namespaces;
    }

    /** A person found through one of its identities. */
    public record Person(String requestedXid, List<IdentityNode> identities) {

        public List<String> xids() {
            return identities.stream().map(IdentityNode::xid).toList();
        }
    }

    /**
     * Returns the entity id the request names, without touching the graph: the id itself when no
     * namespace is given, else the entity id of (namespace, id).
     */
    public String entityIdOf(Tenant tenant, String id, String namespace, String idField, String namespaceField) {
        if (id == null || id.isBlank()) {
            throw DomainException.missing(idField, "give an identity value with " + namespaceField
                    + ", or an entity id returned by an earlier lookup");
        }
        if (namespace == null || namespace.isBlank()) {
            return id;
        }
        Namespace resolved = namespaces.resolve(tenant, namespace)
                .orElseThrow(() -> DomainException.invalid(namespaceField, namespace,
                        "must be the code of a standard or custom identity namespace of sandbox '"
                                + tenant.sandboxName() + "'"));
        return Xid.of(new Identity(resolved.code(), id));
    }

    /**
     * Finds the person of an identity, or empty when the identity has no data. {@code shownId} is
     * the identity as the client sent it, for error messages.
     */
    public Optional<Person> find(Tenant tenant, String entityId, String shownId) {
        return database.inTransaction(connection -> {
            Optional<IdentityNode> node = graph.findByXid(connection, tenant, entityId);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            List<IdentityNode> cluster = graph.findCluster(connection, tenant, node.get().clusterId(),
                    MAX_GRAPH_SIZE + 1);
            if (cluster.size() > MAX_GRAPH_SIZE) {
                throw new DomainException(ErrorKind.UNPROCESSABLE, "TOO_MANY_RELATED_IDENTITIES",
                        "Too many related identities: the identity graph of '" + shownId + "' links more than "
                                + MAX_GRAPH_SIZE + " identities, so it cannot be served",
                        "entityId", shownId);
            }
            return Optional.of(new Person(entityId, cluster));
        });
    }

    /** Like {@link #find}, but a missing identity is a 404 naming what was asked for. */
    public Person require(Tenant tenant, String entityId, String shownId, String shownNamespace) {
        return find(tenant, entityId, shownId).orElseThrow(() -> notFound(tenant, shownId, shownNamespace));
    }

    /** Builds the 404 for an identity without data, naming the identity as the client sent it. */
    public DomainException notFound(Tenant tenant, String shownId, String shownNamespace) {
        return new DomainException(ErrorKind.NOT_FOUND, "ENTITY_NOT_FOUND",
                "no profile data for identity '" + shownId + "'"
                        + (shownNamespace == null || shownNamespace.isBlank() ? " (read as an entity id)"
                                : " in namespace " + shownNamespace)
                        + " in sandbox '" + tenant.sandboxName() + "'",
                "entityId", shownId);
    }
}
