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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Adobe's cluster endpoints: the GET of one identity and the POST of many, on both POST paths. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterMembersTest {

    private static final String CLUSTER = "/data/core/identity/cluster/members";
    private static final String CLUSTERS = "/data/core/identity/clusters/members";

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
    void eachMemberXidListsWholeCluster() {
        for (String xid : List.of(ANN_EMAIL_XID, ANN_ECID_XID, ANN_CRMID_XID)) {
            Api.as(fixture.sandbox())
                    .queryParam("xid", xid)
                    .when().get(CLUSTER)
                    .then().statusCode(200)
                    .body("version", equalTo("1.1.0"))
                    .body("algo_type", equalTo("STITCH_ALL"))
                    .body("clusters", hasSize(1))
                    .body("clusters[0].xid", equalTo(xid))
                    .body("clusters[0].members", contains(ANN_CRMID_XID, ANN_ECID_XID, ANN_EMAIL_XID))
                    .body("unprocessedRecords", empty());
        }
    }

    @Test
    void namespaceCodeFormEchoesRequestAndListsCodes() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("namespace", "email", "id", ANN_EMAIL, "graph-type", "pdg"))
                .when().get(CLUSTER)
                .then().statusCode(200)
                .body("clusters[0].compositeXid.namespace", equalTo("email"))
                .body("clusters[0].compositeXid.id", equalTo(ANN_EMAIL))
                .body("clusters[0].compositeXid.nsid", equalTo(null))
                .body("clusters[0].members.namespace", contains("CRMID", "ECID", "Email"))
                .body("clusters[0].members.id", contains(ANN_CRMID, ANN_ECID, ANN_EMAIL));
    }

    @Test
    void namespaceIdFormListsNamespaceIds() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("nsid", 4, "id", ANN_ECID))
                .when().get(CLUSTER)
                .then().statusCode(200)
                .body("clusters[0].compositeXid.nsid", equalTo(4))
                .body("clusters[0].compositeXid.id", equalTo(ANN_ECID))
                .body("clusters[0].members.nsid", contains(900100, 4, 6))
                .body("clusters[0].members.id", contains(ANN_CRMID, ANN_ECID, ANN_EMAIL));
    }

    @Test
    void separatePeopleStaySeparate() {
        Api.as(fixture.sandbox())
                .queryParam("xid", BOB_EMAIL_XID)
                .when().get(CLUSTER)
                .then().statusCode(200)
                .body("clusters[0].members", contains(BOB_ECID_XID, BOB_EMAIL_XID));
        Api.as(fixture.sandbox())
                .queryParam("xid", ANN_EMAIL_XID)
                .when().get(CLUSTER)
                .then().statusCode(200)
                .body("clusters[0].members", not(hasItem(BOB_EMAIL_XID)))
                .body("clusters[0].members", not(hasItem(BOB_ECID_XID)));
    }

    @Test
    void unknownXidHasEmptyMembers() {
        Api.as(fixture.sandbox())
                .queryParam("xid", "AAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .when().get(CLUSTER)
                .then().statusCode(200)
                .body("clusters[0].xid", equalTo("AAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .body("clusters[0].members", empty())
                .body("unprocessedRecords", empty());
    }

    @Test
    void unknownIdentityValueHasEmptyMembers() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("namespace", "Email", "id", "nobody@example.com"))
                .when().get(CLUSTER)
                .then().statusCode(200)
                .body("clusters[0].compositeXid.id", equalTo("nobody@example.com"))
                .body("clusters[0].members", empty());
    }

    @Test
    void otherSandboxSeesNoMembers() {
        Api.as(Api.newSandbox())
                .queryParam("xid", ANN_EMAIL_XID)
                .when().get(CLUSTER)
                .then().statusCode(200)
                .body("clusters[0].members", empty());
    }

    @Test
    void otherGraphTypeIs400() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("xid", ANN_EMAIL_XID, "graph-type", "coop"))
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("graph-type"))
                .body("value", equalTo("coop"));
    }

    @Test
    void xidWithNamespaceIs400() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("xid", ANN_EMAIL_XID, "namespace", "Email", "id", ANN_EMAIL))
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("xid"))
                .body("value", equalTo(ANN_EMAIL_XID));
    }

    @Test
    void nsidWithNamespaceIs400() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("nsid", 6, "namespace", "Email", "id", ANN_EMAIL))
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("namespace"));
    }

    @Test
    void namespaceWithoutIdIs400() {
        Api.as(fixture.sandbox())
                .queryParam("namespace", "Email")
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("errorCode", equalTo("OP-400-MISSING-PARAMETER"))
                .body("field", equalTo("id"));
    }

    @Test
    void idWithoutNamespaceIs400() {
        Api.as(fixture.sandbox())
                .queryParam("id", ANN_EMAIL)
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("namespace"));
    }

    @Test
    void noIdentityIs400() {
        Api.as(fixture.sandbox())
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("xid"));
    }

    @Test
    void nonNumericNsidIs400() {
        Api.invalidRequestAs(fixture.sandbox())
                .queryParams(Map.of("nsid", "six", "id", ANN_EMAIL))
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("nsid"))
                .body("value", equalTo("six"));
    }

    @Test
    void unknownNamespaceCodeIs400() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("namespace", "nope", "id", "x"))
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("namespace"))
                .body("value", equalTo("nope"));
    }

    @Test
    void unknownNamespaceIdIs400() {
        Api.as(fixture.sandbox())
                .queryParams(Map.of("nsid", 12345, "id", "x"))
                .when().get(CLUSTER)
                .then().statusCode(400)
                .body("field", equalTo("nsid"))
                .body("value", equalTo("12345"));
    }

    @Test
    void xidsListOneClusterEachOnBothPaths() {
        for (String path : List.of(CLUSTERS, CLUSTER)) {
            Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                    .body(Map.of("xids", List.of(ANN_CRMID_XID, BOB_EMAIL_XID, "AAAAAAAAAAAAAAAAAAAAAAAAAAA")))
                    .when().post(path)
                    .then().statusCode(200)
                    .body("clusters", hasSize(3))
                    .body("clusters[0].xid", equalTo(ANN_CRMID_XID))
                    .body("clusters[0].members", contains(ANN_CRMID_XID, ANN_ECID_XID, ANN_EMAIL_XID))
                    .body("clusters[1].xid", equalTo(BOB_EMAIL_XID))
                    .body("clusters[1].members", contains(BOB_ECID_XID, BOB_EMAIL_XID))
                    .body("clusters[2].members", empty())
                    .body("unprocessedRecords", empty());
        }
    }

    @Test
    void compositeXidsListNamespaceIds() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("compositeXids", List.of(Map.of("nsid", 6, "id", ANN_EMAIL))))
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters[0].compositeXid.nsid", equalTo(6))
                .body("clusters[0].compositeXid.id", equalTo(ANN_EMAIL))
                .body("clusters[0].members.nsid", contains(900100, 4, 6))
                .body("clusters[0].members.id", contains(ANN_CRMID, ANN_ECID, ANN_EMAIL));
    }

    @Test
    void nsidSentAsStringIsRead() {
        Api.invalidRequestAs(fixture.sandbox()).contentType(ContentType.JSON)
                .body("{\"compositeXids\": [{\"nsid\": \"6\", \"id\": \"" + ANN_EMAIL + "\"}]}")
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters[0].members.nsid", contains(900100, 4, 6));
    }

    @Test
    void unknownNamespaceIsUnprocessed() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("compositeXidsWithNamespace", List.of(
                        Map.of("namespace", "ecid", "id", ANN_ECID),
                        Map.of("namespace", "nope", "id", "x"))))
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters", hasSize(1))
                .body("clusters[0].compositeXid.namespace", equalTo("ecid"))
                .body("clusters[0].members.namespace", contains("CRMID", "ECID", "Email"))
                .body("unprocessedRecords", hasSize(1))
                .body("unprocessedRecords[0].namespace", equalTo("nope"))
                .body("unprocessedRecords[0].id", equalTo("x"));
    }

    @Test
    void unknownNamespaceIdIsUnprocessed() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("compositeXids", List.of(Map.of("nsid", 12345, "id", "x"))))
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters", empty())
                .body("unprocessedRecords[0].nsid", equalTo(12345));
    }

    @Test
    void xidsTakePrecedenceOverOtherLists() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(BOB_EMAIL_XID),
                        "compositeXids", List.of(Map.of("nsid", 6, "id", ANN_EMAIL)),
                        "compositeXidsWithNamespace", List.of(Map.of("namespace", "Email", "id", ANN_EMAIL))))
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters", hasSize(1))
                .body("clusters[0].xid", equalTo(BOB_EMAIL_XID));
    }

    @Test
    void compositeXidsTakePrecedenceOverNamespaceCodes() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("compositeXids", List.of(Map.of("nsid", 6, "id", ANN_EMAIL)),
                        "compositeXidsWithNamespace", List.of(Map.of("namespace", "Email", "id", "bob@example.com"))))
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters", hasSize(1))
                .body("clusters[0].compositeXid.nsid", equalTo(6));
    }

    @Test
    void emptyBodyIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body("{}")
                .when().post(CLUSTERS)
                .then().statusCode(400)
                .body("field", equalTo("xids"));
    }

    @Test
    void moreThanThousandIdentitiesIs400() {
        List<String> xids = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            xids.add("xid-" + i);
        }

        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", xids))
                .when().post(CLUSTERS)
                .then().statusCode(400)
                .body("field", equalTo("xids"))
                .body("message", containsString("at most 1000"));
    }

    @Test
    void missingIdInBodyIs400() {
        Api.invalidRequestAs(fixture.sandbox()).contentType(ContentType.JSON)
                .body("{\"compositeXidsWithNamespace\": [{\"namespace\": \"Email\"}]}")
                .when().post(CLUSTERS)
                .then().statusCode(400)
                .body("field", containsString("compositeXidsWithNamespace[0]"))
                .body("message", containsString("id"));
    }

    @Test
    void nonNumericNsidInBodyIs400() {
        Api.invalidRequestAs(fixture.sandbox()).contentType(ContentType.JSON)
                .body("{\"compositeXids\": [{\"nsid\": \"six\", \"id\": \"x\"}]}")
                .when().post(CLUSTERS)
                .then().statusCode(400)
                .body("field", equalTo("compositeXids[0].nsid"))
                .body("message", containsString("six"));
    }

    @Test
    void blankXidInBodyIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID, " ")))
                .when().post(CLUSTERS)
                .then().statusCode(400)
                .body("field", equalTo("xids[1]"));
    }

    @Test
    void otherGraphTypeInBodyIs400() {
        Api.as(fixture.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", List.of(ANN_EMAIL_XID), "graph-type", "psr"))
                .when().post(CLUSTERS)
                .then().statusCode(400)
                .body("field", equalTo("graph-type"))
                .body("value", equalTo("psr"));
    }

    @Test
    void clusterOverThousandIdentitiesIsNotServed() {
        Flows flows = hubWithDevices(1001);

        Api.as(flows.sandbox())
                .queryParams(Map.of("namespace", "Email", "id", "hub@example.com"))
                .when().get(CLUSTER)
                .then().statusCode(422)
                .body("errorCode", equalTo("OP-422-TOO-MANY-RELATED-IDENTITIES"))
                .body("field", equalTo("id"))
                .body("value", equalTo("hub@example.com"));
        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("compositeXidsWithNamespace", List.of(Map.of("namespace", "ECID", "id", "device-7"))))
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters", empty())
                .body("unprocessedRecords[0].id", equalTo("device-7"));
    }

    @Test
    void responseStopsAtFiftyThousandMembers() {
        Flows flows = hubWithDevices(999);
        String hub = GraphFixture.xid("Email", "hub@example.com");
        List<String> xids = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            xids.add(hub);
        }

        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("xids", xids))
                .when().post(CLUSTERS)
                .then().statusCode(200)
                .body("clusters", hasSize(50))
                .body("clusters[49].members", hasSize(1000))
                .body("unprocessedRecords", contains(hub, hub));
    }

    /** Ingests records that each link one Email to another ECID, for a graph of {@code devices + 1} identities. */
    private static Flows hubWithDevices(int devices) {
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        String[] records = new String[devices];
        for (int i = 0; i < records.length; i++) {
            records[i] = "{\"identityMap\": {\"Email\": [{\"id\": \"hub@example.com\"}], "
                    + "\"ECID\": [{\"id\": \"device-" + i + "\"}]}}";
        }
        flows.ingestLines(dataset, records);
        return flows;
    }
}
