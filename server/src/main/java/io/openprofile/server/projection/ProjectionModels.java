package io.openprofile.server.projection;

import io.openprofile.server.api.model.DataCenter;
import io.openprofile.server.api.model.DestinationType;
import io.openprofile.server.api.model.HalLink;
import io.openprofile.server.api.model.ProjectionConfig;
import io.openprofile.server.api.model.ProjectionConfigEmbedded;
import io.openprofile.server.api.model.ProjectionConfigLinks;
import io.openprofile.server.api.model.ProjectionConfigList;
import io.openprofile.server.api.model.ProjectionConfigListEmbedded;
import io.openprofile.server.api.model.ProjectionDestination;
import io.openprofile.server.api.model.ProjectionDestinationList;
import io.openprofile.server.api.model.ProjectionDestinationListEmbedded;
import io.openprofile.server.api.model.ReplicationPolicy;
import io.openprofile.server.api.model.SelfLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Maps destinations and projection configurations to the HAL documents of the contract. */
final class ProjectionModels {

    static final String DESTINATIONS_PATH = "/data/core/ups/config/destinations";
    static final String PROJECTIONS_PATH = "/data/core/ups/config/projections";

    private ProjectionModels() {
    }

    static ProjectionDestination destination(Destination destination) {
        return new ProjectionDestination()
                .links(new SelfLinks().self(link(DESTINATIONS_PATH + "/" + destination.id())))
                .id(destination.id())
                .type(DestinationType.fromValue(destination.type()))
                .dataCenters(destination.dataCenters().stream().map(DataCenter::fromValue).toList())
                .ttl(destination.ttlSeconds())
                .replicationPolicy(ReplicationPolicy.fromValue(destination.replicationPolicy()))
                .version(destination.version());
    }

    static ProjectionDestinationList destinations(List<Destination> destinations) {
        return new ProjectionDestinationList()
                .links(new SelfLinks().self(link(DESTINATIONS_PATH)))
                .embedded(new ProjectionDestinationListEmbedded().projectionDestinations(
                        destinations.stream().map(ProjectionModels::destination).toList()));
    }

    static ProjectionConfig projection(ProjectionWithDestination entry) {
        Projection projection = entry.projection();
        return new ProjectionConfig()
                .links(new ProjectionConfigLinks()
                        .self(link(PROJECTIONS_PATH + "/" + projection.id()))
                        .destination(link(DESTINATIONS_PATH + "/" + projection.destinationId())))
                .embedded(new ProjectionConfigEmbedded().destination(destination(entry.destination())))
                .id(projection.id())
                .schemaName(projection.schemaName())
                .name(projection.name())
                .selector(projection.selector())
                .destinationId(projection.destinationId())
                .mergePolicyId(projection.mergePolicyId())
                .version(projection.version());
    }

    /** Builds the list document; its self link repeats the filters that were given. */
    static ProjectionConfigList projections(List<ProjectionWithDestination> entries, String schemaName,
            String name) {
        StringBuilder self = new StringBuilder(PROJECTIONS_PATH);
        if (schemaName != null) {
            self.append("?schemaName=").append(encode(schemaName));
            if (name != null) {
                self.append("&name=").append(encode(name));
            }
        }
        return new ProjectionConfigList()
                .links(new SelfLinks().self(link(self.toString())))
                .embedded(new ProjectionConfigListEmbedded().projectionConfigs(
                        entries.stream().map(ProjectionModels::projection).toList()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HalLink link(String href) {
        return new HalLink().href(href).templated(false);
    }
}
