package io.openprofile.server.computed;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract tests of the legacy computed attribute API. */
@QuarkusTest
class LegacyComputedAttributesTest {

    static final String PATH = "/data/core/ups/config/computedAttributes";

    private Flows flows;
    private String sandbox;

    @BeforeEach
    void newSandbox() {
        flows = new Flows(Api.newSandbox());
        sandbox = flows.sandbox();
    }

    @Test
    void createEvaluatesAtCustomPath() {
        String events = flows.eventDataset();
        assertEquals("success", flows.ingestLines(events, "{\"_id\": \"p1\", \"timestamp\": \"" + Instant.now()
                .minusSeconds(120) + "\", \"eventType\": \"commerce.purchases\", \"identityMap\": {\"Email\": "
                + "[{\"id\": \"lee@example.com\", \"primary\": true}]}, \"commerce\": {\"order\": "
                + "{\"priceTotal\": 42}}}").status());

        JsonPath created = create(legacy("totalSpend", "_acme.purchaseSummary"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("_acme.purchaseSummary", created.getString("path"));
        assertEquals(true, created.getBoolean("active"));
        assertEquals(List.of(), created.getList("dependencies"));
        ComputedAttributesTest.awaitStatusIn(sandbox, created.getString("id"), "PROCESSED");

        JsonPath profile = Api.as(sandbox)
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "lee@example.com",
                        "entityIdNS", "Email", "fields", "_acme.purchaseSummary"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200).extract().jsonPath();
        String key = "'" + profile.getMap("$").keySet().iterator().next() + "'";
        assertEquals(42, profile.getInt(key + ".entity._acme.purchaseSummary.totalSpend"));
    }

    @Test
    void listUsesLegacyEnvelope() {
        create(legacy("first", "_acme")).then().statusCode(200);
        Api.as(sandbox).contentType(ContentType.JSON).body(ComputedAttributesTest.attribute("second",
                ComputedAttributesTest.SUM, null)).when().post(ComputedAttributesTest.PATH).then().statusCode(200);

        Api.as(sandbox).when().get(PATH)
                .then().statusCode(200)
                .body("_page.totalCount", equalTo(2))
                .body("_page.pageSize", equalTo(2))
                .body("children.name", equalTo(List.of("first", "second")))
                .body("_links.next", equalTo(Map.of()));
    }

    @Test
    void patchAnswers204AndDeleteAnswers200() {
        String id = create(legacy("changing", "_acme")).then().statusCode(200).extract().path("id");

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(List.of(Map.of("op", "add", "path", "/description", "value", "changed"),
                        Map.of("op", "add", "path", "/expression", "value", Map.of("type", "PQL", "format",
                                "pql/text", "value", "xEvent[eventType = \"commerce.purchases\"].count()"))))
                .when().patch(PATH + "/" + id)
                .then().statusCode(204);
        Api.as(sandbox).when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("description", equalTo("changed"))
                .body("returnSchema.'meta:xdmType'", equalTo("integer"));

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(List.of(Map.of("op", "add", "path", "/active", "value", false)))
                .when().patch(PATH + "/" + id)
                .then().statusCode(204);
        Api.as(sandbox).when().get(PATH + "/" + id).then().statusCode(200).body("active", equalTo(false));

        Api.as(sandbox).when().delete(PATH + "/" + id).then().statusCode(200).body(emptyString());
        Api.as(sandbox).when().get(PATH + "/" + id).then().statusCode(404).body("code", equalTo("404"));
    }

    @Test
    void errorsCarryLegacyCode() {
        create(legacy("bad name", "_acme")).then().statusCode(400)
                .body("code", equalTo("400"))
                .body("field", equalTo("name"));
        create(legacy("noTenant", "acme.summary")).then().statusCode(400)
                .body("code", equalTo("400"))
                .body("field", equalTo("path"));
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(List.of(Map.of("op", "add", "path", "/name", "value", "x")))
                .when().patch(PATH + "/missing")
                .then().statusCode(404)
                .body("code", equalTo("404"));
        String id = create(legacy("patched", "_acme")).then().statusCode(200).extract().path("id");
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(List.of(Map.of("op", "add", "path", "/name", "value", "x")))
                .when().patch(PATH + "/" + id)
                .then().statusCode(400)
                .body("code", equalTo("400"))
                .body("field", equalTo("[0].path"));
    }

    private Response create(Map<String, Object> body) {
        return Api.as(sandbox).contentType(ContentType.JSON).body(body).when().post(PATH);
    }

    private static Map<String, Object> legacy(String name, String path) {
        return Map.of("name", name, "path", path, "description", "legacy " + name,
                "expression", Map.of("type", "PQL", "format", "pql/text", "value", ComputedAttributesTest.SUM),
                "schema", Map.of("name", "_xdm.context.profile"));
    }
}
