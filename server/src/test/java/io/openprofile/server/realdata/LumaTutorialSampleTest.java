package io.openprofile.server.realdata;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Luma tutorial data loaded the way the tutorial does it: custom namespaces, the tutorial's
 * own field groups and schemas, identity descriptors on tenant fields, and three datasets. The one
 * person present in all three files comes back as one profile with its purchase event, by CRM id
 * and by loyalty id.
 */
@QuarkusTest
class LumaTutorialSampleTest {

    private static final String DIR = "luma-tutorial/";
    private static final String REQUESTS = DIR + "schema-requests/";
    private static final String CRM_ID = "112ca06ed53d3db37e4cea49cc45b71e";
    private static final String LOYALTY_ID = "5625458";
    private static final String ID_PATH = "/_techmarketingdemos/systemIdentifier/";

    // Loaded once for the class: the three files take a few seconds, and the tests only read.
    private static Flows flows;
    private static String crmDataset;
    private static String loyaltyDataset;
    private static String purchaseDataset;

    @BeforeEach
    void loadTutorialDataOnce() throws IOException {
        Samples.file(DIR + "luma-crm.json");
        if (flows != null) {
            return;
        }
        flows = new Flows(Api.newSandbox());
        flows.createNamespace("lumaCrmId", "CROSS_DEVICE");
        flows.createNamespace("lumaLoyaltyId", "CROSS_DEVICE");

        String identityGroup = flows.createFieldGroup(request("Luma-Loyalty-Data__Create-Identity-Profile-Field-Group.json",
                Map.of()));
        String loyaltyGroup = flows.createFieldGroup(request("Luma-Loyalty-Data__Create-Loyalty-Field-Group.json",
                Map.of()));
        String eventGroup = flows.createFieldGroup(request(
                "Luma-Offline-Purchase-Events__Create-Luma-Identity-ExperienceEvent-Field-Group.json",
                Map.of("luma_identity_profile_fieldgroup_id", identityGroup, "system_identifier_dataype_id",
                        identityGroup)));
        String crmSchema = flows.createSchema(request("Luma-CRM-Data__Create-CRM-Schema.json",
                Map.of("luma_identity_profile_fieldgroup_id", identityGroup)));
        String loyaltySchema = flows.createSchema(request("Luma-Loyalty-Data__Create-Loyalty-Schema.json",
                Map.of("luma_identity_profile_fieldgroup_id", identityGroup, "luma_loyalty_fieldgroup_id",
                        loyaltyGroup)));
        String purchaseSchema = flows.createSchema(request(
                "Luma-Offline-Purchase-Events__Luma-Offline-Purchase-Events-Schema.json",
                Map.of("luma_identity_experience_event_fieldgroup_id", eventGroup)));

        flows.createIdentityDescriptor(crmSchema, ID_PATH + "crmId", "lumaCrmId", true);
        flows.createIdentityDescriptor(loyaltySchema, ID_PATH + "loyaltyId", "lumaLoyaltyId", true);
        flows.createIdentityDescriptor(loyaltySchema, ID_PATH + "crmId", "lumaCrmId", false);
        flows.createIdentityDescriptor(purchaseSchema, ID_PATH + "loyaltyId", "lumaLoyaltyId", true);

        crmDataset = flows.createDataset("Luma CRM Dataset", crmSchema);
        loyaltyDataset = flows.createDataset("Luma Loyalty Dataset", loyaltySchema);
        purchaseDataset = flows.createDataset("Luma Offline Purchase Events Dataset", purchaseSchema);

        assertEquals("success", ingest(crmDataset, "luma-crm.json"));
        assertEquals("success", ingest(loyaltyDataset, "luma-loyalty.json"));
        assertEquals("success", ingest(purchaseDataset, "luma-offline-purchases.json"));
    }

    @Test
    void crmAndLoyaltyRecordsMergeIntoOneProfile() {
        JsonPath byCrm = profile(CRM_ID, "lumaCrmId");
        String key = "'" + only(byCrm) + "'";

        assertEquals(List.of(crmDataset, loyaltyDataset).stream().sorted().toList(),
                byCrm.getList(key + ".sources"));
        assertEquals("dwright@enablementadobe.com", byCrm.getString(key + ".entity.personalEmail.address"));
        assertEquals("gold", byCrm.getString(key + ".entity._techmarketingdemos.loyalty.level"));
        assertEquals("Wright", byCrm.getString(key + ".entity.person.name.lastName"));
    }

    @Test
    void loyaltyIdFindsTheSameProfile() {
        JsonPath byLoyalty = profile(LOYALTY_ID, "lumaloyaltyid");
        String key = "'" + only(byLoyalty) + "'";

        assertEquals("dwright@enablementadobe.com", byLoyalty.getString(key + ".entity.personalEmail.address"));
        assertEquals(CRM_ID, byLoyalty.getString(key + ".entity._techmarketingdemos.systemIdentifier.crmId"));
    }

    @Test
    void purchaseEventFoundByCrmIdAndLoyaltyId() {
        for (String[] identity : new String[][] {{CRM_ID, "lumaCrmId"}, {LOYALTY_ID, "lumaLoyaltyId"}}) {
            Api.as(flows.sandbox())
                    .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                            "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", identity[0],
                            "relatedEntityIdNS", identity[1]))
                    .when().get("/data/core/ups/access/entities")
                    .then().statusCode(200)
                    .body("_page.count", equalTo(1))
                    .body("children.entity.commerce.order.purchaseID", hasItem("805-472-642-1090"))
                    .body("children.timestamp", containsInAnyOrder(1597104000000L));
        }
    }

    private JsonPath profile(String id, String namespace) {
        return Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", id, "entityIdNS", namespace))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static String only(JsonPath body) {
        Map<String, Object> entries = body.getMap("$");
        assertEquals(1, entries.size(), "expected one profile entry, got " + entries.keySet());
        return entries.keySet().iterator().next();
    }

    private static String ingest(String datasetId, String file) throws IOException {
        return flows.ingest(datasetId, file, Files.readAllBytes(Samples.file(DIR + file))).status();
    }

    private static String request(String file, Map<String, String> placeholders) throws IOException {
        String body = Files.readString(Samples.file(REQUESTS + file), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            body = body.replace("{{" + placeholder.getKey() + "}}", placeholder.getValue());
        }
        return body;
    }
}
