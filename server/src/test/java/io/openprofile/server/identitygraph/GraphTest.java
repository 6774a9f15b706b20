package io.openprofile.server.identitygraph;

import static io.openprofile.server.identitygraph.GraphFixture.ANN_CRMID;
import static io.openprofile.server.identitygraph.GraphFixture.ANN_CRMID_XID;
import static io.openprofile.server.identitygraph.GraphFixture.ANN_ECID;
import static io.openprofile.server.identitygraph.GraphFixture.ANN_ECID_XID;
import static io.openprofile.server.identitygraph.GraphFixture.ANN_EMAIL;
import static io.openprofile.server.identitygraph.GraphFixture.ANN_EMAIL_XID;
import static io.openprofile.server.identitygraph.GraphFixture.BOB_ECID_XID;
import static io.openprofile.server.identitygraph.GraphFixture.BOB_EMAIL_XID;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Adobe's {@code POST /identity/v2/graph} in its set and graph projections. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphTest {

    private static final String GRAPH = "/data/core/identity/v2/graph";

    private GraphFixture fixture;

    /**
     * Ingests the fixture once per class. Quarkus points REST Assured at the application only
     * before each test, so a {@code @BeforeAll} method could not send requests yet.
     */
    @BeforeEach
    void ingestTwoPeopleOnce() {
        if (fixture == null) {
            fixture = GraphFixture.load();
        }
    }

    @Test
    void setOfAnyMemberListsWholeGraph() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID, ANN_CRMID_XID, BOB_ECID_XID), "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("version", equalTo("2.0"))
                .body("algo_type", equalTo("STITCH_ALL"))
                .body("graphs", hasSize(3))
                .body("graphs[0].xid", equalTo(ANN_EMAIL_XID))
                .body("graphs[0].members", contains(ANN_CRMID_XID, ANN_ECID_XID, ANN_EMAIL_XID))
                .body("graphs[0]", not(hasKey("vertices")))
                .body("graphs[1].xid", equalTo(ANN_CRMID_XID))
                .body("graphs[1].members", contains(ANN_CRMID_XID, ANN_ECID_XID, ANN_EMAIL_XID))
                .body("graphs[2].members", contains(BOB_ECID_XID, BOB_EMAIL_XID))
                .body("unprocessed_xids", empty())
                .body("$", not(hasKey("unprocessed_composite_xids")));
    }

    @Test
    void setByNamespaceCodeListsCanonicalCodes() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(Map.of("ns", "crmid", "id", ANN_CRMID)),
                        "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs[0].composite_xid.ns", equalTo("crmid"))
                .body("graphs[0].composite_xid.id", equalTo(ANN_CRMID))
                .body("graphs[0].members.ns", contains("CRMID", "ECID", "Email"))
                .body("graphs[0].members.id", contains(ANN_CRMID, ANN_ECID, ANN_EMAIL))
                .body("unprocessed_composite_xids", empty())
                .body("$", not(hasKey("unprocessed_xids")));
    }

    @Test
    void graphCarriesEdgesWithDatasetsAndBatches() {
        JsonPath body = Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(Map.of("nsid", 6, "id", ANN_EMAIL)),
                        "projection_type", "graph", "require_edge_meta_data", true))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs[0].composite_xid.nsid", equalTo(6))
                .body("graphs[0].vertices.composite_xid.nsid", contains(900100, 4, 6))
                .body("graphs[0].vertices.composite_xid.id", contains(ANN_CRMID, ANN_ECID, ANN_EMAIL))
                .body("graphs[0].edges", hasSize(2))
                .extract().jsonPath();
        String emailEdge = "graphs[0].edges.find { it.composite_xid_pair[0].nsid == 6 }";
        String crmEdge = "graphs[0].edges.find { it.composite_xid_pair[0].nsid == 4 }";

        assertEquals(List.of(ANN_EMAIL, ANN_ECID), body.getList(emailEdge + ".composite_xid_pair.id"));
        assertEquals(List.of(fixture.dataset), body.getList(emailEdge + ".dataset_ids"));
        assertEquals(List.of(fixture.firstBatch, fixture.thirdBatch), body.getList(emailEdge + ".batch_ids"));
        assertTrue(body.getLong(emailEdge + ".last_established_ts")
                > body.getLong(emailEdge + ".first_established_ts"));
        assertEquals(List.of(ANN_ECID, ANN_CRMID), body.getList(crmEdge + ".composite_xid_pair.id"));
        assertEquals(List.of(fixture.dataset), body.getList(crmEdge + ".dataset_ids"));
        assertEquals(List.of(fixture.secondBatch), body.getList(crmEdge + ".batch_ids"));
        assertEquals(body.getLong(crmEdge + ".first_established_ts"), body.getLong(crmEdge + ".last_established_ts"));
    }

    @Test
    void vertexUpdateTimeIsItsLatestLink() {
        JsonPath body = Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID), "projection_type", "graph"))
                .when().post(GRAPH)
                .then().statusCode(200)
                .extract().jsonPath();
        String emailEdge = "graphs[0].edges.find { it.xid_pair[0] == '" + ANN_EMAIL_XID + "' }";
        String crmEdge = "graphs[0].edges.find { it.xid_pair[1] == '" + ANN_CRMID_XID + "' }";

        long emailLinked = body.getLong(emailEdge + ".last_established_ts");
        long crmLinked = body.getLong(crmEdge + ".last_established_ts");
        assertEquals(emailLinked, vertexTime(body, ANN_EMAIL_XID));
        assertEquals(Math.max(emailLinked, crmLinked), vertexTime(body, ANN_ECID_XID));
        assertEquals(crmLinked, vertexTime(body, ANN_CRMID_XID));
    }

    @Test
    void edgesOfXidRequestArePairsOfXids() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(BOB_ECID_XID), "projection_type", "graph"))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs[0].vertices.xid", contains(BOB_ECID_XID, BOB_EMAIL_XID))
                .body("graphs[0].edges", hasSize(1))
                .body("graphs[0].edges[0].xid_pair", contains(BOB_EMAIL_XID, BOB_ECID_XID))
                .body("graphs[0].edges[0]", not(hasKey("composite_xid_pair")))
                .body("graphs[0].edges[0]", not(hasKey("dataset_ids")))
                .body("graphs[0].edges[0]", not(hasKey("batch_ids")))
                .body("graphs[0]", not(hasKey("members")));
    }

    @Test
    void edgeMetadataIsIgnoredForSet() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(BOB_ECID_XID), "projection_type", "set", "require_edge_meta_data", true))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs[0].members", contains(BOB_ECID_XID, BOB_EMAIL_XID))
                .body("graphs[0]", not(hasKey("edges")));
    }

    @Test
    void unknownIdentityGetsEmptyGraph() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(Map.of("ns", "Email", "id", "nobody@example.com")),
                        "projection_type", "graph"))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs", hasSize(1))
                .body("graphs[0].composite_xid.id", equalTo("nobody@example.com"))
                .body("graphs[0].vertices", empty())
                .body("graphs[0].edges", empty())
                .body("unprocessed_composite_xids", empty());
    }

    @Test
    void unknownNamespacesAreUnprocessed() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(
                        Map.of("ns", "nope", "id", "x"),
                        Map.of("ns", "Email", "id", ANN_EMAIL),
                        Map.of("nsid", 12345, "id", "y")),
                        "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs", hasSize(1))
                .body("graphs[0].composite_xid.ns", equalTo("Email"))
                .body("unprocessed_composite_xids", hasSize(2))
                .body("unprocessed_composite_xids[0].ns", equalTo("nope"))
                .body("unprocessed_composite_xids[0].id", equalTo("x"))
                .body("unprocessed_composite_xids[1].nsid", equalTo(12345))
                .body("unprocessed_composite_xids[1].id", equalTo("y"));
    }

    @Test
    void unknownProjectionTypeIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID), "projection_type", "tree"))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("projection_type"))
                .body("value", equalTo("tree"))
                .body("message", containsString("set or graph"));
    }

    @Test
    void missingProjectionTypeIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID)))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("errorCode", equalTo("OP-400-MISSING-PARAMETER"))
                .body("field", equalTo("projection_type"));
    }

    @Test
    void xidsWithCompositeXidsIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID),
                        "composite_xids", List.of(Map.of("ns", "Email", "id", ANN_EMAIL)),
                        "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("composite_xids"));
    }

    @Test
    void nsWithNsidIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(Map.of("ns", "Email", "nsid", 6, "id", ANN_EMAIL)),
                        "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("composite_xids[0].ns"));
    }

    @Test
    void missingNamespaceIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(Map.of("id", ANN_EMAIL)), "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("composite_xids[0].ns"));
    }

    @Test
    void missingIdIs400() {
        Api.invalidRequestAs(fixture.sandbox()).contentType(ContentType.JSON)
                .body("{\"composite_xids\": [{\"ns\": \"Email\"}], \"projection_type\": \"set\"}")
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", containsString("composite_xids[0]"))
                .body("message", containsString("id"));
    }

    @Test
    void nonNumericNsidIs400() {
        Api.invalidRequestAs(fixture.sandbox()).contentType(ContentType.JSON)
                .body("{\"composite_xids\": [{\"nsid\": \"six\", \"id\": \"x\"}], \"projection_type\": \"set\"}")
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("composite_xids[0].nsid"))
                .body("message", containsString("six"));
    }

    @Test
    void noIdentitiesIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(), "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("xids"));
    }

    @Test
    void moreThanThousandIdentitiesIs400() {
        List<Map<String, Object>> identities = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            identities.add(Map.of("ns", "ECID", "id", "device-" + i));
        }

        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", identities, "projection_type", "set"))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("composite_xids"))
                .body("message", containsString("at most 1000"));
    }

    @Test
    void emptyTraverseAndFilterAreAccepted() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID), "projection_type", "set",
                        "traverse", List.of(), "filter", List.of()))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs", hasSize(1))
                .body("graphs[0].members", hasSize(3));
    }

    @Test
    void filterIsRejectedAsUnsupported() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID), "projection_type", "set",
                        "filter", List.of(Map.of("limit", "10"))))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("errorCode", equalTo("OP-400-UNSUPPORTED-PARAMETER"))
                .body("field", equalTo("filter"));
    }

    @Test
    void otherGraphTypeIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID), "projection_type", "set", "graph_type", "coop"))
                .when().post(GRAPH)
                .then().statusCode(400)
                .body("field", equalTo("graph_type"))
                .body("value", equalTo("coop"));
    }

    @Test
    void streamedLinkHasDatasetButNoBatch() {
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        String inlet = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("name", "inlet", "dataSetId", dataset))
                .when().post("/data/foundation/flowservice/connections")
                .then().statusCode(201)
                .extract().path("id");
        Api.bare().contentType(ContentType.JSON)
                .body("{\"header\": {\"datasetId\": \"" + dataset + "\", \"imsOrgId\": \"" + Api.ORG + "\"}, "
                        + "\"body\": {\"xdmEntity\": "
                        + "{\"identityMap\": {\"Email\": [{\"id\": \"s@example.com\"}], "
                        + "\"ECID\": [{\"id\": \"333\"}]}}}}")
                .when().post("/collection/" + inlet)
                .then().statusCode(200);

        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(Map.of("ns", "ECID", "id", "333")),
                        "projection_type", "graph", "require_edge_meta_data", true))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs[0].edges", hasSize(1))
                .body("graphs[0].edges[0].composite_xid_pair.ns", contains("Email", "ECID"))
                .body("graphs[0].edges[0].dataset_ids", contains(dataset))
                .body("graphs[0].edges[0].batch_ids", empty());
    }

    @Test
    void linkFromSecondDatasetAddsItsDataset() {
        Flows flows = new Flows(Api.newSandbox());
        String crm = flows.profileDataset();
        String web = flows.profileDataset();
        String first = flows.ingestLines(crm, GraphFixture.ANN_RECORD).batchId();
        String second = flows.ingestLines(web, GraphFixture.ANN_RECORD).batchId();

        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_ECID_XID), "projection_type", "graph", "require_edge_meta_data", true))
                .when().post(GRAPH)
                .then().statusCode(200)
                .body("graphs[0].edges", hasSize(1))
                .body("graphs[0].edges[0].dataset_ids", contains(crm, web))
                .body("graphs[0].edges[0].batch_ids", contains(first, second));
    }

    private static long vertexTime(JsonPath body, String xid) {
        return body.getLong("graphs[0].vertices.find { it.xid == '" + xid + "' }.last_updated_ts");
    }
}
