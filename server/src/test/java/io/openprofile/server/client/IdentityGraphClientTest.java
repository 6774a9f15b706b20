package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.openprofile.client.ApiException;
import io.openprofile.client.api.IdentityGraphApi;
import io.openprofile.client.model.ClusterMembers;
import io.openprofile.client.model.ClusterMembersRequest;
import io.openprofile.client.model.GraphCompositeXid;
import io.openprofile.client.model.GraphEdge;
import io.openprofile.client.model.GraphRequest;
import io.openprofile.client.model.GraphResponse;
import io.openprofile.client.model.GraphVertex;
import io.openprofile.client.model.XidWithNamespaceCode;
import io.openprofile.server.identity.Identity;
import io.openprofile.server.identity.Xid;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls every identity graph operation through the generated Java client. */
@QuarkusTest
class IdentityGraphClientTest {

    private static final String EMAIL_XID = Xid.of(new Identity("Email", "cleo@example.com"));
    private static final String ECID_XID = Xid.of(new Identity("ECID", "555"));

    private IdentityGraphApi graph;
    private String dataset;
    private String batchId;

    @BeforeEach
    void ingestOnePerson() {
        Flows flows = new Flows(Api.newSandbox());
        dataset = flows.profileDataset();
        batchId = flows.ingestLines(dataset, "{\"identityMap\": {\"Email\": [{\"id\": \"cleo@example.com\"}], "
                + "\"ECID\": [{\"id\": \"555\"}]}}").batchId();
        graph = new IdentityGraphApi(Clients.forSandbox(flows.sandbox()));
    }

    @Test
    void clusterOfOneIdentity() throws ApiException {
        ClusterMembers members = graph.listClusterMembers(EMAIL_XID, null, null, null, "pdg");

        assertThat(members.getClusters()).hasSize(1);
        assertThat(members.getClusters().get(0).getXid()).isEqualTo(EMAIL_XID);
        assertThat(members.getClusters().get(0).getMembers()).extracting(JsonNode::asText)
                .containsExactly(ECID_XID, EMAIL_XID);
    }

    @Test
    void clustersOfManyIdentitiesOnBothPaths() throws ApiException {
        ClusterMembersRequest request = new ClusterMembersRequest()
                .compositeXidsWithNamespace(List.of(new XidWithNamespaceCode().namespace("ecid").id("555")));

        for (ClusterMembers members : List.of(graph.getListOfClusterMembers(request),
                graph.listClusterMembersOnSingularPath(request))) {
            assertThat(members.getClusters()).hasSize(1);
            assertThat(members.getClusters().get(0).getCompositeXid().getNamespace()).isEqualTo("ecid");
            assertThat(members.getClusters().get(0).getMembers()).extracting(member -> member.get("namespace").asText())
                    .containsExactly("ECID", "Email");
            assertThat(members.getUnprocessedRecords()).isEmpty();
        }
    }

    @Test
    void graphWithEdgeMetadata() throws ApiException {
        GraphResponse response = graph.getGraphs(new GraphRequest()
                .compositeXids(List.of(new GraphCompositeXid().nsid(6).id("cleo@example.com")))
                .projectionType("graph")
                .requireEdgeMetaData(true));

        assertThat(response.getGraphs()).hasSize(1);
        assertThat(response.getGraphs().get(0).getVertices()).extracting(GraphVertex::getCompositeXid)
                .extracting(GraphCompositeXid::getNsid).containsExactly(4, 6);
        GraphEdge edge = response.getGraphs().get(0).getEdges().get(0);
        assertThat(edge.getCompositeXidPair()).extracting(GraphCompositeXid::getId)
                .containsExactly("cleo@example.com", "555");
        assertThat(edge.getDatasetIds()).containsExactly(dataset);
        assertThat(edge.getBatchIds()).containsExactly(batchId);
        assertThat(response.getUnprocessedCompositeXids()).isEmpty();
    }

    @Test
    void badProjectionReadThroughApiException() {
        ApiException error = catchThrowableOfType(ApiException.class, () -> graph.getGraphs(new GraphRequest()
                .xids(List.of(EMAIL_XID))
                .projectionType("tree")));

        assertThat(error.getCode()).isEqualTo(400);
        assertThat(error.getResponseBody()).contains("projection_type");
    }
}
