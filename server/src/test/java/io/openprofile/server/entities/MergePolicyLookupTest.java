package io.openprofile.server.entities;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lookups under merge policies. One person has a CRM fragment (email and CRM id, updated in 2021)
 * and a loyalty fragment (email and loyalty id, updated in 2020), which disagree on first name and
 * city. The person also has two events: one carries only the loyalty id, the other only the email.
 */
@QuarkusTest
class MergePolicyLookupTest {

    private static final String ENTITIES = "/data/core/ups/access/entities";
    private static final String POLICIES = "/data/core/ups/config/mergePolicies";

    private Flows flows;
    private String crm;
    private String loyalty;

    @BeforeEach
    void ingestPerson() {
        flows = new Flows(Api.newSandbox());
        flows.createNamespace("LOYALTYID", "CROSS_DEVICE");
        crm = flows.profileDataset();
        loyalty = flows.profileDataset();
        String events = flows.eventDataset();
        assertEquals("success", flows.ingestLines(crm, "{\"identityMap\": {\"Email\": [{\"id\": \"kim@example.com\", "
                + "\"primary\": true}], \"CRMID\": [{\"id\": \"crm-1\"}]}, \"person\": {\"name\": {\"firstName\": "
                + "\"Kim\"}}, \"homeAddress\": {\"city\": \"Oslo\"}, \"extSourceSystemAudit\": {\"lastUpdatedDate\": "
                + "\"2021-03-01T00:00:00Z\"}}").status());
        assertEquals("success", flows.ingestLines(loyalty, "{\"identityMap\": {\"Email\": [{\"id\": "
                + "\"kim@example.com\"}], \"LOYALTYID\": [{\"id\": \"L-7\", \"primary\": true}]}, \"person\": "
                + "{\"name\": {\"firstName\": \"Kimberly\"}}, \"homeAddress\": {\"city\": \"Bergen\"}, "
                + "\"loyalty\": {\"points\": 40}, \"extSourceSystemAudit\": {\"lastUpdatedDate\": "
                + "\"2020-03-01T00:00:00Z\"}}").status());
        assertEquals("success", flows.ingestLines(events,
                "{\"_id\": \"e1\", \"timestamp\": \"2021-05-01T10:00:00Z\", \"identityMap\": {\"LOYALTYID\": "
                        + "[{\"id\": \"L-7\", \"primary\": true}]}, \"eventType\": \"loyalty.scan\"}",
                "{\"_id\": \"e2\", \"timestamp\": \"2021-05-02T10:00:00Z\", \"identityMap\": {\"Email\": "
                        + "[{\"id\": \"kim@example.com\", \"primary\": true}]}, \"eventType\": \"web.visit\"}").status());
    }

    @Test
    void defaultPolicyUsesRecordTimestamps() {
        JsonPath profile = profile("L-7", "LOYALTYID", null);

        assertEquals("Kim", profile.getString("firstName"));
        assertEquals("Oslo", profile.getString("city"));
        assertEquals(40, profile.getInt("points"));
    }

    @Test
    void datasetPrecedenceFollowsOrder() {
        String crmFirst = createPolicy("pdg", "dataSetPrecedence", List.of(crm, loyalty));
        String loyaltyFirst = createPolicy("pdg", "dataSetPrecedence", List.of(loyalty, crm));

        assertEquals("Kim", profile("kim@example.com", "Email", crmFirst).getString("firstName"));
        assertEquals("Kimberly", profile("kim@example.com", "Email", loyaltyFirst).getString("firstName"));
        assertEquals("Bergen", profile("kim@example.com", "Email", loyaltyFirst).getString("city"));
    }

    @Test
    void datasetsMissingFromOrderDoNotContribute() {
        String crmOnly = createPolicy("pdg", "dataSetPrecedence", List.of(crm));

        JsonPath profile = profile("L-7", "LOYALTYID", crmOnly);
        assertEquals("Kim", profile.getString("firstName"));
        assertNull(profile.get("points"));
        assertEquals(List.of(crm), profile.getList("sources"));
    }

    @Test
    void noStitchingMergesOnlyCarriers() {
        String none = createPolicy("none", "timestampOrdered", List.of());

        JsonPath byLoyalty = profile("L-7", "LOYALTYID", none);
        assertEquals("Kimberly", byLoyalty.getString("firstName"));
        assertEquals(List.of(loyalty), byLoyalty.getList("sources"));

        JsonPath byEmail = profile("kim@example.com", "Email", none);
        assertEquals("Kim", byEmail.getString("firstName"));
        assertEquals(40, byEmail.getInt("points"));

        JsonPath byCrm = profile("crm-1", "CRMID", none);
        assertNull(byCrm.get("points"));
    }

