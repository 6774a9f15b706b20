package io.openprofile.server.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.store.Database;
import io.openprofile.server.store.Sql;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A burst of streamed records queues one delayed profile report. The test profile sets
 * {@code openprofile.preview.streaming-refresh-delay} to 3 seconds, and the burst takes far less.
 */
@QuarkusTest
class StreamingReportRefreshTest {

    private static final int RECORDS = 5;

    @Inject
    Database database;

    @Test
    void burstOfRecordsQueuesOneReport() throws InterruptedException {
        Flows flows = new Flows(Api.newSandbox());
        String profiles = flows.profileDataset();
        String inlet = flows.streamingConnection(profiles);
        Instant started = Instant.now();

        for (int i = 0; i < RECORDS; i++) {
            flows.stream(inlet, profiles, "{\"identityMap\": {\"Email\": [{\"id\": \"s" + i + "@example.com\", "
                    + "\"primary\": true}]}}");
        }
        Duration burst = Duration.between(started, Instant.now());
        long queuedAfterBurst = reportJobs(flows.sandbox());
        JsonPath status = awaitTotalRows(flows.sandbox(), Integer.toString(RECORDS));

        assertTrue(burst.compareTo(Duration.ofSeconds(3)) < 0, "the burst took " + burst);
        assertEquals(1, queuedAfterBurst);
        assertEquals(1, reportJobs(flows.sandbox()));
        assertEquals(RECORDS, status.getLong("totalFragmentCount"));
    }

    private long reportJobs(String sandbox) {
        return database.inTransaction(connection -> Sql.queryOne(connection, "SELECT COUNT(*) FROM job "
                + "WHERE org_id = ? AND sandbox_name = ? AND job_type = ?", row -> row.getLong(1), Api.ORG,
                sandbox, PreviewRefresh.JOB_TYPE).orElseThrow());
    }

    /** Polls the report status until it counts {@code totalRows} profiles, for at most a minute. */
    private static JsonPath awaitTotalRows(String sandbox, String totalRows) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            JsonPath status = Api.as(sandbox)
                    .when().get("/data/core/ups/previewsamplestatus")
                    .then().statusCode(200)
                    .extract().jsonPath();
            if (totalRows.equals(status.getString("totalRows"))) {
                return status;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no report counted " + totalRows + " profiles within a minute");
    }
}
