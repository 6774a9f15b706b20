package io.openprofile.server.identitygraph;

import static io.openprofile.server.identitygraph.RequestChecks.notEmpty;
import static io.openprofile.server.identitygraph.RequestChecks.present;
import static io.openprofile.server.identitygraph.RequestChecks.requireCount;
import static io.openprofile.server.identitygraph.RequestChecks.requireItem;
import static io.openprofile.server.identitygraph.RequestChecks.requireValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.openprofile.server.api.model.GraphCompositeXid;
import io.openprofile.server.api.model.GraphEdge;
import io.openprofile.server.api.model.GraphEntry;
import io.openprofile.server.api.model.GraphRequest;
import io.openprofile.server.api.model.GraphResponse;
import io.openprofile.server.api.model.GraphVertex;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.identity.IdentityLink;
import io.openprofile.server.identitygraph.IdentityGraphService.Lookup;
import io.openprofile.server.identitygraph.IdentityGraphService.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire format of Adobe's {@code /identity/v2/graph}: reads a {@link GraphRequest} and writes
 * lookups as a {@link GraphResponse}, with every identity in the form of the requested identity
 * of its graph ({@code xid}, or {@code composite_xid} with {@code ns} or {@code nsid}).
 */
final class GraphFormat {

    /** Version of the response format, as in Adobe's examples. */
    static final String VERSION = "2.0";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GraphFormat() {
    }

    /** The shape of each graph in the response. */
    enum Projection {
        /** The identities only, as {@code members}. */
        SET,
        /** The identities as {@code vertices} and their links as {@code edges}. */
        GRAPH
    }

    /** A validated request: its identities, whether they are XIDs, and the shape of the response. */
    record Parsed(List<RequestedIdentity> identities, boolean byXid, Projection projection, boolean edgeMetadata) {
    }

