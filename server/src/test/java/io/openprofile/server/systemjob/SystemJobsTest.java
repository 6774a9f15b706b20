package io.openprofile.server.systemjob;

import static io.openprofile.server.support.DeleteRequests.awaitSuccess;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delete requests at {@code /data/core/ups/system/jobs}: their shape, their errors and the data they remove. */
@QuarkusTest
class SystemJobsTest {

    private static final String PATH = "/data/core/ups/system/jobs";
    private static final String ENTITIES = "/data/core/ups/access/entities";

    private Flows flows;
    private String profiles;
    private String otherProfiles;
    private String events;

    @BeforeEach
    void ingestTwoPersons() {
        flows = new Flows(Api.newSandbox());
        profiles = flows.profileDataset();
        otherProfiles = flows.profileDataset();
        events = flows.eventDataset();
        assertEquals("success", flows.ingestLines(profiles, person("ann@example.com", "Ann")).status());
        assertEquals("success", flows.ingestLines(otherProfiles, person("bob@example.com", "Bob")).status());
        assertEquals("success", flows.ingestLines(events, event("e1", "bob@example.com")).status());
    }

    @Test
    void datasetDeleteRemovesOnlyThatDataset() {
        Flows neighbour = new Flows(Api.newSandbox());
        String neighbourProfiles = neighbour.profileDataset();
        neighbour.ingestLines(neighbourProfiles, person("ann@example.com", "Ann"));

        String id = create(Map.of("dataSetId", profiles))
                .body("requestType", equalTo("TRUNCATE_DATASET"))
                .body("dataSetId", equalTo(profiles))
                .body("properties.datasetId", equalTo(profiles))
                .extract().path("id");
        JsonPath done = awaitSuccess(flows.sandbox(), id);

        assertEquals(1, JsonPath.from(done.getString("metrics")).getInt("recordsProcessed"));
        profileLookup(flows.sandbox(), "ann@example.com").then().statusCode(404);
        profileLookup(flows.sandbox(), "bob@example.com").then().statusCode(200);
        assertEquals(List.of("e1"), eventIds(flows.sandbox(), "bob@example.com"));
        profileLookup(neighbour.sandbox(), "ann@example.com").then().statusCode(200);
    }

    @Test
    void datasetDeleteKeepsIdentityGraph() {
        String id = create(Map.of("datasetId", profiles)).extract().path("id");
        awaitSuccess(flows.sandbox(), id);

        Api.as(flows.sandbox())
                .queryParams(Map.of("namespace", "Email", "id", "ann@example.com"))
                .when().get("/data/core/identity/cluster/members")
                .then().statusCode(200)
                .body("clusters[0].members.size()", equalTo(1));
    }

    @Test
    void batchDeleteRemovesOnlyThatBatch() {
        String first = flows.ingestLines(events, event("e2", "bob@example.com"), event("e3", "bob@example.com"))
                .batchId();
        flows.ingestLines(events, event("e4", "bob@example.com"));

        String id = create(Map.of("datasetId", events, "batchId", first))
                .body("requestType", equalTo("DELETE_EE_BATCH"))
                .body("batchId", equalTo(first))
                .body("dataSetId", nullValue())
                .body("properties.batchId", equalTo(first))
                .extract().path("id");
        awaitSuccess(flows.sandbox(), id);

        assertEquals(List.of("e1", "e4"), eventIds(flows.sandbox(), "bob@example.com"));
    }

    @Test
    void batchIdAloneUsesItsDataset() {
        String batch = flows.ingestLines(events, event("e2", "bob@example.com")).batchId();

        String id = create(Map.of("batchId", batch))
                .body("properties.datasetId", equalTo(events))
                .extract().path("id");
        awaitSuccess(flows.sandbox(), id);

        assertEquals(List.of("e1"), eventIds(flows.sandbox(), "bob@example.com"));
    }

    @Test
    void newRequestHasBothGenerationsOfFields() {
        create(Map.of("dataSetId", profiles))
                .body("status", equalTo("NEW"))
                .body("jobType", equalTo("DELETE"))
                .body("imsOrgId", equalTo(Api.ORG))
                .body("sandbox.sandboxName", equalTo(flows.sandbox()))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z"))
                .body("metrics", nullValue());
    }

    @Test
    void batchOfRecordDatasetIs400() {
        String batch = flows.ingestLines(profiles, person("cat@example.com", "Cat")).batchId();

        create(Map.of("datasetId", profiles, "batchId", batch), 400)
                .body("errorCode", equalTo("OP-400-BATCH-OF-RECORD-DATASET"))
                .body("errors.'400'[0].code", equalTo("500"))
                .body("errors.'400'[0].message", equalTo("Batch can only be specified for EE type '" + profiles + "'"));
    }

    @Test
    void batchOfAnotherDatasetIs400() {
        String otherEvents = flows.eventDataset();
        String batch = flows.ingestLines(otherEvents, event("x1", "bob@example.com")).batchId();

        create(Map.of("datasetId", events, "batchId", batch), 400)
                .body("errorCode", equalTo("OP-400-BATCH-NOT-IN-DATASET"))
                .body("errors.'400'[0].code", equalTo("400"))
                .body("errors.'400'[0].message", equalTo("Batch not found for profile dataset '" + events + "'"));
    }

