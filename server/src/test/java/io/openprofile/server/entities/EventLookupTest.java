package io.openprofile.server.entities;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventLookupTest {

    private static final String PATH = "/data/core/ups/access/entities";
    private static final int EVENTS = 7;

    private Flows flows;
    private String events;

    @BeforeEach
    void ingestEvents() {
        flows = new Flows(Api.newSandbox());
        events = flows.eventDataset();
        String[] lines = new String[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            lines[i] = event("e" + i, "2020-01-0" + (i + 1) + "T10:00:00Z", i % 2 == 0);
        }
        assertEquals("success", flows.ingestLines(events, lines).status());
    }

    @Test
    void followingNextLinksReturnsEveryEventOnce() {
        List<String> seen = new ArrayList<>();
        String href = "/entities?schema.name=_xdm.context.experienceevent&relatedSchema.name=_xdm.context.profile"
                + "&relatedEntityId=222&relatedEntityIdNS=ECID&limit=3";
        int pages = 0;
        while (!href.isEmpty()) {
            JsonPath page = Api.as(flows.sandbox()).urlEncodingEnabled(false)
                    .when().get("/data/core/ups/access" + href)
                    .then().statusCode(200)
                    .extract().jsonPath();
            seen.addAll(page.getList("children.entityId"));
            href = page.getString("_links.next.href");
            pages++;
        }

        assertEquals(List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6"), seen);
        assertEquals(3, pages);
    }

    @Test
    void descendingOrderReversesEvents() {
        Api.as(flows.sandbox())
                .queryParams(query("orderby", "-timestamp", "limit", "3"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("children.entityId", contains("e6", "e5", "e4"))
                .body("_page.orderby", equalTo("-timestamp"));
    }

    @Test
    void orderBySpellingIsAccepted() {
        Api.as(flows.sandbox())
                .queryParams(query("orderBy", "-timestamp", "limit", "1"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("children.entityId", contains("e6"));
    }

    @Test
    void timeWindowIsStartInclusiveEndExclusive() {
        long start = java.time.Instant.parse("2020-01-02T10:00:00Z").toEpochMilli();
        long end = java.time.Instant.parse("2020-01-04T10:00:00Z").toEpochMilli();
        Api.as(flows.sandbox())
                .queryParams(query("startTime", Long.toString(start), "endTime", Long.toString(end)))
                .when().get(PATH)
                .then().statusCode(200)
                .body("children.entityId", contains("e1", "e2"));
    }

    @Test
    void propertyFilterSelectsEvents() {
        Api.as(flows.sandbox())
                .queryParams(query("property", "web.webPageDetails.isHomepage=true"))
                .when().get(PATH)
                .then().statusCode(200)
                .body("children.entityId", contains("e0", "e2", "e4", "e6"));
    }

    @Test
    void moreThanThreePropertyFiltersIs400() {
        Api.invalidRequestAs(flows.sandbox())
                .queryParams(query())
                .queryParam("property", "a=1", "b=2", "c=3", "d=4")
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("property"));
    }

    @Test
    void limitOutOfRangeIs400() {
        for (String limit : new String[] {"0", "5000"}) {
            Api.invalidRequestAs(flows.sandbox())
                    .queryParams(query("limit", limit))
                    .when().get(PATH)
                    .then().statusCode(400)
                    .body("field", equalTo("limit"))
                    .body("value", equalTo(limit));
        }
    }

    @Test
    void nonNumericLimitIs400() {
        Api.invalidRequestAs(flows.sandbox())
                .queryParams(query("limit", "ten"))
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("limit"))
                .body("value", equalTo("ten"));
    }

    @Test
    void missingRelatedSchemaIs400() {
        Map<String, String> params = query();
        params.remove("relatedSchema.name");
        Api.as(flows.sandbox())
                .queryParams(params)
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("relatedSchema.name"));
    }

    @Test
    void unknownRelatedIdentityIs404() {
        Api.as(flows.sandbox())
                .queryParams(query("relatedEntityId", "nobody"))
                .when().get(PATH)
                .then().statusCode(404);
    }

    @Test
    void tamperedCursorIs400() {
        Api.as(flows.sandbox())
                .queryParams(query("start", "not-a-cursor"))
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("start"));
    }

    @Test
    void retriedBatchDoesNotDuplicateEvents() {
        flows.ingestLines(events, event("e0", "2020-01-01T10:00:00Z", true));

        Api.as(flows.sandbox())
                .queryParams(query())
                .when().get(PATH)
                .then().statusCode(200)
                .body("children", hasSize(EVENTS));
    }

    @Test
    void batchLookupPagesWithPayload() {
        Map<String, Object> body = Map.of(
                "schema", Map.of("name", "_xdm.context.experienceevent"),
                "relatedSchema", Map.of("name", "_xdm.context.profile"),
                "identities", List.of(Map.of("relatedEntityId", "222", "relatedEntityIdNS", Map.of("code", "ECID"))),
                "limit", 4);
        JsonPath first = Api.as(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, first.getList("'222'.children").size());
        assertEquals("/entities", first.getString("'222'._links.next.href"));
        Map<String, Object> payload = first.getMap("'222'._links.next.payload");

        JsonPath second = Api.as(flows.sandbox()).contentType(ContentType.JSON).body(payload)
                .when().post(PATH)
                .then().statusCode(200)
                .extract().jsonPath();

        assertEquals(List.of("e4", "e5", "e6"), second.getList("'222'.children.entityId"));
        assertTrue(second.getString("'222'._links.next.href").isEmpty());
    }

    private static Map<String, String> query(String... pairs) {
        Map<String, String> params = new HashMap<>(Map.of("schema.name", "_xdm.context.experienceevent",
                "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", "222", "relatedEntityIdNS", "ECID"));
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static String event(String id, String timestamp, boolean homepage) {
        return "{\"_id\": \"" + id + "\", \"timestamp\": \"" + timestamp + "\", \"identityMap\": {\"ECID\": "
                + "[{\"id\": \"222\", \"primary\": true}]}, \"web\": {\"webPageDetails\": {\"isHomepage\": "
                + homepage + "}}}";
    }
}
