package io.openprofile.server.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Exports;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.ParquetRows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportJobsTest {

    static final String JOBS = "/data/core/ups/export/jobs";

    private Flows flows;
    private String destination;

    @BeforeEach
    void ingestProfiles() {
        flows = new Flows(Api.newSandbox());
        String profiles = flows.profileDataset();
        assertEquals("success", flows.ingestLines(profiles,
                record("ann@example.com", "Ann", "Berlin"),
                record("bob@example.com", "Bob", "Paris"),
                record("cy@example.com", "Cy", "Rome")).status());
        destination = flows.createDataset("export target", flows.createClassSchema("Export " + System.nanoTime(),
                "https://ns.adobe.com/xdm/context/profile"));
    }

    @Test
    void exportWritesOneLinePerProfile() {
        Response created = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(request(Map.of()))
                .when().post(JOBS)
                .then().statusCode(200)
                .body("status", equalTo("NEW"))
                .body("jobType", equalTo("BATCH"))
                .body("destination.datasetId", equalTo(destination))
                .extract().response();
        long id = created.jsonPath().getLong("id");

        assertEquals(JOBS + "/" + id, created.header("X-Location"));
        JsonPath job = Exports.awaitJob(flows.sandbox(), id);
        assertEquals("SUCCEEDED", job.getString("status"));
        assertEquals(3, job.getInt("progress.profilesProcessed"));
        assertEquals(3, job.getInt("progress.linesWritten"));
        assertTrue(job.getLong("metrics.totalTime.totalTimeInMs") >= 0);

        List<JsonPath> lines = Exports.download(flows.sandbox(), job.getString("destination.batchId"));
        assertEquals(3, lines.size());
        List<String> names = lines.stream().map(line -> line.getString("person.name.firstName")).sorted().toList();
        assertEquals(List.of("Ann", "Bob", "Cy"), names);
    }

    @Test
    void exportBatchIsInCatalog() {
        long id = create(request(Map.of()));
        String batchId = Exports.awaitJob(flows.sandbox(), id).getString("destination.batchId");

        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + batchId)
                .then().statusCode(200)
                .body("'" + batchId + "'.status", equalTo("success"))
                .body("'" + batchId + "'.relatedObjects.id", hasItem(destination));
    }

    @Test
    void fieldsRestrictTheLines() {
        long id = create(request(Map.of("fields", "person.name")));

        String batchId = Exports.awaitJob(flows.sandbox(), id).getString("destination.batchId");
        List<JsonPath> lines = Exports.download(flows.sandbox(), batchId);

        assertEquals(3, lines.size());
        for (JsonPath line : lines) {
            assertEquals(Map.of("person", Map.of("name", Map.of("firstName", line.getString("person.name.firstName")))),
                    line.getMap("$"));
        }
    }

    @Test
    void laterIngestTimestampExportsNothing() {
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        long id = create(request(Map.of("filter", Map.of("fromIngestTimestamp", future))));

        JsonPath job = Exports.awaitJob(flows.sandbox(), id);

        assertEquals("SUCCEEDED", job.getString("status"));
        assertEquals(0, job.getInt("progress.linesWritten"));
        assertEquals(0, Exports.download(flows.sandbox(), job.getString("destination.batchId")).size());
    }

    @Test
    void eventListAddsEvents() {
        ingestEvents();
        long id = create(request(Map.of("fields", "person",
                "additionalFields", Map.of("eventList", Map.of("fields", "_id")))));

        List<JsonPath> lines = Exports.download(flows.sandbox(),
                Exports.awaitJob(flows.sandbox(), id).getString("destination.batchId"));

        JsonPath ann = lineOf(lines, "Ann");
        assertEquals(List.of(Map.of("_id", "e1")), ann.getList("eventList"));
        assertEquals(List.of(), lineOf(lines, "Bob").getList("eventList"));
    }

    @Test
    void eventListFilterUsesIngestionTime() {
        ingestEvents();
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        long id = create(request(Map.of("additionalFields", Map.of("eventList",
                Map.of("filter", Map.of("fromIngestTimestamp", future))))));

        List<JsonPath> lines = Exports.download(flows.sandbox(),
                Exports.awaitJob(flows.sandbox(), id).getString("destination.batchId"));

        assertEquals(List.of(), lineOf(lines, "Ann").getList("eventList"));
    }

    @Test
    void emptyProfilesAddsEventOnlyPersons() {
        ingestEvents();
        long without = create(request(Map.of()));
        long with = create(request(Map.of("filter", Map.of("emptyProfiles", true))));

        List<JsonPath> defaultLines = Exports.download(flows.sandbox(),
                Exports.awaitJob(flows.sandbox(), without).getString("destination.batchId"));
        List<JsonPath> emptyLines = Exports.download(flows.sandbox(),
                Exports.awaitJob(flows.sandbox(), with).getString("destination.batchId"));

        assertEquals(3, defaultLines.size());
        assertEquals(4, emptyLines.size());
        JsonPath dan = emptyLines.stream()
                .filter(line -> "dan@example.com".equals(line.getString("identityMap.Email[0].id")))
                .findFirst().orElseThrow();
        assertEquals(Map.of("identityMap", Map.of("Email", List.of(Map.of("id", "dan@example.com")))),
                dan.getMap("$"));
    }

    @Test
    void parquetDatasetGetsParquetRows() throws IOException {
        flows.setFileFormat(destination, "parquet");
        long id = create(request(Map.of()));

        JsonPath job = Exports.awaitJob(flows.sandbox(), id);
        List<Group> rows = Exports.downloadParquet(flows.sandbox(), job.getString("destination.batchId"));

        assertEquals("SUCCEEDED", job.getString("status"));
        assertEquals(3, job.getInt("progress.linesWritten"));
        assertEquals(3, rows.size());
        List<String> names = rows.stream().map(ExportJobsTest::firstName).sorted().toList();
        assertEquals(List.of("Ann", "Bob", "Cy"), names);
        Group ann = rows.stream().filter(row -> "Ann".equals(firstName(row))).findFirst().orElseThrow();
        Group email = ann.getGroup("identityMap", 0).getGroup("Email", 0).getGroup("list", 0).getGroup("element", 0);
        assertEquals("ann@example.com", email.getString("id", 0));
        assertEquals("Berlin", ParquetRows.string(ParquetRows.group(ann, "homeAddress"), "city"));
    }

    @Test
    void parquetExportBatchHasParquetFormat() {
        flows.setFileFormat(destination, "parquet");
        long id = create(request(Map.of()));
        String batchId = Exports.awaitJob(flows.sandbox(), id).getString("destination.batchId");

        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + batchId)
                .then().statusCode(200)
                .body("'" + batchId + "'.status", equalTo("success"))
                .body("'" + batchId + "'.inputFormat.format", equalTo("parquet"));
    }

    @Test
    void fieldsRestrictParquetColumns() throws IOException {
        flows.setFileFormat(destination, "parquet");
        long id = create(request(Map.of("fields", "person.name")));

        String batchId = Exports.awaitJob(flows.sandbox(), id).getString("destination.batchId");
        List<Group> rows = Exports.downloadParquet(flows.sandbox(), batchId);

        assertEquals(3, rows.size());
        GroupType schema = rows.get(0).getType();
        assertEquals(1, schema.getFieldCount());
        assertEquals("person", schema.getFieldName(0));
        assertEquals(1, schema.getType("person").asGroupType().getFieldCount());
        assertEquals("name", schema.getType("person").asGroupType().getFieldName(0));
        for (Group row : rows) {
            assertNotNull(firstName(row));
        }
    }

    @Test
    void parquetExportWithoutRowsHasNoFiles() throws IOException {
        flows.setFileFormat(destination, "parquet");
        String future = Instant.now().plus(Duration.ofDays(1)).toString();
        long id = create(request(Map.of("filter", Map.of("fromIngestTimestamp", future))));

        JsonPath job = Exports.awaitJob(flows.sandbox(), id);

        assertEquals("SUCCEEDED", job.getString("status"));
        assertEquals(List.of(), Exports.downloadParquet(flows.sandbox(), job.getString("destination.batchId")));
    }

    @Test
    void unknownPartFileIs404() {
        flows.setFileFormat(destination, "parquet");
        long id = create(request(Map.of()));
        String batchId = Exports.awaitJob(flows.sandbox(), id).getString("destination.batchId");

        for (String name : List.of("part-00002.parquet", "profiles.json", "part-1.parquet")) {
            Exports.headers(flows.sandbox())
                    .when().get("/data/foundation/export/files/" + batchId + "-1?path=" + name)
                    .then().statusCode(404);
        }
    }

    @Test
    void unsupportedDatasetFormatIs400() {
        flows.setFileFormat(destination, "csv");

        Api.as(flows.sandbox()).contentType(ContentType.JSON).body(request(Map.of()))
                .when().post(JOBS)
                .then().statusCode(400)
                .body("detail", containsString("fileDescription.format"))
                .body("detail", containsString("csv"));
    }

    @Test
    void listShowsNewestFirstWithCursor() {
        long first = create(request(Map.of()));
        long second = create(request(Map.of()));

        JsonPath page = Api.as(flows.sandbox()).queryParam("limit", 1)
                .when().get(JOBS)
                .then().statusCode(200)
                .extract().jsonPath();
        assertEquals(second, page.getLong("records[0].id"));
        String offset = page.getString("page.pageOffset");
        assertTrue(page.getString("link.next").contains("offset=" + offset));

        JsonPath next = Api.as(flows.sandbox()).queryParams(Map.of("limit", 1, "offset", offset))
                .when().get(JOBS)
                .then().statusCode(200)
                .extract().jsonPath();
        assertEquals(first, next.getLong("records[0].id"));
        assertEquals("", next.getString("link.next"));
    }

    @Test
    void listAcceptsTrailingSlash() {
        long id = create(request(Map.of()));

        Api.invalidRequestAs(flows.sandbox())
                .when().get(JOBS + "/")
                .then().statusCode(200)
                .body("records.id", hasItem((int) id));
    }

    @Test
    void listFiltersByStatus() {
        long id = create(request(Map.of()));
        Exports.awaitJob(flows.sandbox(), id);

        Api.as(flows.sandbox()).queryParam("status", "SUCCEEDED")
                .when().get(JOBS)
                .then().statusCode(200)
                .body("records.id", hasItem((int) id));
        Api.as(flows.sandbox()).queryParam("status", "FAILED")
                .when().get(JOBS)
                .then().statusCode(200)
                .body("records.size()", equalTo(0));
    }

    @Test
    void cancelFinishedJobReturnsFalse() {
        long id = create(request(Map.of()));
        Exports.awaitJob(flows.sandbox(), id);

        Api.as(flows.sandbox())
                .when().delete(JOBS + "/" + id)
                .then().statusCode(200)
                .body("status", equalTo(false))
                .body("message", containsString("already ended"));
    }

    @Test
    void unknownJobIs404() {
        Api.as(flows.sandbox()).when().get(JOBS + "/999999999").then().statusCode(404);
        Api.as(flows.sandbox()).when().delete(JOBS + "/999999999").then().statusCode(404);
    }

    @Test
    void nonNumericIdIs400() {
        Api.invalidRequestAs(flows.sandbox())
                .when().get(JOBS + "/abc")
                .then().statusCode(400);
    }

    @Test
    void postOnJobIdIs405() {
        long id = create(request(Map.of()));

        Exports.headers(flows.sandbox()).contentType(ContentType.JSON).body("{}")
                .when().post(JOBS + "/" + id)
                .then().statusCode(405);
    }

    @Test
    void missingSchemaNameIs400() {
        Map<String, Object> body = request(Map.of());
        body.put("schema", Map.of());

        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post(JOBS)
                .then().statusCode(400)
                .body("detail", containsString("schema.name"));
    }

    @Test
    void missingDatasetIdIs400() {
        Map<String, Object> body = request(Map.of());
        body.put("destination", Map.of("segmentPerBatch", false));

        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post(JOBS)
                .then().statusCode(400)
                .body("detail", containsString("destination.datasetId"));
    }

    @Test
    void unknownDatasetIs400() {
        Map<String, Object> body = request(Map.of());
        body.put("destination", Map.of("datasetId", "nosuchdataset"));

        Api.as(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post(JOBS)
                .then().statusCode(400)
                .body("detail", containsString("destination.datasetId"));
    }

    @Test
    void unknownMergePolicyIs422() {
        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(request(Map.of("mergePolicy", Map.of("id", "no-such-policy", "version", 1))))
                .when().post(JOBS)
                .then().statusCode(422)
                .body("detail", containsString("mergePolicy.id"));
    }

    @Test
    void segmentFilterIsRejected() {
        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(request(Map.of("filter", Map.of("segments", List.of(Map.of("segmentId", "s1"))))))
                .when().post(JOBS)
                .then().statusCode(400)
                .body("detail", containsString("segmentation service"));
    }

    @Test
    void unknownBatchFilesIs404() {
        Api.as(flows.sandbox())
                .when().get("/data/foundation/export/batches/nosuchbatch/files")
                .then().statusCode(404);
    }

    /** Ingests one event of Ann and one of Dan, a person with no profile record. */
    private void ingestEvents() {
        String events = flows.eventDataset();
        assertEquals("success", flows.ingestLines(events, event("e1", "ann@example.com"),
                event("e2", "dan@example.com")).status());
    }

    private static String event(String id, String email) {
        return "{\"_id\": \"" + id + "\", \"timestamp\": \"2024-01-01T00:00:00Z\", "
                + "\"eventType\": \"commerce.purchases\", "
                + "\"identityMap\": {\"Email\": [{\"id\": \"" + email + "\", \"primary\": true}]}}";
    }

    private static String firstName(Group row) {
        return ParquetRows.string(ParquetRows.group(row, "person", "name"), "firstName");
    }

    private static JsonPath lineOf(List<JsonPath> lines, String firstName) {
        return lines.stream()
                .filter(line -> firstName.equals(line.getString("person.name.firstName")))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + firstName));
    }

    private long create(Map<String, Object> body) {
        return Api.as(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post(JOBS)
                .then().statusCode(200)
                .extract().jsonPath().getLong("id");
    }

    private Map<String, Object> request(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("destination", Map.of("datasetId", destination, "segmentPerBatch", false));
        body.put("schema", Map.of("name", "_xdm.context.profile"));
        body.putAll(extra);
        return body;
    }

    static String record(String email, String firstName, String city) {
        return "{\"identityMap\": {\"Email\": [{\"id\": \"" + email + "\", \"primary\": true}]}, "
                + "\"person\": {\"name\": {\"firstName\": \"" + firstName + "\"}}, "
                + "\"homeAddress\": {\"city\": \"" + city + "\"}}";
    }
}
