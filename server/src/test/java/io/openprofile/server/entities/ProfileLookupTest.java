package io.openprofile.server.entities;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.UntypedPost;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileLookupTest {

    private static final String PATH = "/data/core/ups/access/entities";

    private Flows flows;
    private String dataset;

    @BeforeEach
    void createDataset() {
        flows = new Flows(Api.newSandbox());
        dataset = flows.profileDataset();
        assertEquals("success", flows.ingestLines(dataset,
                record("ann@example.com", "ECID", "111", "Ann", "Berlin")).status());
    }

    @Test
    void lookupByEmailReturnsEntityKeyedById() {
        JsonPath body = lookup("ann@example.com", "Email");
        String entityId = onlyKey(body);

        assertEquals(entityId, body.getString(q(entityId) + ".entityId"));
        assertEquals(List.of(dataset), body.getList(q(entityId) + ".sources"));
        assertEquals("Ann", body.getString(q(entityId) + ".entity.person.name.firstName"));
        assertEquals("111", body.getString(q(entityId) + ".entity.identityMap.ECID[0].id"));
    }

    @Test
    void namespaceMatchesIgnoringCase() {
        assertEquals("Ann", firstName(lookup("ann@example.com", "EMAIL")));
        assertEquals("Ann", firstName(lookup("111", "ecid")));
    }

    @Test
    void returnedEntityIdWorksWithoutNamespace() {
        String entityId = onlyKey(lookup("ann@example.com", "Email"));

        JsonPath again = Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", entityId))
                .when().get(PATH)
                .then().statusCode(200)
                .extract().jsonPath();

        assertEquals("Ann", firstName(again));
    }

    @Test
    void entityIdStaysValidWhenGraphGrows() {
        String entityId = onlyKey(lookup("ann@example.com", "Email"));
        flows.ingestLines(dataset, "{\"identityMap\": {\"ECID\": [{\"id\": \"111\", \"primary\": true}], "
                + "\"CRMID\": [{\"id\": \"crm-9\"}]}, \"homeAddress\": {\"city\": \"Paris\"}}");

        JsonPath grown = Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", entityId))
                .when().get(PATH)
                .then().statusCode(200)
                .extract().jsonPath();

        assertEquals("Paris", grown.getString(q(entityId) + ".entity.homeAddress.city"));
        assertEquals("crm-9", grown.getString(q(entityId) + ".entity.identityMap.CRMID[0].id"));
    }

    @Test
    void laterRecordWithSameKeyReplacesEarlier() {
        flows.ingestLines(dataset, record("ann@example.com", "ECID", "111", "Anna", "Berlin"));

        assertEquals("Anna", firstName(lookup("ann@example.com", "Email")));
    }

    @Test
    void fieldsSelectsPaths() {
        JsonPath body = Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email", "fields", "person.name"))
                .when().get(PATH)
                .then().statusCode(200)
                .extract().jsonPath();
        String key = q(onlyKey(body));

        assertEquals("Ann", body.getString(key + ".entity.person.name.firstName"));
        assertNull(body.get(key + ".entity.homeAddress"));
    }

    @Test
    void unknownIdentityIs404() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "nobody@example.com",
                        "entityIdNS", "Email"))
                .when().get(PATH)
                .then().statusCode(404)
                .body("statusCode", equalTo("404"))
                .body("field", equalTo("entityId"));
    }

    @Test
    void missingSchemaNameIs400() {
        Api.invalidRequestAs(flows.sandbox())
                .queryParams(Map.of("entityId", "ann@example.com", "entityIdNS", "Email"))
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("schema.name"));
    }

    @Test
    void unknownSchemaNameIs400() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.nothing", "entityId", "x", "entityIdNS", "Email"))
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("schema.name"))
                .body("value", equalTo("_xdm.context.nothing"));
    }

    @Test
    void unknownNamespaceIs400() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "x", "entityIdNS", "nope"))
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("entityIdNS"))
                .body("value", equalTo("nope"));
    }

    @Test
    void unknownMergePolicyIs422() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email", "mergePolicyId", "no-such-policy"))
                .when().get(PATH)
                .then().statusCode(422)
                .body("field", equalTo("mergePolicyId"))
                .body("value", equalTo("no-such-policy"));
    }

    @Test
    void deleteWithUnknownMergePolicyIs422() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email", "mergePolicyId", "no-such-policy"))
                .when().delete(PATH)
                .then().statusCode(422)
                .body("field", equalTo("mergePolicyId"));

        assertEquals("Ann", firstName(lookup("ann@example.com", "Email")));
    }

    @Test
    void defaultMergePolicyIdIsAccepted() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email", "mergePolicyId", "timestampOrdered-pdg-mp"))
                .when().get(PATH)
                .then().statusCode(200);
    }

    @Test
    void graphOverFiftyIdentitiesIs422() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            ids.append(i == 0 ? "" : ", ").append("{\"id\": \"big-").append(i).append("\"}");
        }
        flows.ingestLines(dataset, "{\"identityMap\": {\"ECID\": [" + ids + "]}}");

        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "big-7", "entityIdNS", "ECID"))
                .when().get(PATH)
                .then().statusCode(422)
                .body("message", containsString("Too many related identities"))
                .body("value", equalTo("big-7"));
    }

    @Test
    void otherSandboxSeesNothing() {
        Api.as(Api.newSandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email"))
                .when().get(PATH)
                .then().statusCode(404);
    }

    @Test
    void batchLookupGivesEmptyEntryForUnknownIdentity() {
        JsonPath body = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("schema", Map.of("name", "_xdm.context.profile"),
                        "identities", List.of(
                                Map.of("entityId", "ann@example.com", "entityIdNS", Map.of("code", "Email")),
                                Map.of("entityId", "nobody@example.com", "entityIdNS", Map.of("code", "Email")))))
                .when().post(PATH)
                .then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> entries = body.getMap("$");

        assertEquals(2, entries.size());
        long empty = entries.values().stream().filter(e -> "1970-01-01T00:00:00Z".equals(e.get("lastModifiedAt")))
                .count();
        assertEquals(1, empty);
    }

    @Test
    void batchLookupWithUnknownNamespaceIs207() {
        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("schema", Map.of("name", "_xdm.context.profile"),
                        "identities", List.of(
                                Map.of("entityId", "ann@example.com", "entityIdNS", Map.of("code", "Email")),
                                Map.of("entityId", "zzz", "entityIdNS", Map.of("code", "nope")))))
                .when().post(PATH)
                .then().statusCode(207)
                .body("zzz.error.status", equalTo(400))
                .body("zzz.error.field", equalTo("identities[1].entityIdNS.code"));
    }

    @Test
    void batchLookupWithoutIdentitiesIs400() {
        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("schema", Map.of("name", "_xdm.context.profile"), "identities", List.of()))
                .when().post(PATH)
                .then().statusCode(400)
                .body("field", equalTo("identities"));
    }

    @Test
    void malformedJsonIs400() {
        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON)
                .body("{\"schema\": {\"name\": ")
                .when().post(PATH)
                .then().statusCode(400)
                .body("errorCode", equalTo("OP-400-MALFORMED-JSON"));
    }

    @Test
    void deeplyNestedJsonIs400() {
        String nested = "{\"a\": ".repeat(1500) + "1" + "}".repeat(1500);

        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON)
                .body("{\"name\": " + nested + "}")
                .when().post(PATH)
                .then().statusCode(400)
                .body("errorCode", equalTo("OP-400-BODY-TOO-COMPLEX"))
                .body("field", equalTo("body"))
                .body("message", containsString("nesting depth"));
    }

    @Test
    void wrongContentTypeIs415() {
        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.TEXT)
                .body("schema=profile")
                .when().post(PATH)
                .then().statusCode(415)
                .body("field", equalTo("Content-Type"));
    }

    @Test
    void missingContentTypeIs400() {
        UntypedPost.Result result = Api.postWithoutContentType(flows.sandbox(), PATH, "{}");

        assertEquals(400, result.status());
        assertEquals("Content-Type", result.body().getString("field"));
    }

    @Test
    void deleteRemovesWholeProfile() {
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "111", "entityIdNS", "ECID"))
                .when().delete(PATH)
                .then().statusCode(202);

        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email"))
                .when().get(PATH)
                .then().statusCode(404);
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "111", "entityIdNS", "ECID"))
                .when().delete(PATH)
                .then().statusCode(404);
    }

    private JsonPath lookup(String id, String namespace) {
        return Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", id, "entityIdNS", namespace))
                .when().get(PATH)
                .then().statusCode(200)
                .body("$", not(hasKey("error")))
                .extract().jsonPath();
    }

    private static String firstName(JsonPath body) {
        return body.getString(q(onlyKey(body)) + ".entity.person.name.firstName");
    }

    private static String onlyKey(JsonPath body) {
        Map<String, Object> entries = body.getMap("$");
        assertEquals(1, entries.size(), "expected one entry, got " + entries.keySet());
        return entries.keySet().iterator().next();
    }

    private static String q(String key) {
        return "'" + key + "'";
    }

    static String record(String email, String namespace, String id, String firstName, String city) {
        return "{\"identityMap\": {\"Email\": [{\"id\": \"" + email + "\", \"primary\": true}], \"" + namespace
                + "\": [{\"id\": \"" + id + "\"}]}, \"person\": {\"name\": {\"firstName\": \"" + firstName
                + "\"}}, \"homeAddress\": {\"city\": \"" + city + "\"}}";
    }
}
