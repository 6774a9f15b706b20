package io.openprofile.server.computed;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract tests of the current computed attribute API, and of the values it adds to profiles. */
@QuarkusTest
public class ComputedAttributesTest {

    static final String PATH = "/data/core/ca/attributes";
    static final String ENTITIES = "/data/core/ups/access/entities";
    static final String SUM = "xEvent[eventType = \"commerce.purchases\"].sum(commerce.order.priceTotal)";

    private Flows flows;
    private String sandbox;

    @BeforeEach
    void newSandbox() {
        flows = new Flows(Api.newSandbox());
        sandbox = flows.sandbox();
    }

    @Test
    void createDraftReturnsDerivedFields() {
        JsonPath created = create(attribute("totalSpent", SUM, null)).then().statusCode(200).extract().jsonPath();

        assertEquals("ComputedAttribute", created.getString("type"));
        assertEquals("DRAFT", created.getString("status"));
        assertEquals("SUM", created.getString("mergeFunction.value"));
        assertEquals("number", created.getString("returnSchema.'meta:xdmType'"));
        assertEquals("ComputedAttributes", created.getString("positionPath[1]"));
        assertTrue(created.getString("path").endsWith("/ComputedAttributes"), created.getString("path"));
        assertEquals("", created.getString("lastEvaluationTs"));
        assertEquals("totalSpent", created.getString("displayName"));
    }

    @Test
    void countReturnsInteger() {
        JsonPath created = create(attribute("views", "xEvent[eventType = \"commerce.productViews\"].count()", null))
                .then().statusCode(200).extract().jsonPath();

        assertEquals("SUM", created.getString("mergeFunction.value"));
        assertEquals("integer", created.getString("returnSchema.'meta:xdmType'"));
    }

    @Test
    void expressionErrorNamesPosition() {
        create(attribute("broken", "xEvent[eventType = \"x\".sum(commerce.order.priceTotal)", null))
                .then().statusCode(400)
                .body("field", equalTo("expression.value"))
                .body("detail", containsString("position"));
        create(attribute("broken", "xEvent[eventType = \"x\"].average(commerce.order.priceTotal)", null))
                .then().statusCode(400)
                .body("field", equalTo("expression.value"));
        Map<String, Object> body = attribute("broken", SUM, null);
        body.put("expression", Map.of("type", "SQL", "format", "pql/text", "value", SUM));
        create(body).then().statusCode(400).body("field", equalTo("expression.type"));
    }

    @Test
    void durationLimitsPerUnit() {
        String[][] rejected = {{"HOURS", "25"}, {"HOURS", "0"}, {"DAYS", "8"}, {"WEEKS", "5"}, {"MONTHS", "7"},
            {"YEARS", "1"}};
        for (String[] duration : rejected) {
            Map<String, Object> body = attribute("d" + duration[0] + duration[1], SUM,
                    Map.of("count", Integer.parseInt(duration[1]), "unit", duration[0]));
            create(body).then().statusCode(400)
                    .body("field", equalTo(duration[0].equals("YEARS") ? "duration.unit" : "duration.count"));
        }
        String[][] accepted = {{"HOURS", "24"}, {"DAYS", "7"}, {"WEEKS", "4"}, {"MONTHS", "6"}, {"DAYS", "1"}};
        for (String[] duration : accepted) {
            Map<String, Object> body = attribute("ok" + duration[0] + duration[1], SUM,
                    Map.of("count", Integer.parseInt(duration[1]), "unit", duration[0]));
            create(body).then().statusCode(200).body("duration.unit", equalTo(duration[0]));
        }
    }

    @Test
    void namesAreCheckedAndUnique() {
        create(attribute("total_spent", SUM, null)).then().statusCode(400).body("field", equalTo("name"));
        create(attribute("total spent", SUM, null)).then().statusCode(400).body("field", equalTo("name"));
        create(attribute("totalSpent", SUM, null)).then().statusCode(200);

        create(attribute("totalSpent", SUM, null)).then().statusCode(409).body("field", equalTo("name"));
    }

