package io.openprofile.server.identitygraph;

import static io.openprofile.server.identitygraph.RequestChecks.notEmpty;
import static io.openprofile.server.identitygraph.RequestChecks.present;
import static io.openprofile.server.identitygraph.RequestChecks.requireCount;
import static io.openprofile.server.identitygraph.RequestChecks.requireItem;
import static io.openprofile.server.identitygraph.RequestChecks.requireValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openprofile.server.api.model.ClusterCompositeXid;
import io.openprofile.server.api.model.ClusterMembers;
import io.openprofile.server.api.model.ClusterMembersRequest;
import io.openprofile.server.api.model.IdentityCluster;
import io.openprofile.server.api.model.XidWithNamespaceCode;
import io.openprofile.server.api.model.XidWithNamespaceId;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.identitygraph.IdentityGraphService.Lookup;
import io.openprofile.server.identitygraph.IdentityGraphService.Outcome;
import io.openprofile.server.tenancy.Tenant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format of Adobe's cluster endpoints ({@code /identity/cluster/members} and
 * {@code /identity/clusters/members}): reads requests into {@link RequestedIdentity} values and
 * writes lookups as {@link ClusterMembers}, with every identity in the form of the request.
 */
final class ClusterMembersFormat {

    /** Version of the response format, as in Adobe's examples. */
    static final String VERSION = "1.1.0";

    /** Name of the stitching algorithm, under which every linked identity belongs to the cluster. */
    static final String ALGORITHM = "STITCH_ALL";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ClusterMembersFormat() {
    }

    /** Reads the identity of the GET operation from its query parameters. */
    static RequestedIdentity fromQuery(String xid, Integer nsid, String namespace, String id) {
        boolean hasXid = present(xid);
        boolean hasCode = present(namespace);
        boolean hasId = present(id);
        if (hasXid && (hasId || nsid != null || hasCode)) {
            throw DomainException.invalid("xid", xid, "must not be combined with id, nsid or namespace; name the "
                    + "identity either by xid or by id with nsid or namespace");
        }
        if (hasXid) {
            return RequestedIdentity.ofXid(xid);
        }
        if (nsid != null && hasCode) {
            throw DomainException.invalid("namespace", namespace, "must not be combined with nsid; name the "
                    + "namespace either by code or by numeric id");
        }
        if (!hasId) {
            throw nsid == null && !hasCode
                    ? DomainException.missing("xid", "name the identity by xid, or by id with nsid or namespace")
                    : DomainException.missing("id", "give the identity value within the namespace");
        }
        if (nsid == null && !hasCode) {
            throw DomainException.missing("namespace", "give the namespace of id as namespace (a code) or "
                    + "nsid (a numeric id)");
        }
        return nsid != null ? RequestedIdentity.ofNamespaceId(nsid, id)
                : RequestedIdentity.ofNamespaceCode(namespace, id);
    }

    /**
     * Reads the identities of a POST body: the first non-empty list in the order {@code xids},
     * {@code compositeXids}, {@code compositeXidsWithNamespace}. The generated model turns an
     * absent list into an empty one, so an empty list counts as absent.
     */
    static List<RequestedIdentity> fromBody(ClusterMembersRequest request) {
        if (notEmpty(request.getXids())) {
            return RequestChecks.requireXids(request.getXids());
        }
        if (notEmpty(request.getCompositeXids())) {
            return fromNamespaceIds(request.getCompositeXids());
        }
        if (notEmpty(request.getCompositeXidsWithNamespace())) {
            return fromNamespaceCodes(request.getCompositeXidsWithNamespace());
        }
        throw DomainException.missing("xids", "list the identities in xids, compositeXids or "
                + "compositeXidsWithNamespace");
    }

