package io.openprofile.server.realdata;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.schema.XdmClasses;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adobe's identity-linking sample: one profile with Email, ECID and CRMID, and three events that
 * each carry only one of those identities, become one profile with three events.
 */
@QuarkusTest
class IdentityLinkingSampleTest {

    private static final String DIR = "postman-identity-linking/";
    private static final String EMAIL = "YYYYMMDDHHMMSS@Multi_Homo_Pro_Bulk.com";
    private static final String ECID = "100000000000000000000000YYYYMMDDHHMMSS";
    private static final String CRMID = "YYYYMMDDHHMMSSMulti_Homo_Pro_Bulk";

    private Flows flows;

    @BeforeEach
    void loadSample() throws IOException {
        byte[] profile = Files.readAllBytes(Samples.file(DIR + "Profile_test_data.template.json"));
        flows = new Flows(Api.newSandbox());
        String profiles = flows.createDataset("profiles", flows.createClassSchema("Profiles", XdmClasses.PROFILE.id()));
        String events = flows.createDataset("events",
                flows.createClassSchema("Events", XdmClasses.EXPERIENCE_EVENT.id()));
        assertEquals("success", flows.ingest(profiles, "profile.json", profile).status());
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
}