    @Test
    void statusTransitionRules() {
        String id = create(attribute("rules", SUM, null)).then().statusCode(200).extract().path("id");

        patch(id, Map.of("status", "DISABLED")).then().statusCode(400).body("field", equalTo("status"));
        patch(id, Map.of("description", "edited", "duration", Map.of("count", 3, "unit", "DAYS")))
                .then().statusCode(200).body("description", equalTo("edited")).body("duration.count", equalTo(3));
        patch(id, Map.of("mergeFunction", Map.of("value", "MAX"))).then().statusCode(400)
                .body("field", equalTo("mergeFunction"));
        patch(id, Map.of("status", "NEW")).then().statusCode(200);

        patch(id, Map.of("description", "too late")).then().statusCode(400).body("field", equalTo("description"));
        awaitStatus(id, "PROCESSED");
        patch(id, Map.of("status", "DRAFT")).then().statusCode(400).body("field", equalTo("status"));
        patch(id, Map.of("status", "DISABLED")).then().statusCode(200).body("status", equalTo("DISABLED"));
        patch(id, Map.of("status", "NEW")).then().statusCode(200).body("status", equalTo("NEW"));
        awaitStatus(id, "PROCESSED");
    }

    @Test
    void onlyDraftCanBeDeleted() {
        String id = create(attribute("deletable", SUM, null)).then().statusCode(200).extract().path("id");
        String active = create(attributeWithStatus("active", SUM, "NEW")).then().statusCode(200).extract().path("id");

        Api.as(sandbox).when().delete(PATH + "/" + active).then().statusCode(409)
                .body("errorCode", equalTo("OP-409-COMPUTED-ATTRIBUTE-NOT-DRAFT"));
        Api.as(sandbox).when().delete(PATH + "/" + id).then().statusCode(202)
                .body("id", equalTo(id))
                .body("name", equalTo("deletable"));
        Api.as(sandbox).when().get(PATH + "/" + id).then().statusCode(404);
        Api.as(sandbox).when().delete(PATH + "/" + id).then().statusCode(404);
    }

    @Test
    void listPagesSortsAndFilters() {
        for (String name : List.of("alpha", "beta", "gamma")) {
            create(attribute(name, SUM, null)).then().statusCode(200);
        }
        create(attribute("delta", "xEvent[eventType = \"web.visit\"].max(commerce.order.priceTotal)", null)).then().statusCode(200);

        JsonPath first = list(Map.of("limit", "2", "sortBy", "name"));
        assertEquals(List.of("alpha", "beta"), first.getList("computedAttributes.name"));
        assertEquals(4, first.getInt("_page.totalCount"));
        assertEquals(2, first.getInt("_page.count"));
        assertEquals("/attributes?offset=2&limit=2&sortBy=name", first.getString("_links.next.href"));
        assertNull(first.get("_links.prev"));

        JsonPath second = list(Map.of("limit", "2", "offset", "2", "sortBy", "name"));
        assertEquals(List.of("delta", "gamma"), second.getList("computedAttributes.name"));
        assertNull(second.get("_links.next"));
        assertEquals("/attributes?offset=0&limit=2&sortBy=name", second.getString("_links.prev.href"));

        assertEquals(List.of("gamma", "delta", "beta", "alpha"),
                list(Map.of("sortBy", "-name")).getList("computedAttributes.name"));
        assertEquals(List.of("beta"), list(Map.of("property", "name=beta")).getList("computedAttributes.name"));
        assertEquals(3, list(Map.of("property", "name!=beta")).getInt("_page.totalCount"));
        assertEquals(2, list(Map.of("property", "name=contains(alpha,gamma)")).getInt("_page.totalCount"));
        assertEquals(4, list(Map.of("property", "status=contains(draft,new)")).getInt("_page.totalCount"));
        assertEquals(4, list(Map.of("property", "updateEpoch>=0")).getInt("_page.totalCount"));
        assertEquals(3, list(Map.of("property", "mergeFunction.value=SUM")).getInt("_page.totalCount"));

        Api.as(sandbox).queryParam("property", "colour=red").when().get(PATH).then().statusCode(400)
                .body("field", equalTo("property"));
        Api.as(sandbox).queryParam("sortBy", "colour").when().get(PATH).then().statusCode(400)
                .body("field", equalTo("sortBy"));
        Api.invalidRequestAs(sandbox).queryParam("limit", "41").when().get(PATH).then().statusCode(400);
    }

