package io.openprofile.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.DeleteRequests;
import io.openprofile.server.support.Exports;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.PackagedServers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Export and delete jobs queued at once on two packaged servers sharing one PostgreSQL database:
 * every job runs once, in one of the two processes, and its effect is applied once. The jobs pause
 * between chunks, so both processes poll the job table while the others are still running.
 */
class ConcurrentJobsIT {

    private static final int EXPORTS = 4;
    private static final int PERSONS = 30;
    private static final int DELETED_DATASETS = 3;
    private static final int DELETED_BATCHES = 3;
    private static final int ROWS_PER_TARGET = 6;
    private static final Pattern STARTED = Pattern.compile("job \\S+ \\((\\S+) of (\\S+)\\) started, attempt (\\d+)");

    private final PackagedServers servers = new PackagedServers(null);
    private int previousPort;

    @BeforeEach
    void requirePostgresql() throws SQLException {
        servers.requireSharedPostgresql();
        previousPort = RestAssured.port;
    }

    @AfterEach
    void stopServers() {
        servers.close();
        RestAssured.port = previousPort;
    }

    @Test
    void queuedJobsRunOnceAcrossProcesses() throws Exception {
        // Leases are long enough that a busy machine does not expire them: this test is about
        // claiming, and ExportRestartIT and TwoProcessesIT cover taking over an expired lease.
        String[] settings = {"openprofile.jobs.lease-duration=20s", "openprofile.jobs.poll-interval=100ms",
            "openprofile.export.chunk-size=5", "openprofile.export.chunk-delay=150ms",
            "openprofile.jobs.delete-chunk-size=2", "openprofile.jobs.delete-chunk-pause=150ms"};
        List<PackagedServers.Server> processes = List.of(servers.start(settings), servers.start(settings));
        RestAssured.port = processes.get(0).port();

        Flows exporting = new Flows(Api.newSandbox());
        List<String> destinations = prepareExports(exporting);
        Flows deleting = new Flows(Api.newSandbox());
        String events = deleting.eventDataset();
        List<String> profileDatasets = new ArrayList<>();
        for (int i = 0; i <= DELETED_DATASETS; i++) {
            profileDatasets.add(profileDatasetWithRows(deleting, "d" + i));
        }
        List<String> eventBatches = new ArrayList<>();
        for (int i = 0; i <= DELETED_BATCHES; i++) {
            eventBatches.add(eventBatch(deleting, events, "b" + i));
        }
        String keptDataset = profileDatasets.remove(DELETED_DATASETS);
        String keptBatch = eventBatches.remove(DELETED_BATCHES);

        List<Long> exportIds = new ArrayList<>();
        List<String> deleteIds = new ArrayList<>();
        int next = 0;
        for (String destination : destinations) {
            exportIds.add(queueExport(exporting.sandbox(), processes.get(next++ % 2).port(), destination));
        }
        for (String dataset : profileDatasets) {
            deleteIds.add(queueDelete(deleting.sandbox(), processes.get(next++ % 2).port(),
                    Map.of("dataSetId", dataset)));
        }
        for (String batch : eventBatches) {
            deleteIds.add(queueDelete(deleting.sandbox(), processes.get(next++ % 2).port(),
                    Map.of("datasetId", events, "batchId", batch)));
        }

        for (long id : exportIds) {
            assertExportedOnce(exporting.sandbox(), id);
        }
        for (String id : deleteIds) {
            JsonPath done = DeleteRequests.awaitSuccess(deleting.sandbox(), id);
            assertEquals(ROWS_PER_TARGET, JsonPath.from(done.getString("metrics")).getInt("recordsProcessed"),
                    "rows deleted by request " + id);
        }
        try (Connection connection = servers.connectToPostgresql()) {
            for (String dataset : profileDatasets) {
                assertEquals(0, count(connection, "profile_fragment", "dataset_id", dataset), "dataset " + dataset);
            }
            for (String batch : eventBatches) {
                assertEquals(0, count(connection, "experience_event", "batch_id", batch), "batch " + batch);
            }
            assertEquals(ROWS_PER_TARGET, count(connection, "profile_fragment", "dataset_id", keptDataset));
            assertEquals(ROWS_PER_TARGET, count(connection, "experience_event", "batch_id", keptBatch));
            assertEquals(PERSONS, count(connection, "profile_fragment", "sandbox_name", exporting.sandbox()));
            for (long id : exportIds) {
                assertSingleAttempt(connection, "profile-export", String.valueOf(id));
            }
            for (String id : deleteIds) {
                assertSingleAttempt(connection, "profile-delete", id);
            }
        }

        Set<String> subjects = new HashSet<>();
        exportIds.forEach(id -> subjects.add(String.valueOf(id)));
        subjects.addAll(deleteIds);
        Map<String, Integer> startsBySubject = new LinkedHashMap<>();
        for (PackagedServers.Server process : processes) {
            int startedHere = 0;
            Matcher started = STARTED.matcher(process.output());
            while (started.find()) {
                if (subjects.contains(started.group(2))) {
                    startsBySubject.merge(started.group(2), 1, Integer::sum);
                    startedHere++;
                }
            }
            assertTrue(startedHere > 0, "the server on port " + process.port() + " ran none of the jobs");
        }
        for (String subject : subjects) {
            assertEquals(1, startsBySubject.getOrDefault(subject, 0), "runs of the job of " + subject);
        }
    }

