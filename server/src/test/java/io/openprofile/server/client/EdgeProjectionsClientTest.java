package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openprofile.client.ApiException;
import io.openprofile.client.api.EdgeProjectionsApi;
import io.openprofile.client.model.DataCenter;
import io.openprofile.client.model.DestinationType;
import io.openprofile.client.model.ProjectionConfig;
import io.openprofile.client.model.ProjectionConfigInput;
import io.openprofile.client.model.ProjectionDestination;
import io.openprofile.client.model.ProjectionDestinationCreate;
import io.openprofile.client.model.ProjectionDestinationUpdate;
import io.openprofile.client.model.ReplicationPolicy;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls every edge projection operation through the generated Java client, and records the request
 * {@code Content-Type} it sends, which must be Adobe's vendor type.
 */
@QuarkusTest
class EdgeProjectionsClientTest {

    private static final String PROFILE = "_xdm.context.profile";
    private static final String DESTINATION_TYPE = "application/vnd.adobe.platform.projectionDestination+json";
    private static final String CONFIG_TYPE = "application/vnd.adobe.platform.projectionConfig+json";

    private final List<String> sentContentTypes = new CopyOnWriteArrayList<>();
    private EdgeProjectionsApi projections;

    @BeforeEach
    void createClient() {
        HttpRequestInterceptor recordContentType = (request, entity, context) -> {
            Header header = request.getFirstHeader(HttpHeaders.CONTENT_TYPE);
            if (header != null) {
                sentContentTypes.add(header.getValue());
            }
        };
        projections = new EdgeProjectionsApi(Clients.forSandbox(Api.newSandbox(),
                HttpClients.custom().addRequestInterceptorLast(recordContentType).build()));
    }

    @Test
    void destinationOperations() throws ApiException {
        ProjectionDestination created = projections.createProjectionDestination(new ProjectionDestinationCreate()
                .type(DestinationType.EDGE)
                .dataCenters(List.of(DataCenter.VA5, DataCenter.NLD1)));
        ProjectionDestination updated = projections.updateProjectionDestination(created.getId(),
                new ProjectionDestinationUpdate()
                        .type(DestinationType.EDGE)
                        .dataCenters(List.of(DataCenter.OR1))
                        .ttl(7200)
                        .replicationPolicy(ReplicationPolicy.PROACTIVE)
                        .currentVersion(created.getVersion()));

        assertThat(created.getTtl()).isEqualTo(3600);
        assertThat(created.getReplicationPolicy()).isEqualTo(ReplicationPolicy.REACTIVE);
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(updated.getDataCenters()).containsExactly(DataCenter.OR1);
        assertThat(projections.getProjectionDestination(created.getId()).getTtl()).isEqualTo(7200);
        assertThat(projections.listProjectionDestinations().getEmbedded().getProjectionDestinations())
                .extracting(ProjectionDestination::getId).containsExactly(created.getId());
        projections.deleteProjectionDestination(created.getId());
        assertThat(projections.listProjectionDestinations().getEmbedded().getProjectionDestinations()).isEmpty();
    }

    @Test
    void projectionOperations() throws ApiException {
        String destination = projections.createProjectionDestination(new ProjectionDestinationCreate()
                .type(DestinationType.EDGE).dataCenters(List.of(DataCenter.VA5))).getId();

        ProjectionConfig created = projections.createProjectionConfig(PROFILE, new ProjectionConfigInput()
                .selector("emails,person(firstName)").destinationId(destination).name("client_projection"));
        ProjectionConfig updated = projections.updateProjectionConfig(created.getId(), new ProjectionConfigInput()
                .selector("person.name").destinationId(destination).name("client_projection")
                .currentVersion(created.getVersion()));

        assertThat(created.getMergePolicyId()).isEqualTo("timestampOrdered-pdg-mp");
        assertThat(created.getEmbedded().getDestination().getId()).isEqualTo(destination);
        assertThat(created.getLinks().getDestination().getHref()).endsWith("/destinations/" + destination);
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(projections.getProjectionConfig(created.getId()).getSelector()).isEqualTo("person.name");
        assertThat(projections.listProjectionConfigs(PROFILE, "client_projection").getEmbedded()
                .getProjectionConfigs()).extracting(ProjectionConfig::getId).containsExactly(created.getId());
        projections.deleteProjectionConfig(created.getId());
        assertThat(projections.listProjectionConfigs(null, null).getEmbedded().getProjectionConfigs()).isEmpty();
    }

    @Test
    void clientSendsVendorContentTypes() throws ApiException {
        String destination = projections.createProjectionDestination(new ProjectionDestinationCreate()
                .type(DestinationType.EDGE).dataCenters(List.of(DataCenter.OR1))).getId();
        projections.createProjectionConfig(PROFILE, new ProjectionConfigInput()
                .selector("emails").destinationId(destination));

        // The generated client (apache-httpclient) parses the contract's type with HttpClient's ContentType,
        // which lower-cases it and replaces "; version=1" with a charset. Media types are case-insensitive,
        // and the server accepts the vendor type without a version.
        assertThat(sentContentTypes).hasSize(2);
        assertThat(sentContentTypes.get(0)).startsWithIgnoringCase(DESTINATION_TYPE + "; charset=");
        assertThat(sentContentTypes.get(1)).startsWithIgnoringCase(CONFIG_TYPE + "; charset=");
    }

    @Test
    void versionedVendorTypeCanBeForced() throws ApiException {
        ProjectionDestination created = projections.createProjectionDestination(
                new ProjectionDestinationCreate().type(DestinationType.EDGE).dataCenters(List.of(DataCenter.VA5)),
                Map.of("Content-Type", DESTINATION_TYPE + "; version=1"));

        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(sentContentTypes).containsExactly(DESTINATION_TYPE + "; version=1");
    }

    @Test
    void conflictsReadThroughApiException() throws ApiException {
        String destination = projections.createProjectionDestination(new ProjectionDestinationCreate()
                .type(DestinationType.EDGE).dataCenters(List.of(DataCenter.VA5))).getId();
        projections.createProjectionConfig(PROFILE, new ProjectionConfigInput()
                .selector("emails").destinationId(destination));

        ApiException inUse = catchThrowableOfType(ApiException.class,
                () -> projections.deleteProjectionDestination(destination));
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> projections.updateProjectionDestination(destination, new ProjectionDestinationUpdate()
                        .type(DestinationType.EDGE).dataCenters(List.of(DataCenter.VA5)).currentVersion(5)));

        assertThat(inUse.getCode()).isEqualTo(409);
        assertThat(inUse.getResponseBody()).contains("OP-409-DESTINATION-IN-USE");
        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(stale.getResponseBody()).contains("OP-409-VERSION-CONFLICT");
    }
}
