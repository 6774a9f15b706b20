package io.openprofile.server.preview;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Profile reports at {@code /data/core/ups/previewsamplestatus}, after ingestion and after a delete request. */
@QuarkusTest
class PreviewReportsTest {

    private static final String PATH = "/data/core/ups/previewsamplestatus";

    private Flows flows;
    private String crm;
    private String loyalty;
    private String events;

    /** Ann has records in both profile datasets, Bob in the first one and in the event dataset. */
    @BeforeEach
    void ingestTwoPersons() {
        flows = new Flows(Api.newSandbox());
        crm = flows.profileDataset();
        loyalty = flows.profileDataset();
        events = flows.eventDataset();
        flows.ingestLines(crm, person("ann@example.com"), person("bob@example.com"));
        flows.ingestLines(loyalty, person("ann@example.com"));
        flows.ingestLines(events, event("e1", "bob@example.com"));
    }

    @Test
    void statusCountsEveryProfile() {
        JsonPath status = awaitStatus(body -> "4".equals(body.getString("docCount"))
                && !body.getBoolean("sampleJobRunning.status"));

        assertEquals("2", status.getString("totalRows"));
        assertEquals("2", status.getString("numRowsToRead"));
        assertEquals(3, status.getLong("totalFragmentCount"));
        assertEquals("4", status.getString("cosmosDocCount"));
        assertEquals(1.0, status.getDouble("samplingRatio"));
        assertEquals("TASK_FINISHED", status.getString("status"));
    }

    @Test
    void datasetReportCountsProfilesPerDataset() {
        JsonPath report = awaitReport("/report/dataset", body -> body.getList("data").size() == 3);

        assertEquals(2, count(report, crm));
        assertEquals(1, count(report, loyalty));
        assertEquals(1, count(report, events));
        assertEquals(0.5, report.getDouble("data.find { it.value == '" + loyalty + "' }.samplePercentage"));
    }

    @Test
    void namespaceReportCountsEmail() {
        awaitReport("/report/dataset", body -> body.getList("data").size() == 3);
        JsonPath report = get("/report/namespace", null).then().statusCode(200).extract().jsonPath();

        assertEquals("Email", report.getString("data[0].code"));
        assertEquals("6", report.getString("data[0].value"));
        assertEquals(2, report.getInt("data[0].fullIDsCount"));
        assertEquals(3, report.getInt("data[0].fullIDsFragmentCount"));
    }

    @Test
    void overlapReportsSumToProfiles() {
        // A report is stored after each batch; wait for the one that covers all three datasets.
        awaitReport("/report/dataset", body -> body.getList("data").size() == 3);
        JsonPath datasets = get("/report/dataset/overlap", null).then().statusCode(200).extract().jsonPath();
        JsonPath namespaces = get("/report/namespace/overlap", null).then().statusCode(200).extract().jsonPath();

        assertEquals(Map.of(key(crm, loyalty), 1, key(crm, events), 1), datasets.getMap("data"));
        assertEquals(Map.of("Email", 2), namespaces.getMap("data"));
    }

    @Test
    void unstitchedReportCountsSingleIdentityPersons() {
        JsonPath report = awaitReport("/report/unstitchedProfiles",
                body -> body.getLong("data.totalNumberOfEvents") == 1);

        assertEquals(2, report.getLong("data.totalNumberOfProfiles"));
        assertEquals(2, report.getLong("data.unstitchedProfiles.'120days'.countOfProfiles"));
        assertEquals(1, report.getLong("data.unstitchedProfiles.'7days'.eventsAssociated"));
        assertEquals(2, report.getLong("data.unstitchedProfiles.'7days'.nsDistribution.Email.countOfProfiles"));
    }

    @Test
    void streamedRecordUpdatesReports() {
        awaitReport("/report/dataset", body -> body.getList("data").size() == 3);
        String inlet = flows.streamingConnection(crm);

        flows.stream(inlet, crm, person("cy@example.com"));
        JsonPath report = awaitReport("/report/dataset", body -> count(body, crm) == 3);
        JsonPath status = awaitStatus(body -> "3".equals(body.getString("totalRows")));

        assertEquals("true", report.getString("data.find { it.value == '" + crm + "' }.streamingIngestionEnabled"));
        assertEquals(4, status.getLong("totalFragmentCount"));
    }

