package io.openprofile.server.mergepolicy;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MergePoliciesTest {

    static final String PATH = "/data/core/ups/config/mergePolicies";
    static final String SYSTEM_DEFAULT = "timestampOrdered-pdg-mp";

    private String sandbox;

    @BeforeEach
    void newSandbox() {
        sandbox = Api.newSandbox();
    }

    @Test
    void freshSandboxHasSystemDefault() {
        JsonPath list = list(Map.of());

        assertEquals(1, list.getInt("_page.totalCount"));
        assertEquals(1, list.getInt("_page.count"));
        assertEquals(SYSTEM_DEFAULT, list.getString("children[0].id"));
        assertEquals(true, list.getBoolean("children[0].default"));
        assertEquals("pdg", list.getString("children[0].identityGraph.type"));
        assertEquals("timestampOrdered", list.getString("children[0].attributeMerge.type"));
        assertEquals("", list.getString("_links.next.href"));
    }

    @Test
    void createWithoutBodyNamesBody() {
        Api.invalidRequestAs(sandbox).contentType(ContentType.JSON)
                .when().post(PATH)
                .then().statusCode(400)
                .body("field", equalTo("body"))
                .body("detail", equalTo("body is required: send the JSON document this operation takes"));
    }

    @Test
    void createReturnsFullPolicy() {
        JsonPath created = create(policy("Loyalty only", "none", "timestampOrdered", List.of(), false));

        assertEquals("Loyalty only", created.getString("name"));
        assertEquals(1, created.getInt("version"));
        assertEquals(Api.ORG, created.getString("imsOrgId"));
        assertEquals(sandbox, created.getString("sandbox.sandboxName"));
        assertEquals("development", created.getString("sandbox.type"));
        assertEquals("_xdm.context.profile", created.getString("schema.name"));
        assertEquals(false, created.getBoolean("default"));
        assertEquals(false, created.getBoolean("isActiveOnEdge"));
        assertTrue(created.getLong("updateEpoch") > 1_700_000_000L, "updateEpoch is in epoch seconds");

        Api.as(sandbox).when().get(PATH + "/" + created.getString("id"))
                .then().statusCode(200)
                .body("name", equalTo("Loyalty only"))
                .body("identityGraph.type", equalTo("none"));
    }

    @Test
    void newDefaultReplacesPrevious() {
        String id = create(policy("Second", "pdg", "timestampOrdered", List.of(), true)).getString("id");

        JsonPath defaults = list(Map.of("default", "true", "schema.name", "_xdm.context.profile"));
        assertEquals(1, defaults.getInt("_page.totalCount"));
        assertEquals(id, defaults.getString("children[0].id"));

        JsonPath previous = get(SYSTEM_DEFAULT);
        assertEquals(false, previous.getBoolean("default"));
        assertEquals(2, previous.getInt("version"));
    }

    @Test
    void listFiltersByEveryField() {
        String dataset = new Flows(sandbox).profileDataset();
        String none = create(policy("No stitching", "none", "timestampOrdered", List.of(), false)).getString("id");
        String precedence = create(policy("CRM first", "pdg", "dataSetPrecedence", List.of(dataset), false))
                .getString("id");

        assertEquals(List.of(none), ids(list(Map.of("identityGraph.type", "none"))));
        assertEquals(List.of(precedence), ids(list(Map.of("attributeMerge.type", "dataSetPrecedence"))));
        assertEquals(List.of(precedence, none), ids(list(Map.of("default", "false"))));
        assertEquals(List.of(), ids(list(Map.of("isActiveOnEdge", "true"))));
        assertEquals(3, list(Map.of("version", "1")).getInt("_page.totalCount"));
        assertEquals(0, list(Map.of("schema.name", "_xdm.context.experienceevent")).getInt("_page.totalCount"));
    }

    @Test
    void listPagesFollowNextLink() {
        for (String name : List.of("B", "D", "C")) {
            create(policy(name, "pdg", "timestampOrdered", List.of(), false));
        }
        List<String> names = new ArrayList<>();
        JsonPath page = list(Map.of("limit", "2", "orderBy", "-name"));
        names.addAll(page.getList("children.name"));
        assertEquals(4, page.getInt("_page.totalCount"));
        String href = page.getString("_links.next.href");
        assertTrue(href.startsWith(PATH + "?"), href);

        JsonPath next = Api.as(sandbox).urlEncodingEnabled(false).when().get(href)
                .then().statusCode(200).extract().jsonPath();
        names.addAll(next.getList("children.name"));

        assertEquals(List.of("Timestamp ordered (system default)", "D", "C", "B"), names);
        assertEquals("", next.getString("_links.next.href"));
    }

    @Test
    void badOrderAndCursorAre400() {
        Api.as(sandbox).queryParam("orderby", "updateEpoch")
                .when().get(PATH)
                .then().statusCode(400)
                .body("value", equalTo("updateEpoch"));
        Api.as(sandbox).queryParam("start", "not-a-cursor")
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("start"));
    }

    @Test
    void sixthPolicyIs422() {
        for (int i = 0; i < 4; i++) {
            create(policy("p" + i, "pdg", "timestampOrdered", List.of(), false));
        }

        send(policy("p5", "pdg", "timestampOrdered", List.of(), false))
                .then().statusCode(422)
                .body("errorCode", equalTo("OP-422-MERGE-POLICY-LIMIT-REACHED"));
        assertEquals(5, list(Map.of()).getInt("_page.totalCount"));
    }

    @Test
    void secondEdgePolicyIs409() {
        String edge = create(policy("Edge", "pdg", "timestampOrdered", List.of(), false, true)).getString("id");

        send(policy("Edge 2", "pdg", "timestampOrdered", List.of(), false, true))
                .then().statusCode(409)
                .body("field", equalTo("isActiveOnEdge"));
        Api.as(sandbox).when().delete(PATH + "/" + edge)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-MERGE-POLICY-ACTIVE-ON-EDGE"));

        patch(edge, "{\"op\": \"add\", \"path\": \"/isActiveOnEdge\", \"value\": \"false\"}").then().statusCode(200);
        Api.as(sandbox).when().delete(PATH + "/" + edge)
                .then().statusCode(200)
                .body(emptyString());
        Api.as(sandbox).when().get(PATH + "/" + edge).then().statusCode(404);
        Api.as(sandbox).when().delete(PATH + "/" + edge).then().statusCode(404);
    }

    @Test
    void patchAcceptsObjectAndArray() {
        String id = create(policy("Patched", "pdg", "timestampOrdered", List.of(), false)).getString("id");

        JsonPath single = patch(id, "{\"op\": \"add\", \"path\": \"/default\", \"value\": \"true\"}")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(true, single.getBoolean("default"));
        assertEquals(2, single.getInt("version"));

        JsonPath array = patch(id, "[{\"op\": \"add\", \"path\": \"/identityGraph.type\", \"value\": \"none\"}, "
                + "{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"Renamed\"}]")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("none", array.getString("identityGraph.type"));
        assertEquals("Renamed", array.getString("name"));
        assertEquals(3, array.getInt("version"));

        JsonPath pointer = patch(id, "[{\"op\": \"add\", \"path\": \"/identityGraph/type\", \"value\": \"pdg\"}]")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("pdg", pointer.getString("identityGraph.type"));
    }

    @Test
    void patchAcceptsMisspeltEdgePath() {
        String id = create(policy("Misspelt", "pdg", "timestampOrdered", List.of(), false)).getString("id");

        patch(id, "{\"op\": \"add\", \"path\": \"/idActiveOnEdge\", \"value\": \"true\"}")
                .then().statusCode(200)
                .body("isActiveOnEdge", equalTo(true));
        patch(id, "{\"op\": \"add\", \"path\": \"/idActiveOnEdge\", \"value\": \"false\"}")
                .then().statusCode(200)
                .body("isActiveOnEdge", equalTo(false));
    }

    @Test
    void unknownEnumValueListsAllowedValues() {
        send(policy("Unknown graph", "pdgx", "timestampOrdered", List.of(), false), Api.invalidRequestAs(sandbox))
                .then().statusCode(400)
                .body("field", equalTo("identityGraph.type"))
                .body("message", equalTo("body property identityGraph.type is invalid: must be one of none, pdg, "
                        + "got 'pdgx'"));
    }

    @Test
    void patchVersionIsOptimisticLock() {
        String id = create(policy("Locked", "pdg", "timestampOrdered", List.of(), false)).getString("id");

        patch(id, "[{\"op\": \"add\", \"path\": \"/version\", \"value\": 1}, "
                + "{\"op\": \"add\", \"path\": \"/name\", \"value\": \"First\"}]")
                .then().statusCode(200)
                .body("version", equalTo(2));
        patch(id, "[{\"op\": \"add\", \"path\": \"/version\", \"value\": \"1\"}, "
                + "{\"op\": \"add\", \"path\": \"/name\", \"value\": \"Second\"}]")
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-STALE-VERSION"))
                .body("value", equalTo("1"));

        assertEquals("First", get(id).getString("name"));
    }

    @Test
    void patchRejectsBadOperations() {
        String id = create(policy("Strict", "pdg", "timestampOrdered", List.of(), false)).getString("id");

        patch(id, "{\"op\": \"add\", \"path\": \"/imsOrgId\", \"value\": \"x\"}")
                .then().statusCode(400).body("field", equalTo("path")).body("value", equalTo("/imsOrgId"));
        patch(id, "[{\"op\": \"remove\", \"path\": \"/name\", \"value\": \"x\"}]")
                .then().statusCode(400).body("field", equalTo("[0].op"));
        patch(id, "{\"op\": \"add\", \"path\": \"/default\", \"value\": \"yes\"}")
                .then().statusCode(400).body("field", equalTo("value"));
        patch(id, "{\"op\": \"add\", \"path\": \"/attributeMerge.type\", \"value\": \"dataSetPrecedence\"}")
                .then().statusCode(400).body("field", equalTo("attributeMerge.order"));
        patch(id, "[{\"op\": \"add\", \"path\": \"/attributeMerge.type\", \"value\": \"dataSetPrecedence\"}, "
                + "{\"op\": \"add\", \"path\": \"/attributeMerge.order\", \"value\": [\"5c8c3c555033b814b69f947f\"]}]")
                .then().statusCode(400)
                .body("field", equalTo("attributeMerge.order[0]"))
                .body("value", equalTo("5c8c3c555033b814b69f947f"));
        patch(id, "[]").then().statusCode(400).body("field", equalTo("body"));

        assertEquals(1, get(id).getInt("version"));
    }

    @Test
    void putReplacesWithVersionCheck() {
        JsonPath created = create(policy("Put me", "pdg", "timestampOrdered", List.of(), false));
        String id = created.getString("id");
        Map<String, Object> body = policy("Put me", "none", "timestampOrdered", List.of(), false);
        body.put("version", 1);
        body.put("id", id);

        JsonPath replaced = Api.as(sandbox).contentType(ContentType.JSON).body(body)
                .when().put(PATH + "/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("none", replaced.getString("identityGraph.type"));
        assertEquals(2, replaced.getInt("version"));

        Api.as(sandbox).contentType(ContentType.JSON).body(body)
                .when().put(PATH + "/" + id)
                .then().statusCode(409)
                .body("field", equalTo("version"));
        body.put("version", 2);
        body.put("id", "another-id");
        Api.as(sandbox).contentType(ContentType.JSON).body(body)
                .when().put(PATH + "/" + id)
                .then().statusCode(400)
                .body("field", equalTo("id"));
        Api.as(sandbox).contentType(ContentType.JSON).body(policy("x", "pdg", "timestampOrdered", List.of(), false))
                .when().put(PATH + "/no-such-policy")
                .then().statusCode(404);
    }

    @Test
    void bulkGetAnswers207WithPerIdErrors() {
        String id = create(policy("Bulk", "pdg", "timestampOrdered", List.of(), false)).getString("id");

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("ids", List.of(Map.of("id", id), Map.of("id", "missing"), Map.of("id", SYSTEM_DEFAULT))))
                .when().post(PATH + "/bulk-get")
                .then().statusCode(207)
                .body("results", hasKey(id))
                .body("results.'" + id + "'.name", equalTo("Bulk"))
                .body("results.'" + SYSTEM_DEFAULT + "'.default", equalTo(true))
                .body("results.missing.id", equalTo("missing"))
                .body("results.missing.error.status", equalTo(404))
                .body("results.missing.error.field", equalTo("ids[1].id"));
    }

    @Test
    void badBodiesAre400NamingField() {
        Map<String, Object> unknownType = policy("Bad", "pdg", "latest", List.of(), false);
        send(unknownType, Api.invalidRequestAs(sandbox)).then().statusCode(400)
                .body("field", equalTo("attributeMerge.type"));

        send(policy("Bad", "pdg", "timestampOrdered", List.of(), false, false, "_xdm.context.experienceevent"))
                .then().statusCode(400)
                .body("field", equalTo("schema.name"));

        Map<String, Object> noGraph = policy("Bad", "pdg", "timestampOrdered", List.of(), false);
        noGraph.remove("identityGraph");
        send(noGraph, Api.invalidRequestAs(sandbox)).then().statusCode(400)
                .body("field", equalTo("identityGraph"));

        send(policy("Bad", "pdg", "dataSetPrecedence", List.of(), false))
                .then().statusCode(400)
                .body("field", equalTo("attributeMerge.order"));

        Map<String, Object> numberDefault = policy("Bad", "pdg", "timestampOrdered", List.of(), false);
        numberDefault.put("default", 1);
        send(numberDefault, Api.invalidRequestAs(sandbox)).then().statusCode(400).body("field", equalTo("default"));
        Map<String, Object> numberName = policy("Bad", "pdg", "timestampOrdered", List.of(), false);
        numberName.put("name", 123);
        send(numberName, Api.invalidRequestAs(sandbox)).then().statusCode(400).body("field", equalTo("name"));
        send(policy("Bad\u0000name", "pdg", "timestampOrdered", List.of(), false)).then().statusCode(400)
                .body("field", equalTo("name"));

        assertEquals(1, list(Map.of()).getInt("_page.totalCount"));
    }

    @Test
    void invalidBodyBeatsFullSandbox() {
        for (int i = 0; i < 4; i++) {
            create(policy("p" + i, "pdg", "timestampOrdered", List.of(), false));
        }

        send(policy("p5", "pdg", "dataSetPrecedence", List.of(), false))
                .then().statusCode(400)
                .body("field", equalTo("attributeMerge.order"));
    }

    @Test
    void hugeValueIsCutInError() {
        send(policy("x".repeat(100_000), "pdg", "timestampOrdered", List.of(), false), Api.invalidRequestAs(sandbox))
                .then().statusCode(400)
                .body("value.length()", org.hamcrest.Matchers.lessThan(400))
                .body("detail.length()", org.hamcrest.Matchers.lessThan(1200));
    }

    @Test
    void duplicateNameIs409() {
        create(policy("Same", "pdg", "timestampOrdered", List.of(), false));

        send(policy("Same", "none", "timestampOrdered", List.of(), false))
                .then().statusCode(409)
                .body("field", equalTo("name"));
    }

    @Test
    void concurrentDefaultsLeaveOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, Object> body = policy("Concurrent " + i, "pdg", "timestampOrdered", List.of(), true);
                results.add(pool.submit(() -> send(body).then().extract().statusCode()));
            }
            for (Future<Integer> result : results) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, list(Map.of("default", "true")).getInt("_page.totalCount"));
    }

    @Test
    void deletedDefaultMakesLookups422() {
        Api.as(sandbox).when().delete(PATH + "/" + SYSTEM_DEFAULT).then().statusCode(200);

        Api.as(sandbox)
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(422)
                .body("errorCode", equalTo("OP-422-NO-DEFAULT-MERGE-POLICY"));
    }

    @Test
    void otherSandboxPolicyIsUnknown() {
        String id = create(policy("Mine", "pdg", "timestampOrdered", List.of(), false)).getString("id");

        Api.as(Api.newSandbox()).when().get(PATH + "/" + id).then().statusCode(404);
        Api.as(Api.newSandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email", "mergePolicyId", id))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(422)
                .body("value", equalTo(id));
    }

    static Map<String, Object> policy(String name, String graph, String attributeMerge, List<String> order,
            boolean isDefault) {
        return policy(name, graph, attributeMerge, order, isDefault, false);
    }

    static Map<String, Object> policy(String name, String graph, String attributeMerge, List<String> order,
            boolean isDefault, boolean edge) {
        return policy(name, graph, attributeMerge, order, isDefault, edge, "_xdm.context.profile");
    }

    static Map<String, Object> policy(String name, String graph, String attributeMerge, List<String> order,
            boolean isDefault, boolean edge, String schema) {
        Map<String, Object> merge = new java.util.LinkedHashMap<>();
        merge.put("type", attributeMerge);
        if (!order.isEmpty()) {
            merge.put("order", order);
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("schema", Map.of("name", schema));
        body.put("identityGraph", Map.of("type", graph));
        body.put("attributeMerge", merge);
        body.put("default", isDefault);
        body.put("isActiveOnEdge", edge);
        return body;
    }

    private io.restassured.response.Response send(Map<String, Object> body) {
        return send(body, Api.as(sandbox));
    }

    private io.restassured.response.Response send(Map<String, Object> body,
            io.restassured.specification.RequestSpecification request) {
        return request.contentType(ContentType.JSON).body(body).when().post(PATH);
    }

    private JsonPath create(Map<String, Object> body) {
        return send(body).then().statusCode(200).extract().jsonPath();
    }

    private io.restassured.response.Response patch(String id, String body) {
        return Api.invalidRequestAs(sandbox).contentType(ContentType.JSON).body(body).when().patch(PATH + "/" + id);
    }

    private JsonPath get(String id) {
        return Api.as(sandbox).when().get(PATH + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private JsonPath list(Map<String, String> query) {
        return Api.as(sandbox).queryParams(query).when().get(PATH).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath list) {
        return list.getList("children.id");
    }
}
