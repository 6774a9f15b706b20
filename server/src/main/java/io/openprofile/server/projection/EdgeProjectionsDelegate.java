package io.openprofile.server.projection;

import io.openprofile.server.api.EdgeProjectionsApi;
import io.openprofile.server.api.model.DataCenter;
import io.openprofile.server.api.model.DestinationType;
import io.openprofile.server.api.model.ProjectionConfig;
import io.openprofile.server.api.model.ProjectionConfigInput;
import io.openprofile.server.api.model.ProjectionConfigList;
import io.openprofile.server.api.model.ProjectionDestination;
import io.openprofile.server.api.model.ProjectionDestinationCreate;
import io.openprofile.server.api.model.ProjectionDestinationList;
import io.openprofile.server.api.model.ProjectionDestinationUpdate;
import io.openprofile.server.api.model.ReplicationPolicy;
import io.openprofile.server.tenancy.RequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Adobe's legacy edge projection endpoints: projection destinations and projection configurations. The
 * vendor media types of their request bodies are checked and mapped to JSON in
 * {@link io.openprofile.server.http.MediaTypeFilters} before a request reaches this class.
 */
public class EdgeProjectionsDelegate implements EdgeProjectionsApi {

    private final DestinationService destinations;
    private final ProjectionService projections;
    private final RequestContext context;

    EdgeProjectionsDelegate(DestinationService destinations, ProjectionService projections,
            RequestContext context) {
        this.destinations = destinations;
        this.projections = projections;
        this.context = context;
    }

    @Override
    public RestResponse<ProjectionDestinationList> listProjectionDestinations() {
        return RestResponse.ok(ProjectionModels.destinations(destinations.list(context.tenant())));
    }

    @Override
    public RestResponse<ProjectionDestination> createProjectionDestination(ProjectionDestinationCreate request) {
        DestinationSpec spec = spec(request.getType(), request.getDataCenters(), request.getTtl(),
                request.getReplicationPolicy());
        Destination created = destinations.create(context.tenant(), spec);
        return RestResponse.status(RestResponse.Status.CREATED, ProjectionModels.destination(created));
    }

    @Override
    public RestResponse<ProjectionDestination> getProjectionDestination(String destinationId) {
        return RestResponse.ok(ProjectionModels.destination(destinations.get(context.tenant(), destinationId)));
    }

    @Override
    public RestResponse<ProjectionDestination> updateProjectionDestination(String destinationId,
            ProjectionDestinationUpdate request) {
        DestinationSpec spec = spec(request.getType(), request.getDataCenters(), request.getTtl(),
                request.getReplicationPolicy());
        Destination updated = destinations.update(context.tenant(), destinationId, spec,
                request.getCurrentVersion());
        return RestResponse.ok(ProjectionModels.destination(updated));
    }

    @Override
    public RestResponse<Void> deleteProjectionDestination(String destinationId) {
        destinations.delete(context.tenant(), destinationId);
        return RestResponse.noContent();
    }

    @Override
    public RestResponse<ProjectionConfigList> listProjectionConfigs(String schemaName, String name) {
        List<ProjectionWithDestination> entries = projections.list(context.tenant(), schemaName, name);
        return RestResponse.ok(ProjectionModels.projections(entries, schemaName, name));
    }

    @Override
    public RestResponse<ProjectionConfig> createProjectionConfig(String schemaName, ProjectionConfigInput request) {
        ProjectionWithDestination created = projections.create(context.tenant(), schemaName, spec(request),
                request.getCurrentVersion());
        return RestResponse.status(RestResponse.Status.CREATED, ProjectionModels.projection(created));
    }

    @Override
    public RestResponse<ProjectionConfig> getProjectionConfig(String projectionId) {
        return RestResponse.ok(ProjectionModels.projection(projections.get(context.tenant(), projectionId)));
    }

    @Override
    public RestResponse<ProjectionConfig> updateProjectionConfig(String projectionId, ProjectionConfigInput request) {
        ProjectionWithDestination updated = projections.update(context.tenant(), projectionId, spec(request),
                request.getCurrentVersion());
        return RestResponse.ok(ProjectionModels.projection(updated));
    }

    @Override
    public RestResponse<Void> deleteProjectionConfig(String projectionId) {
        projections.delete(context.tenant(), projectionId);
        return RestResponse.noContent();
    }

    private static DestinationSpec spec(DestinationType type, List<DataCenter> dataCenters, Integer ttl,
            ReplicationPolicy replicationPolicy) {
        List<String> centers = dataCenters == null ? null
                : dataCenters.stream().map(center -> center == null ? null : center.toString()).toList();
        return new DestinationSpec(type == null ? null : type.toString(), centers, ttl,
                replicationPolicy == null ? null : replicationPolicy.toString());
    }

    private static ProjectionSpec spec(ProjectionConfigInput request) {
        return new ProjectionSpec(request.getSelector(), request.getDestinationId(), request.getName(),
                request.getMergePolicyId());
    }
}
