package io.openprofile.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.store.Database;
import io.openprofile.server.store.Sql;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Exports;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An export that runs while ingestion merges two persons. The merged person takes the smaller
 * cluster id, which the walk has already passed, so without a snapshot the identities of the
 * other person would be missing from the file.
 */
@QuarkusTest
@TestProfile(ExportDuringMergeTest.SlowChunks.class)
class ExportDuringMergeTest {

    private static final int PERSONS = 10;

    /**
     * One person per chunk and a pause after each, so the export runs for about ten seconds. Extra
     * workers let the linking batch run beside the export even when a job left in the database by
     * an earlier test occupies one.
     */
    public static class SlowChunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openprofile.export.chunk-size", "1", "openprofile.export.chunk-delay", "1s",
                    "openprofile.jobs.workers", "4");
        }
    }

    @Inject
    Database database;

    @Test
    void mergeBehindCursorKeepsEveryIdentityOnce() throws InterruptedException {
        Flows flows = new Flows(Api.newSandbox());
        String profiles = flows.profileDataset();
        List<String> records = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            records.add(ExportJobsTest.record("m" + i + "@example.com", "M" + i, "Oslo"));
        }
        assertEquals("success", flows.ingestLines(profiles, records.toArray(String[]::new)).status());
        TreeMap<String, String> emailByCluster = emailsByCluster(flows.sandbox());
        String firstExported = emailByCluster.firstEntry().getValue();
        String lastExported = emailByCluster.lastEntry().getValue();
        String destination = flows.createDataset("export target", flows.createClassSchema(
                "Export " + System.nanoTime(), "https://ns.adobe.com/xdm/context/profile"));
        String linkDataset = flows.profileDataset();

        long id = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("destination", Map.of("datasetId", destination),
                        "schema", Map.of("name", "_xdm.context.profile")))
                .when().post(Exports.JOBS)
                .then().statusCode(200)
                .extract().jsonPath().getLong("id");
        awaitProgress(flows.sandbox(), id);
        String link = "{\"identityMap\": {\"Email\": [{\"id\": \"" + firstExported + "\", \"primary\": true}, "
                + "{\"id\": \"" + lastExported + "\"}]}}";
        assertEquals("success", flows.ingestLines(linkDataset, link).status());
        long doneAtMerge = progress(flows.sandbox(), id);
        JsonPath job = Exports.awaitJob(flows.sandbox(), id);

        assertTrue(doneAtMerge < PERSONS, "the merge committed after the export had finished");
        TreeMap<String, String> merged = emailsByCluster(flows.sandbox());
        assertEquals(PERSONS - 1, merged.size());
        assertTrue(merged.containsKey(emailByCluster.firstKey()), "the merged person keeps the smallest cluster id");
        assertEquals("SUCCEEDED", job.getString("status"));
        List<JsonPath> lines = Exports.download(flows.sandbox(), job.getString("destination.batchId"));
        assertEquals(PERSONS, lines.size());
        Map<String, Integer> linesPerEmail = new HashMap<>();
        for (JsonPath line : lines) {
            for (String email : line.getList("identityMap.Email.id", String.class)) {
                linesPerEmail.merge(email, 1, Integer::sum);
            }
        }
        for (int i = 0; i < PERSONS; i++) {
            assertEquals(1, linesPerEmail.getOrDefault("m" + i + "@example.com", 0), "lines with m" + i);
        }
    }

    /** Reads the sandbox's identity graph: each cluster id with one email of it, sorted by cluster id. */
    private TreeMap<String, String> emailsByCluster(String sandbox) {
        List<String[]> rows = database.inTransaction(connection -> Sql.query(connection,
                "SELECT cluster_id, id_value FROM identity_node WHERE org_id = ? AND sandbox_name = ?",
                row -> new String[] {row.getString(1), row.getString(2)}, Api.ORG, sandbox));
        TreeMap<String, String> byCluster = new TreeMap<>();
        rows.forEach(row -> byCluster.putIfAbsent(row[0], row[1]));
        return byCluster;
    }

    /** Waits until the first chunk is committed, so the cursor is past the smallest cluster id. */
    private static void awaitProgress(String sandbox, long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (progress(sandbox, id) >= 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("export job " + id + " wrote no chunk in 60 s");
    }

    private static long progress(String sandbox, long id) {
        return Api.as(sandbox)
                .when().get(Exports.JOBS + "/" + id)
                .then().statusCode(200)
                .extract().jsonPath().getLong("progress.profilesProcessed");
    }
}