    /** Ingests {@value #PERSONS} persons and creates one destination dataset per export. */
    private static List<String> prepareExports(Flows flows) {
        String profiles = flows.profileDataset();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            records.add(person("p" + i + "@example.com", "P" + i));
        }
        assertEquals("success", flows.ingestLines(profiles, records.toArray(String[]::new)).status());
        String schema = flows.createClassSchema("Export " + System.nanoTime(), "https://ns.adobe.com/xdm/context/profile");
        List<String> destinations = new ArrayList<>();
        for (int i = 0; i < EXPORTS; i++) {
            destinations.add(flows.createDataset("export target " + i, schema));
        }
        return destinations;
    }

    private static String profileDatasetWithRows(Flows flows, String prefix) {
        String dataset = flows.profileDataset();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_TARGET; i++) {
            records.add(person(prefix + "-" + i + "@example.com", prefix.toUpperCase() + i));
        }
        assertEquals("success", flows.ingestLines(dataset, records.toArray(String[]::new)).status());
        return dataset;
    }

    /** Ingests one batch of events, each for its own person so that a delete takes several chunks. */
    private static String eventBatch(Flows flows, String dataset, String prefix) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < ROWS_PER_TARGET; i++) {
            records.add("{\"_id\": \"" + prefix + "-e" + i + "\", \"timestamp\": \"2024-05-01T10:00:00Z\", "
                    + "\"identityMap\": {\"Email\": [{\"id\": \"" + prefix + "-" + i + "@example.com\", "
                    + "\"primary\": true}]}}");
        }
        Flows.BatchOutcome outcome = flows.ingestLines(dataset, records.toArray(String[]::new));
        assertEquals("success", outcome.status());
        return outcome.batchId();
    }

    private static String person(String email, String firstName) {
        return "{\"identityMap\": {\"Email\": [{\"id\": \"" + email + "\", \"primary\": true}]}, "
                + "\"person\": {\"name\": {\"firstName\": \"" + firstName + "\"}}}";
    }

    private static long queueExport(String sandbox, int port, String destination) {
        return Api.as(sandbox).port(port).contentType(ContentType.JSON)
                .body(Map.of("destination", Map.of("datasetId", destination),
                        "schema", Map.of("name", "_xdm.context.profile")))
                .when().post(Exports.JOBS)
                .then().statusCode(200)
                .extract().jsonPath().getLong("id");
    }

    private static String queueDelete(String sandbox, int port, Map<String, Object> body) {
        return Api.as(sandbox).port(port).contentType(ContentType.JSON).body(body)
                .when().post(DeleteRequests.PATH)
                .then().statusCode(200)
                .extract().path("id");
    }

    /** Waits for an export and checks that its batch has one file with every person once. */
    private static void assertExportedOnce(String sandbox, long id) {
        JsonPath job = Exports.awaitJob(sandbox, id);
        assertEquals("SUCCEEDED", job.getString("status"), "export " + id);
        assertEquals(PERSONS, job.getInt("progress.profilesProcessed"), "persons of export " + id);
        assertEquals(PERSONS, job.getInt("progress.linesWritten"), "lines of export " + id);
        List<JsonPath> lines = Exports.download(sandbox, job.getString("destination.batchId"));
        assertEquals(PERSONS, lines.size(), "downloaded lines of export " + id);
        Set<String> names = new HashSet<>();
        for (JsonPath line : lines) {
            String name = line.getString("person.name.firstName");
            assertTrue(names.add(name), "export " + id + " has " + name + " twice");
        }
    }

    private static void assertSingleAttempt(Connection connection, String type, String subject) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT status, attempts FROM job WHERE job_type = ? AND subject_id = ?")) {
            statement.setString(1, type);
            statement.setString(2, subject);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "no " + type + " job for " + subject);
                assertEquals("SUCCEEDED", row.getString("status"), type + " job of " + subject);
                assertEquals(1, row.getInt("attempts"), "attempts of the " + type + " job of " + subject);
                assertTrue(!row.next(), "more than one " + type + " job for " + subject);
            }
        }
    }

    private static long count(Connection connection, String table, String column, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            statement.setString(1, value);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