    @Test
    void noStitchingEventsCarryIdentity() {
        String none = createPolicy("none", "timestampOrdered", List.of());

        assertEquals(List.of("e1"), eventIds("L-7", "LOYALTYID", none));
        assertEquals(List.of("e2", "e1"), eventIds("L-7", "LOYALTYID", null));
        assertEquals(List.of("e2"), eventIds("kim@example.com", "Email", none));
    }

    @Test
    void batchLookupHonoursPolicy() {
        String none = createPolicy("none", "timestampOrdered", List.of());

        JsonPath body = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("schema", Map.of("name", "_xdm.context.profile"), "mergePolicyId", none,
                        "identities", List.of(Map.of("entityId", "L-7", "entityIdNS", Map.of("code", "LOYALTYID")))))
                .when().post(ENTITIES)
                .then().statusCode(200)
                .extract().jsonPath();
        String key = body.getMap("$").keySet().iterator().next().toString();

        assertEquals("Kimberly", body.getString("'" + key + "'.entity.person.name.firstName"));
        assertEquals(List.of(loyalty), body.getList("'" + key + "'.sources"));
    }

    @Test
    void noStitchingDeleteKeepsOthers() {
        String none = createPolicy("none", "timestampOrdered", List.of());

        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "L-7", "entityIdNS",
                        "LOYALTYID", "mergePolicyId", none))
                .when().delete(ENTITIES)
                .then().statusCode(202);

        JsonPath byEmail = profile("kim@example.com", "Email", null);
        assertEquals("Kim", byEmail.getString("firstName"));
        assertNull(byEmail.get("points"));
        assertEquals(List.of("e2"), eventIds("kim@example.com", "Email", null));
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "L-7", "entityIdNS",
                        "LOYALTYID", "mergePolicyId", none))
                .when().delete(ENTITIES)
                .then().statusCode(404);
    }

    @Test
    void unknownPolicyOnEventsIs422() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.experienceevent", "relatedSchema.name",
                        "_xdm.context.profile", "relatedEntityId", "L-7", "relatedEntityIdNS", "LOYALTYID",
                        "mergePolicyId", "missing"))
                .when().get(ENTITIES)
                .then().statusCode(422)
                .body("field", equalTo("mergePolicyId"))
                .body("value", equalTo("missing"));
    }

    @Test
    void newDefaultAppliesWithoutId() {
        Map<String, Object> body = policyBody("none", "timestampOrdered", List.of());
        body.put("default", true);
        Api.as(flows.sandbox()).contentType(ContentType.JSON).body(body).when().post(POLICIES)
                .then().statusCode(200);

        assertEquals(List.of(loyalty), profile("L-7", "LOYALTYID", null).getList("sources"));
    }

    private String createPolicy(String graph, String attributeMerge, List<String> order) {
        return Api.as(flows.sandbox()).contentType(ContentType.JSON).body(policyBody(graph, attributeMerge, order))
                .when().post(POLICIES)
                .then().statusCode(200)
                .extract().path("id");
    }

    private static Map<String, Object> policyBody(String graph, String attributeMerge, List<String> order) {
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("type", attributeMerge);
        if (!order.isEmpty()) {
            merge.put("order", order);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", graph + " " + attributeMerge + " " + System.nanoTime());
        body.put("schema", Map.of("name", "_xdm.context.profile"));
        body.put("identityGraph", Map.of("type", graph));
        body.put("attributeMerge", merge);
        return body;
    }

    /** Looks up a profile and returns a view with firstName, city, points and sources. */
    private JsonPath profile(String id, String namespace, String policy) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("schema.name", "_xdm.context.profile", "entityId", id,
                "entityIdNS", namespace));
        if (policy != null) {
            query.put("mergePolicyId", policy);
        }
        JsonPath body = Api.as(flows.sandbox()).queryParams(query)
                .when().get(ENTITIES)
                .then().statusCode(200)
                .extract().jsonPath();
        String key = "'" + body.getMap("$").keySet().iterator().next() + "'";
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("firstName", body.get(key + ".entity.person.name.firstName"));
        view.put("city", body.get(key + ".entity.homeAddress.city"));
        view.put("points", body.get(key + ".entity.loyalty.points"));
        view.put("sources", body.get(key + ".sources"));
        return JsonPath.from(io.openprofile.server.store.Json.mapper().valueToTree(view).toString());
    }

    private List<String> eventIds(String id, String namespace, String policy) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("schema.name", "_xdm.context.experienceevent",
                "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", id, "relatedEntityIdNS", namespace,
                "orderby", "-timestamp"));
        if (policy != null) {
            query.put("mergePolicyId", policy);
        }
        return Api.as(flows.sandbox()).queryParams(query)
                .when().get(ENTITIES)
                .then().statusCode(200)
                .extract().jsonPath().getList("children.entityId");
    }
}