    private static List<RequestedIdentity> fromNamespaceIds(List<XidWithNamespaceId> items) {
        requireCount("compositeXids", items.size());
        List<RequestedIdentity> identities = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "compositeXids[" + i + "]";
            XidWithNamespaceId item = requireItem(field, items.get(i));
            if (item.getNsid() == null) {
                throw DomainException.missing(field + ".nsid", "give the numeric id of the namespace");
            }
            identities.add(RequestedIdentity.ofNamespaceId(item.getNsid(), requireValue(field + ".id", item.getId())));
        }
        return identities;
    }

    private static List<RequestedIdentity> fromNamespaceCodes(List<XidWithNamespaceCode> items) {
        requireCount("compositeXidsWithNamespace", items.size());
        List<RequestedIdentity> identities = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "compositeXidsWithNamespace[" + i + "]";
            XidWithNamespaceCode item = requireItem(field, items.get(i));
            identities.add(RequestedIdentity.ofNamespaceCode(requireValue(field + ".namespace", item.getNamespace()),
                    requireValue(field + ".id", item.getId())));
        }
        return identities;
    }

    /**
     * Turns the lookup of the GET operation into its response. An unknown namespace is a 400 and a
     * graph too large to serve is a 422, as in Profile Access lookups of one identity.
     */
    static ClusterMembers singleResponse(Tenant tenant, Lookup lookup) {
        RequestedIdentity requested = lookup.requested();
        if (lookup.outcome() == Outcome.UNKNOWN_NAMESPACE) {
            throw requested.form() == RequestedIdentity.Form.NAMESPACE_ID
                    ? DomainException.invalid("nsid", requested.namespaceId(), "must be the numeric id of a "
                            + "standard or custom identity namespace of sandbox '" + tenant.sandboxName() + "'")
                    : DomainException.invalid("namespace", requested.namespaceCode(), "must be the code of a "
                            + "standard or custom identity namespace of sandbox '" + tenant.sandboxName() + "'");
        }
        if (lookup.outcome() == Outcome.TOO_LARGE) {
            throw new DomainException(ErrorKind.UNPROCESSABLE, "TOO_MANY_RELATED_IDENTITIES",
                    "the identity graph of '" + requested.shown() + "' links more than "
                            + IdentityGraphService.MAX_GRAPH_IDENTITIES + " identities, the maximum that the "
                            + "identity graph endpoints serve",
                    requested.form() == RequestedIdentity.Form.XID ? "xid" : "id", requested.shown());
        }
        return response(List.of(lookup));
    }

    /**
     * Writes the lookups of a list request as a response. Identities that were not served go to
     * {@code unprocessedRecords}.
     */
    static ClusterMembers response(List<Lookup> lookups) {
        List<IdentityCluster> clusters = new ArrayList<>();
        List<JsonNode> unprocessed = new ArrayList<>();
        for (Lookup lookup : lookups) {
            RequestedIdentity requested = lookup.requested();
            if (lookup.outcome() != Outcome.SERVED) {
                unprocessed.add(requestedNode(requested));
                continue;
            }
            List<JsonNode> members = new ArrayList<>();
            for (PersonGraph.GraphIdentity identity : lookup.graph().identities()) {
                members.add(memberNode(requested.form(), identity));
            }
            IdentityCluster cluster = new IdentityCluster(members);
            if (requested.form() == RequestedIdentity.Form.XID) {
                cluster.setXid(requested.xid());
            } else {
                cluster.setCompositeXid(new ClusterCompositeXid(requested.id())
                        .nsid(requested.namespaceId())
                        .namespace(requested.namespaceCode()));
            }
            clusters.add(cluster);
        }
        return new ClusterMembers(VERSION, clusters, unprocessed, ALGORITHM);
    }

    /** Writes a requested identity as the request sent it. */
    private static JsonNode requestedNode(RequestedIdentity requested) {
        return switch (requested.form()) {
            case XID -> NODES.textNode(requested.xid());
            case NAMESPACE_ID -> NODES.objectNode().put("nsid", requested.namespaceId()).put("id", requested.id());
            case NAMESPACE_CODE -> NODES.objectNode().put("namespace", requested.namespaceCode())
                    .put("id", requested.id());
        };
    }

    /** Writes a cluster member in the form of the request, with the canonical namespace code. */
    private static JsonNode memberNode(RequestedIdentity.Form form, PersonGraph.GraphIdentity identity) {
        return switch (form) {
            case XID -> NODES.textNode(identity.xid());
            case NAMESPACE_ID -> NODES.objectNode().put("nsid", identity.namespaceId()).put("id", identity.id());
            case NAMESPACE_CODE -> NODES.objectNode().put("namespace", identity.namespaceCode())
                    .put("id", identity.id());
        };
    }
}
