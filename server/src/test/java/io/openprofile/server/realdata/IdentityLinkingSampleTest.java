package io.openprofile.server.realdata;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.schema.XdmClasses;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adobe's identity-linking sample: one profile with Email, ECID and CRMID, and three events that
 * each carry only one of those identities, become one profile with three events. The profile
 * record lists Email first, so its links run from Email to ECID and to CRMID.
 */
@QuarkusTest
class IdentityLinkingSampleTest {

    private static final String DIR = "postman-identity-linking/";
    private static final String EMAIL = "YYYYMMDDHHMMSS@Multi_Homo_Pro_Bulk.com";
    private static final String ECID = "100000000000000000000000YYYYMMDDHHMMSS";
    private static final String CRMID = "YYYYMMDDHHMMSSMulti_Homo_Pro_Bulk";

    private Flows flows;
    private String profiles;
    private String profileBatch;

    @BeforeEach
    void loadSample() throws IOException {
        byte[] profile = Files.readAllBytes(Samples.file(DIR + "Profile_test_data.template.json"));
        flows = new Flows(Api.newSandbox());
        profiles = flows.createDataset("profiles", flows.createClassSchema("Profiles", XdmClasses.PROFILE.id()));
        String events = flows.createDataset("events",
                flows.createClassSchema("Events", XdmClasses.EXPERIENCE_EVENT.id()));
        Flows.BatchOutcome profileOutcome = flows.ingest(profiles, "profile.json", profile);
        assertEquals("success", profileOutcome.status());
        profileBatch = profileOutcome.batchId();
        for (String file : new String[] {"AA_Data.json", "Cust_Event.json", "Email_Data.json"}) {
            byte[] content = Files.readAllBytes(Samples.file(DIR + file));
            assertEquals("success", flows.ingest(events, file, content).status());
        }
    }

    @Test
    void profileCarriesAllThreeIdentities() {
        JsonPath body = Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", EMAIL, "entityIdNS", "email"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> entries = body.getMap("$");
        assertEquals(1, entries.size());
        String entityId = entries.keySet().iterator().next();
        assertEquals(ECID, body.getString("'" + entityId + "'.entity.identityMap.ECID[0].id"));
        assertEquals(CRMID, body.getString("'" + entityId + "'.entity.identityMap.CRMID[0].id"));
    }

    @Test
    void eachIdentityFindsTheSameThreeEvents() {
        for (String[] identity : new String[][] {{ECID, "ECID"}, {CRMID, "crmid"}, {EMAIL, "Email"}}) {
            Api.as(flows.sandbox())
                    .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                            "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", identity[0],
                            "relatedEntityIdNS", identity[1]))
                    .when().get("/data/core/ups/access/entities")
                    .then().statusCode(200)
                    .body("children", hasSize(3))
                    .body("children.entityId", containsInAnyOrder("1704495724746012566", "8678429804277395699",
                            "5806575091001179020"))
                    .body("_page.count", equalTo(3))
                    .body("_links.next.href", equalTo(""));
        }
    }

    @Test
    void graphLinksEmailToEcidAndCrmid() {
        String emailEdge = "graphs[0].edges.find { it.composite_xid_pair[1].ns == 'ECID' }";
        String crmEdge = "graphs[0].edges.find { it.composite_xid_pair[1].ns == 'CRMID' }";

        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("composite_xids", List.of(Map.of("ns", "crmid", "id", CRMID)),
                        "projection_type", "graph", "require_edge_meta_data", true))
                .when().post("/data/core/identity/v2/graph")
                .then().statusCode(200)
                .body("graphs[0].vertices.composite_xid.ns", contains("CRMID", "ECID", "Email"))
                .body("graphs[0].vertices.composite_xid.id", contains(CRMID, ECID, EMAIL))
                .body("graphs[0].edges", hasSize(2))
                .body(emailEdge + ".composite_xid_pair.id", contains(EMAIL, ECID))
                .body(emailEdge + ".dataset_ids", contains(profiles))
                .body(emailEdge + ".batch_ids", contains(profileBatch))
                .body(crmEdge + ".composite_xid_pair.id", contains(EMAIL, CRMID))
                .body(crmEdge + ".dataset_ids", contains(profiles))
                .body(crmEdge + ".batch_ids", contains(profileBatch));
    }

    @Test
    void clusterOfEachIdentityByNamespaceId() {
        for (Object[] identity : new Object[][] {{4, ECID}, {6, EMAIL}, {900100, CRMID}}) {
            Api.as(flows.sandbox())
                    .queryParams(Map.of("nsid", identity[0], "id", identity[1]))
                    .when().get("/data/core/identity/cluster/members")
                    .then().statusCode(200)
                    .body("clusters[0].members.nsid", contains(900100, 4, 6))
                    .body("clusters[0].members.id", contains(CRMID, ECID, EMAIL));
        }
    }
}