    @Test
    void valuesAppearInProfiles() {
        String events = flows.eventDataset();
        Instant now = Instant.now();
        ingestPurchases(events, now, "sam@example.com", 10.5, 20, 5);

        String sum = create(attributeWithStatus("spent", SUM, "NEW")).then().statusCode(200).extract().path("id");
        String count = create(attributeWithStatus("purchases",
                "xEvent[eventType = \"commerce.purchases\"].count()", "NEW")).then().statusCode(200).extract().path("id");
        Map<String, Object> weekly = attribute("spentThisWeek", SUM, Map.of("count", 1, "unit", "WEEKS"));
        weekly.put("status", "NEW");
        String week = create(weekly).then().statusCode(200).extract().path("id");
        awaitStatus(sum, "PROCESSED");
        awaitStatus(count, "PROCESSED");
        awaitStatus(week, "PROCESSED");

        JsonPath values = computed("sam@example.com", null);
        assertEquals(35.5, values.getDouble("spent"), 1e-9);
        assertEquals(3, values.getInt("purchases"));
        assertEquals(30.5, values.getDouble("spentThisWeek"), 1e-9);

        ingestPurchases(events, now.minusSeconds(10), "sam@example.com", 100);
        assertEquals(135.5, computed("sam@example.com", null).getDouble("spent"), 1e-9);
        assertEquals(4, computed("sam@example.com", null).getInt("purchases"));

        patch(count, Map.of("status", "DISABLED")).then().statusCode(200);
        assertNull(computed("sam@example.com", null).get("purchases"));
    }

    @Test
    void reingestedEventLeavesItsOldWindow() {
        String events = flows.eventDataset();
        Instant now = Instant.now();
        ingestPurchase(events, "moved-1", now.minus(Duration.ofDays(3)), "lou@example.com", 10);
        String total = create(attributeWithStatus("spent", SUM, "NEW")).then().statusCode(200).extract().path("id");
        Map<String, Object> weekly = attribute("spentThisWeek", SUM, Map.of("count", 1, "unit", "WEEKS"));
        weekly.put("status", "NEW");
        String week = create(weekly).then().statusCode(200).extract().path("id");
        awaitStatus(total, "PROCESSED");
        awaitStatus(week, "PROCESSED");
        assertEquals(10.0, computed("lou@example.com", null).getDouble("spentThisWeek"), 1e-9);

        ingestPurchase(events, "moved-1", now.minus(Duration.ofDays(20)), "lou@example.com", 10);

        JsonPath values = computed("lou@example.com", null);
        assertEquals(10.0, values.getDouble("spent"), 1e-9);
        assertEquals(0.0, values.getDouble("spentThisWeek"), 1e-9);
    }