    @Test
    void emptyBodyIs400() {
        create(Map.of(), 400)
                .body("field", equalTo("dataSetId"))
                .body("errors.'400'[0].code", equalTo("OP-400-MISSING-PARAMETER"));
    }

    @Test
    void unknownDatasetIs400() {
        create(Map.of("dataSetId", "000000000000000000000000"), 400)
                .body("field", equalTo("dataSetId"));
    }

    @Test
    void pendingDuplicateIs422() {
        for (int i = 0; i < 6; i++) {
            flows.ingestLines(profiles, person("p" + i + "@example.com", "P" + i));
        }
        String id = create(Map.of("dataSetId", profiles)).extract().path("id");

        create(Map.of("dataSetId", profiles), 422)
                .body("errorCode", equalTo("OP-422-DELETE-REQUEST-EXISTS"))
                .body("errors.'422'[0].code", equalTo("OP-422-DELETE-REQUEST-EXISTS"));
        awaitSuccess(flows.sandbox(), id);
        create(Map.of("dataSetId", profiles));
    }

    @Test
    void unknownRequestIs404() {
        Api.as(flows.sandbox())
                .when().get(PATH + "/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .body("errors.'404'[0].code", equalTo("OP-404-NOT-FOUND"));
    }

    @Test
    void postOnRequestIs405() {
        String id = create(Map.of("dataSetId", profiles)).extract().path("id");

        Api.raw()
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("x-api-key", Api.API_KEY)
                .header("x-gw-ims-org-id", Api.ORG)
                .header("x-sandbox-name", flows.sandbox())
                .when().post(PATH + "/" + id)
                .then().statusCode(405)
                .body("errors.'405'[0].code", equalTo("OP-405-METHOD-NOT-ALLOWED"));
    }

    @Test
    void deletedRequestIs404() {
        String id = create(Map.of("dataSetId", profiles)).extract().path("id");

        Api.as(flows.sandbox())
                .when().delete(PATH + "/" + id)
                .then().statusCode(200);

        Api.as(flows.sandbox())
                .when().get(PATH + "/" + id)
                .then().statusCode(404);
    }

    @Test
    void listPagesAndSorts() {
        String first = create(Map.of("dataSetId", profiles)).extract().path("id");
        String second = create(Map.of("dataSetId", otherProfiles)).extract().path("id");
        String third = create(Map.of("dataSetId", events)).extract().path("id");

        JsonPath firstPage = list(Map.of("limit", 2));
        JsonPath secondPage = list(Map.of("start", 1, "limit", 2));
        JsonPath olderPage = list(Map.of("page", 1, "limit", 2));
        JsonPath newestFirst = list(Map.of("sort", "createdAt:desc"));

        assertEquals(List.of(first, second), firstPage.getList("children.id"));
        assertEquals(3, firstPage.getInt("_page.totalCount"));
        assertEquals("0", firstPage.getString("_page.start"));
        assertEquals(1, firstPage.getInt("_page.next"));
        assertEquals(2, firstPage.getInt("_page.count"));
        assertEquals(List.of(third), secondPage.getList("children.id"));
        assertNull(secondPage.get("_page.next"));
        assertEquals(List.of(third), olderPage.getList("children.id"));
        assertEquals(List.of(third, second, first), newestFirst.getList("children.id"));
    }

    @Test
    void unknownSortFieldIs400() {
        Api.as(flows.sandbox())
                .queryParam("sort", "color:asc")
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("sort"));
    }

    private io.restassured.response.ValidatableResponse create(Map<String, Object> body) {
        return create(body, 200);
    }

    private io.restassured.response.ValidatableResponse create(Map<String, Object> body, int status) {
        return Api.as(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post(PATH)
                .then().statusCode(status);
    }

    private JsonPath list(Map<String, Object> query) {
        return Api.as(flows.sandbox()).queryParams(query)
                .when().get(PATH)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    static io.restassured.response.Response profileLookup(String sandbox, String email) {
        return Api.as(sandbox)
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", email, "entityIdNS", "Email"))
                .when().get(ENTITIES);
    }

    static List<String> eventIds(String sandbox, String email) {
        return Api.as(sandbox)
                .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                        "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", email,
                        "relatedEntityIdNS", "Email"))
                .when().get(ENTITIES)
                .then().statusCode(200)
                .extract().jsonPath().getList("children.entityId");
    }

    static String person(String email, String firstName) {
        return "{\"identityMap\": {\"Email\": [{\"id\": \"" + email + "\", \"primary\": true}]}, "
                + "\"person\": {\"name\": {\"firstName\": \"" + firstName + "\"}}}";
    }

    static String event(String id, String email) {
        return "{\"_id\": \"" + id + "\", \"timestamp\": \"2024-05-01T10:00:00Z\", \"identityMap\": {\"Email\": "
                + "[{\"id\": \"" + email + "\", \"primary\": true}]}}";
    }
}