    static Parsed parse(GraphRequest request) {
        rejectUnsupported("traverse", notEmpty(request.getTraverse()));
        rejectUnsupported("filter", notEmpty(request.getFilter()));
        rejectUnsupported("aam_properties", request.getAamProperties() != null);
        RequestChecks.requireGraphType(request.getGraphType(), "graph_type");
        Projection projection = projection(request.getProjectionType());
        boolean byXid = notEmpty(request.getXids());
        if (byXid && notEmpty(request.getCompositeXids())) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "CONFLICTING_PARAMETERS", "xids and composite_xids "
                    + "must not be sent together; name the identities in one of the two lists", "composite_xids",
                    null);
        }
        List<RequestedIdentity> identities = byXid ? RequestChecks.requireXids(request.getXids())
                : fromCompositeXids(request.getCompositeXids());
        return new Parsed(identities, byXid, projection,
                projection == Projection.GRAPH && Boolean.TRUE.equals(request.getRequireEdgeMetaData()));
    }

    private static void rejectUnsupported(String field, boolean sent) {
        if (sent) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "UNSUPPORTED_PARAMETER",
                    field + " is not supported by openprofile; leave it out", field, null);
        }
    }

    private static Projection projection(String value) {
        if (!present(value)) {
            throw DomainException.missing("projection_type", "use set for the identities of each graph, or graph "
                    + "for its vertices and edges");
        }
        return switch (value) {
            case "set" -> Projection.SET;
            case "graph" -> Projection.GRAPH;
            default -> throw DomainException.invalid("projection_type", value, "must be set or graph");
        };
    }

    private static List<RequestedIdentity> fromCompositeXids(List<GraphCompositeXid> items) {
        if (!notEmpty(items)) {
            throw DomainException.missing("xids", "list the identities in xids or composite_xids");
        }
        requireCount("composite_xids", items.size());
        List<RequestedIdentity> identities = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String field = "composite_xids[" + i + "]";
            GraphCompositeXid item = requireItem(field, items.get(i));
            String id = requireValue(field + ".id", item.getId());
            if (item.getNs() != null && item.getNsid() != null) {
                throw DomainException.invalid(field + ".ns", item.getNs(), "must not be sent together with nsid; "
                        + "name the namespace either by code or by numeric id");
            }
            if (item.getNsid() != null) {
                identities.add(RequestedIdentity.ofNamespaceId(item.getNsid(), id));
            } else if (item.getNs() != null) {
                identities.add(RequestedIdentity.ofNamespaceCode(requireValue(field + ".ns", item.getNs()), id));
            } else {
                throw DomainException.missing(field + ".ns",
                        "give the namespace as ns (a code) or nsid (a numeric id)");
            }
        }
        return identities;
    }

    /**
     * Writes the lookups as a response. Identities that were not served go to the unprocessed list
     * of the request's form.
     */
    static GraphResponse response(Parsed request, List<Lookup> lookups) {
        List<GraphEntry> graphs = new ArrayList<>();
        List<String> unprocessedXids = new ArrayList<>();
        List<GraphCompositeXid> unprocessedComposite = new ArrayList<>();
        for (Lookup lookup : lookups) {
            RequestedIdentity requested = lookup.requested();
            if (lookup.outcome() == Outcome.SERVED) {
                graphs.add(entry(request, lookup));
            } else if (requested.form() == RequestedIdentity.Form.XID) {
                unprocessedXids.add(requested.xid());
            } else {
                unprocessedComposite.add(requestedComposite(requested));
            }
        }
        GraphResponse response = new GraphResponse(VERSION, graphs, ClusterMembersFormat.ALGORITHM);
        response.setUnprocessedXids(request.byXid() ? unprocessedXids : null);
        response.setUnprocessedCompositeXids(request.byXid() ? null : unprocessedComposite);
        return response;
    }

    private static GraphEntry entry(Parsed request, Lookup lookup) {
        RequestedIdentity requested = lookup.requested();
        PersonGraph graph = lookup.graph();
        GraphEntry entry = new GraphEntry();
        if (requested.form() == RequestedIdentity.Form.XID) {
            entry.setXid(requested.xid());
        } else {
            entry.setCompositeXid(requestedComposite(requested));
        }
        if (request.projection() == Projection.SET) {
            entry.setMembers(graph.identities().stream().map(identity -> member(requested.form(), identity)).toList());
            entry.setVertices(null);
            entry.setEdges(null);
            return entry;
        }
        entry.setMembers(null);
        entry.setVertices(graph.identities().stream().map(identity -> vertex(requested.form(), identity)).toList());
        Map<String, PersonGraph.GraphIdentity> byXid = new HashMap<>();
        graph.identities().forEach(identity -> byXid.put(identity.xid(), identity));
        entry.setEdges(graph.links().stream()
                .map(link -> edge(requested.form(), link, byXid, request.edgeMetadata()))
                .toList());
        return entry;
    }

    /** Writes a requested identity as the request sent it, the namespace code unchanged. */
    private static GraphCompositeXid requestedComposite(RequestedIdentity requested) {
        return new GraphCompositeXid(requested.id()).ns(requested.namespaceCode()).nsid(requested.namespaceId());
    }

    /** Writes a graph identity in a composite form, with the canonical namespace code for {@code ns}. */
    private static GraphCompositeXid composite(RequestedIdentity.Form form, PersonGraph.GraphIdentity identity) {
        GraphCompositeXid composite = new GraphCompositeXid(identity.id());
        return form == RequestedIdentity.Form.NAMESPACE_ID ? composite.nsid(identity.namespaceId())
                : composite.ns(identity.namespaceCode());
    }

    private static JsonNode member(RequestedIdentity.Form form, PersonGraph.GraphIdentity identity) {
        if (form == RequestedIdentity.Form.XID) {
            return NODES.textNode(identity.xid());
        }
        return form == RequestedIdentity.Form.NAMESPACE_ID
                ? NODES.objectNode().put("nsid", identity.namespaceId()).put("id", identity.id())
                : NODES.objectNode().put("ns", identity.namespaceCode()).put("id", identity.id());
    }

    private static GraphVertex vertex(RequestedIdentity.Form form, PersonGraph.GraphIdentity identity) {
        GraphVertex vertex = new GraphVertex(identity.lastUpdatedAt());
        if (form == RequestedIdentity.Form.XID) {
            return vertex.xid(identity.xid());
        }
        return vertex.compositeXid(composite(form, identity));
    }

    private static GraphEdge edge(RequestedIdentity.Form form, IdentityLink link,
            Map<String, PersonGraph.GraphIdentity> byXid, boolean metadata) {
        GraphEdge edge = new GraphEdge(link.createdAt(), link.lastSeenAt());
        if (form == RequestedIdentity.Form.XID) {
            edge.setXidPair(List.of(link.fromXid(), link.toXid()));
            edge.setCompositeXidPair(null);
        } else {
            edge.setXidPair(null);
            edge.setCompositeXidPair(List.of(composite(form, byXid.get(link.fromXid())),
                    composite(form, byXid.get(link.toXid()))));
        }
        edge.setDatasetIds(metadata ? datasetIds(link) : null);
        edge.setBatchIds(metadata ? batchIds(link) : null);
        return edge;
    }

    /** Lists the datasets that carried a link, the earliest first. */
    private static List<String> datasetIds(IdentityLink link) {
        return link.sources().stream()
                .sorted(Comparator.comparingLong(IdentityLink.Source::firstSeenAt)
                        .thenComparing(IdentityLink.Source::datasetId))
                .map(IdentityLink.Source::datasetId)
                .toList();
    }

    /** Lists the first and latest batch of each dataset that carried a link, the earliest first. */
    private static List<String> batchIds(IdentityLink link) {
        record Seen(String batchId, long at) {
        }
        List<Seen> seen = new ArrayList<>();
        for (IdentityLink.Source source : link.sources()) {
            if (source.firstBatchId() != null) {
                seen.add(new Seen(source.firstBatchId(), source.firstSeenAt()));
            }
            if (source.lastBatchId() != null) {
                seen.add(new Seen(source.lastBatchId(), source.lastSeenAt()));
            }
        }
        return seen.stream()
                .sorted(Comparator.comparingLong(Seen::at).thenComparing(Seen::batchId))
                .map(Seen::batchId)
                .distinct()
                .toList();
    }
}