    @Test
    void reportOfTodayIsFound() {
        awaitReport("/report/dataset", body -> body.getList("data").size() == 3);

        get("/report/dataset", LocalDate.now(ZoneOffset.UTC).toString())
                .then().statusCode(200);
    }

    @Test
    void dateWithoutReportIs404() {
        awaitReport("/report/dataset", body -> body.getList("data").size() == 3);

        get("/report/namespace", "2001-01-01")
                .then().statusCode(404)
                .body("field", equalTo("date"));
    }

    @Test
    void invalidDateIs400() {
        get("/report/dataset", "2024-02-30")
                .then().statusCode(400)
                .body("field", equalTo("date"));
    }

    @Test
    void sandboxWithoutDataHasNoReport() {
        Flows empty = new Flows(Api.newSandbox());

        Api.as(empty.sandbox())
                .when().get(PATH)
                .then().statusCode(200)
                .body("status", equalTo("NOT_STARTED"))
                .body("totalRows", equalTo("0"));
        Api.as(empty.sandbox())
                .when().get(PATH + "/report/dataset")
                .then().statusCode(404);
    }

    @Test
    void datasetDeleteUpdatesReports() {
        awaitReport("/report/dataset", body -> body.getList("data").size() == 3);
        Flows neighbour = new Flows(Api.newSandbox());
        String neighbourCrm = neighbour.profileDataset();
        neighbour.ingestLines(neighbourCrm, person("ann@example.com"));

        String id = Api.as(flows.sandbox()).contentType(ContentType.JSON).body(Map.of("dataSetId", crm))
                .when().post("/data/core/ups/system/jobs")
                .then().statusCode(200)
                .extract().path("id");
        JsonPath report = awaitReport("/report/dataset", body -> body.getList("data").size() == 1);
        JsonPath status = awaitStatus(body -> !body.getBoolean("sampleJobRunning.status"));

        assertEquals(List.of(loyalty), report.getList("data.value"));
        assertEquals("1", status.getString("totalRows"));
        assertEquals(1, status.getLong("totalFragmentCount"));
        assertEquals("SUCCESS", Api.as(flows.sandbox()).when().get("/data/core/ups/system/jobs/" + id)
                .then().statusCode(200).extract().path("status"));
        JsonPath untouched = awaitReport(neighbour.sandbox(), "/report/dataset",
                body -> body.getList("data").size() == 1);
        assertEquals(List.of(neighbourCrm), untouched.getList("data.value"));
    }

    private io.restassured.response.Response get(String report, String date) {
        var request = Api.as(flows.sandbox());
        if (date != null) {
            request = request.queryParam("date", date);
        }
        return request.when().get(PATH + report);
    }

    private JsonPath awaitStatus(Predicate<JsonPath> ready) {
        return await(flows.sandbox(), "", ready);
    }

    private JsonPath awaitReport(String report, Predicate<JsonPath> ready) {
        return await(flows.sandbox(), report, ready);
    }

    private static JsonPath awaitReport(String sandbox, String report, Predicate<JsonPath> ready) {
        return await(sandbox, report, ready);
    }

    /** Polls a report until {@code ready} accepts it, for at most a minute. */
    private static JsonPath await(String sandbox, String report, Predicate<JsonPath> ready) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        JsonPath last = null;
        while (Instant.now().isBefore(deadline)) {
            io.restassured.response.Response response = Api.as(sandbox).when().get(PATH + report);
            if (response.statusCode() == 200) {
                last = response.jsonPath();
                if (ready.test(last)) {
                    return last;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a profile report", e);
            }
        }
        throw new AssertionError("report " + report + " did not reach the expected state within a minute; last: "
                + (last == null ? "none" : last.prettify()));
    }

    private static int count(JsonPath report, String dataset) {
        return report.getInt("data.find { it.value == '" + dataset + "' }.sampleCount");
    }

    private static String key(String... datasets) {
        return String.join(",", new TreeSet<>(List.of(datasets)));
    }

    private static String person(String email) {
        return "{\"identityMap\": {\"Email\": [{\"id\": \"" + email + "\", \"primary\": true}]}}";
    }

    private static String event(String id, String email) {
        return "{\"_id\": \"" + id + "\", \"timestamp\": \"2024-05-01T10:00:00Z\", \"identityMap\": {\"Email\": "
                + "[{\"id\": \"" + email + "\", \"primary\": true}]}}";
    }
}