    @Test
    void withCaFalseOmitsValues() {
        String events = flows.eventDataset();
        ingestPurchases(events, Instant.now(), "kai@example.com", 7);
        String id = create(attributeWithStatus("spent", SUM, "NEW")).then().statusCode(200).extract().path("id");
        awaitStatus(id, "PROCESSED");

        assertEquals(7.0, computed("kai@example.com", null).getDouble("spent"), 1e-9);
        Api.as(sandbox)
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "kai@example.com",
                        "entityIdNS", "Email", "withCA", "false"))
                .when().get(ENTITIES)
                .then().statusCode(404);
    }

    /** Ingests one purchase event per amount, the first a minute before {@code end} and each next one 4 days earlier. */
    private void ingestPurchases(String dataset, Instant end, String email, double... amounts) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            Instant time = end.minus(Duration.ofDays(4L * i)).minusSeconds(60);
            lines.add("{\"_id\": \"" + email + "-" + time.toEpochMilli() + "-" + i + "\", \"timestamp\": \"" + time
                    + "\", \"eventType\": \"commerce.purchases\", \"identityMap\": {\"Email\": [{\"id\": \"" + email
                    + "\", \"primary\": true}]}, \"commerce\": {\"order\": {\"priceTotal\": " + amounts[i] + "}}}");
        }
        assertEquals("success", flows.ingestLines(dataset, lines.toArray(String[]::new)).status());
    }

    private void ingestPurchase(String dataset, String eventId, Instant time, String email, double amount) {
        String line = "{\"_id\": \"" + eventId + "\", \"timestamp\": \"" + time
                + "\", \"eventType\": \"commerce.purchases\", \"identityMap\": {\"Email\": [{\"id\": \"" + email
                + "\", \"primary\": true}]}, \"commerce\": {\"order\": {\"priceTotal\": " + amount + "}}}";
        assertEquals("success", flows.ingestLines(dataset, line).status());
    }

    /** Returns the computed values of a person's profile, the object under the attributes' path. */
    private JsonPath computed(String email, String fields) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("schema.name", "_xdm.context.profile", "entityId",
                email, "entityIdNS", "Email"));
        if (fields != null) {
            query.put("fields", fields);
        }
        JsonPath body = Api.as(sandbox).queryParams(query).when().get(ENTITIES)
                .then().statusCode(200).extract().jsonPath();
        String key = "'" + body.getMap("$").keySet().iterator().next() + "'";
        Map<String, Object> entity = body.getMap(key + ".entity");
        Object tenantGroup = entity.entrySet().stream().filter(entry -> entry.getKey().startsWith("_"))
                .map(Map.Entry::getValue).findFirst().orElse(Map.of());
        Object values = ((Map<?, ?>) tenantGroup).get("ComputedAttributes");
        return JsonPath.from(io.openprofile.server.store.Json.mapper().valueToTree(
                values == null ? Map.of() : values).toString());
    }

    private void awaitStatus(String id, String status) {
        awaitStatusIn(sandbox, id, status);
    }

    /** Polls an attribute until it has {@code status}, for at most 60 seconds. */
    public static void awaitStatusIn(String sandbox, String id, String status) {
        Instant deadline = Instant.now().plusSeconds(60);
        String current = null;
        while (Instant.now().isBefore(deadline)) {
            current = Api.as(sandbox).when().get(PATH + "/" + id).then().statusCode(200).extract().path("status");
            if (status.equals(current)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("attribute " + id + " is " + current + " after 60 seconds, expected " + status);
    }

    private Response create(Map<String, Object> body) {
        return Api.as(sandbox).contentType(ContentType.JSON).body(body).when().post(PATH);
    }

    private Response patch(String id, Map<String, Object> body) {
        return Api.invalidRequestAs(sandbox).contentType(ContentType.JSON).body(body).when().patch(PATH + "/" + id);
    }

    private JsonPath list(Map<String, String> query) {
        return Api.as(sandbox).queryParams(query).when().get(PATH).then().statusCode(200).extract().jsonPath();
    }

    public static Map<String, Object> attribute(String name, String expression, Map<String, Object> duration) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "test attribute " + name);
        body.put("expression", Map.of("type", "PQL", "format", "pql/text", "value", expression));
        if (duration != null) {
            body.put("duration", duration);
        }
        return body;
    }

    static Map<String, Object> attributeWithStatus(String name, String expression, String status) {
        Map<String, Object> body = attribute(name, expression, null);
        body.put("status", status);
        return body;
    }
}
