package io.openprofile.server.realdata;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adobe's ETL reference profiles and the XDM project's class examples ingest without errors, and
 * the identities they share stitch people together, including an ECID written once as a code and
 * once as a numeric namespace URI.
 */
@QuarkusTest
class PublicSamplesIngestTest {

    private static final String CLASSES = "xdm-examples/components/classes/";
    private static final String SHARED_ECID = "92312748749128";

    @Test
    void etlCrmProfilesIngestAndResolveByEveryIdentity() throws IOException {
        Flows flows = new Flows(Api.newSandbox());
        flows.createNamespace("LOYALTYID", "CROSS_DEVICE");
        String dataset = flows.profileDataset();

        Flows.BatchOutcome outcome = flows.ingest(dataset, "CRM_profiles.json",
                Files.readAllBytes(Samples.file("etl-crm-profiles/CRM_profiles.json")));

        assertEquals("success", outcome.status());
        for (String[] identity : new String[][] {{"71a16013-d805-7ece-9ac4-8f2cd66e8eaa", "CRMID"},
                {"55019962992006103186215643814973128178", "ECID"},
                {"2e33192000007456-0365c00000000000", "loyaltyid"}}) {
            JsonPath body = lookupProfile(flows, identity[0], identity[1]);
            String key = "'" + body.getMap("$").keySet().iterator().next() + "'";
            assertEquals("ebennedsenex@jiathis.com", body.getString(key + ".entity.personalEmail.address"));
        }
    }

    @Test
    void xdmClassExamplesIngestAndStitch() throws IOException {
        Flows flows = new Flows(Api.newSandbox());
        flows.createNamespace("AVID", "DEVICE");
        String profiles = flows.profileDataset();
        String events = flows.eventDataset();

        String profile = Files.readString(Samples.file(CLASSES + "profile.example.1.json"));
        assertEquals("success", flows.ingestLines(profiles, oneLine(profile)).status());
        String[] lines = new String[7];
        for (int i = 1; i <= 7; i++) {
            lines[i - 1] = oneLine(Files.readString(Samples.file(CLASSES + "experienceevent.example." + i + ".json")));
        }
        assertEquals("success", flows.ingestLines(events, lines).status());

        JsonPath body = lookupProfile(flows, "jane@doe.com", "Email");
        String key = "'" + body.getMap("$").keySet().iterator().next() + "'";
        assertEquals("Jane", body.getString(key + ".entity.person.name.firstName"));
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                        "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", "jane@doe.com",
                        "relatedEntityIdNS", "EMAIL"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .body("_page.count", equalTo(4))
                .body("children.entityId", containsInAnyOrder("https://data.adobe.io/experienceid-123456",
                        "https://data.adobe.io/experienceid-2345678", "https://data.adobe.io/experienceid-23456782",
                        "https://data.adobe.io/experienceid-123457"));
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                        "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", SHARED_ECID,
                        "relatedEntityIdNS", "https://data.adobe.io/entities/namespace/4"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .body("_page.count", equalTo(4));
    }

    private static JsonPath lookupProfile(Flows flows, String id, String namespace) {
        return Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", id, "entityIdNS", namespace))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static String oneLine(String json) {
        return json.replace("\r", " ").replace("\n", " ");
    }
}
