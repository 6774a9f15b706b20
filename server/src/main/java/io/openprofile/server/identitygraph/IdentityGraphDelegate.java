package io.openprofile.server.identitygraph;

import io.openprofile.server.api.IdentityGraphApi;
import io.openprofile.server.api.model.ClusterMembers;
import io.openprofile.server.api.model.ClusterMembersRequest;
import io.openprofile.server.api.model.GraphRequest;
import io.openprofile.server.api.model.GraphResponse;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Identity Service graph endpoints over {@link IdentityGraphService}. */
public class IdentityGraphDelegate implements IdentityGraphApi {

    private final IdentityGraphService graphs;
    private final RequestContext context;

    IdentityGraphDelegate(IdentityGraphService graphs, RequestContext context) {
        this.graphs = graphs;
        this.context = context;
    }

    @Override
    public RestResponse<ClusterMembers> listClusterMembers(String xid, Integer nsid, String namespace, String id,
            String graphType) {
        RequestChecks.requireGraphType(graphType, "graph-type");
        RequestedIdentity requested = ClusterMembersFormat.fromQuery(xid, nsid, namespace, id);
        Tenant tenant = context.tenant();
        IdentityGraphService.Lookup lookup = graphs.read(tenant, List.of(requested), false).get(0);
        return RestResponse.ok(ClusterMembersFormat.singleResponse(tenant, lookup));
    }

    @Override
    public RestResponse<ClusterMembers> getListOfClusterMembers(ClusterMembersRequest request) {
        RequestChecks.requireGraphType(request.getGraphType(), "graph-type");
        List<RequestedIdentity> requested = ClusterMembersFormat.fromBody(request);
        return RestResponse.ok(ClusterMembersFormat.response(graphs.read(context.tenant(), requested, false)));
    }

    @Override
    public RestResponse<ClusterMembers> listClusterMembersOnSingularPath(ClusterMembersRequest request) {
        return getListOfClusterMembers(request);
    }

    @Override
    public RestResponse<GraphResponse> getGraphs(GraphRequest request) {
        GraphFormat.Parsed parsed = GraphFormat.parse(request);
        boolean withLinks = parsed.projection() == GraphFormat.Projection.GRAPH;
        return RestResponse.ok(GraphFormat.response(parsed, graphs.read(context.tenant(), parsed.identities(),
                withLinks)));
    }
}
