package io.openprofile.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.PackagedServers;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged servers on one PostgreSQL database, as users scale out. Runs only when the tests
 * are pointed at PostgreSQL (the embedded store cannot be shared by two processes).
 */
class TwoProcessesIT {

    private static final int CHAIN = 8;

    private final PackagedServers servers = new PackagedServers(null);
    private final List<PackagedServers.Server> started = new ArrayList<>();

    @BeforeEach
    void requirePostgresql() throws SQLException {
        servers.requireSharedPostgresql();
    }

    @AfterEach
    void stopServers() {
        servers.close();
    }

    @Test
    void linkedIdentitiesFromTwoProcessesFormOnePerson() throws Exception {
        int first = start();
        int second = start();
        RestAssured.port = first;
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();

        List<String> batchIds = new ArrayList<>();
        for (int i = 0; i < CHAIN; i++) {
            RestAssured.port = i % 2 == 0 ? first : second;
            String record = "{\"identityMap\": {\"ECID\": [{\"id\": \"p-" + i + "\", \"primary\": true}, "
                    + "{\"id\": \"p-" + (i + 1) + "\"}]}}";
            batchIds.add(completedBatch(flows, dataset, record.getBytes(StandardCharsets.UTF_8)));
        }
        for (String batchId : batchIds) {
            assertEquals("success", flows.awaitBatch(batchId).status());
        }

        RestAssured.port = second;
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i <= CHAIN; i++) {
            expected.add("p-" + i);
        }
        JsonPath body = Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "p-0", "entityIdNS", "ECID"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
        String key = "'" + body.getMap("$").keySet().iterator().next() + "'";
        assertEquals(expected, new TreeSet<>(body.getList(key + ".entity.identityMap.ECID.id", String.class)));
    }

    @Test
    void jobOfKilledProcessIsResumedByOther() throws Exception {
        int first = start();
        RestAssured.port = first;
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        StringBuilder file = new StringBuilder();
        int records = 20_000;
        for (int i = 0; i < records; i++) {
            file.append("{\"identityMap\": {\"Email\": [{\"id\": \"m").append(i)
                    .append("@example.com\"}]}, \"loyalty\": {\"points\": ").append(i).append("}}\n");
        }
        String batchId = completedBatch(flows, dataset, file.toString().getBytes(StandardCharsets.UTF_8));

        String owner = awaitLeaseOwner(batchId);
        started.get(0).kill();
        int second = start();
        RestAssured.port = second;

        assertEquals("success", flows.awaitBatch(batchId).status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + batchId)
                .then().statusCode(200)
                .body("'" + batchId + "'.metrics.recordsWritten", org.hamcrest.Matchers.equalTo(records));
        assertTrue(jobAttempts(batchId) >= 2, "the second process must have claimed the job again");
        assertTrue(!owner.isEmpty(), "the first process must have held the lease before it was killed");
    }

    private String completedBatch(Flows flows, String dataset, byte[] content) {
        String batchId = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", dataset, "inputFormat", Map.of("format", "json")))
                .when().post("/data/foundation/import/batches")
                .then().statusCode(201)
                .extract().path("id");
        Api.as(flows.sandbox()).contentType("application/octet-stream").body(content)
                .when().put("/data/foundation/import/batches/" + batchId + "/datasets/" + dataset + "/files/f.json")
                .then().statusCode(200);
        Api.as(flows.sandbox()).queryParam("action", "COMPLETE")
                .when().post("/data/foundation/import/batches/" + batchId)
                .then().statusCode(200);
        return batchId;
    }

    /** Starts a packaged server with short job leases and returns its port. */
    private int start() throws IOException, InterruptedException {
        PackagedServers.Server server = servers.start("openprofile.jobs.lease-duration=3s",
                "openprofile.jobs.poll-interval=200ms");
        started.add(server);
        return server.port();
    }

    /** Waits until some process holds the lease of the batch's processing job and returns its owner. */
    private String awaitLeaseOwner(String batchId) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String owner = queryJob(batchId, "lease_owner");
            if (owner != null) {
                return owner;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no process claimed the job of batch " + batchId + " within 30 s");
    }

    private int jobAttempts(String batchId) throws SQLException {
        return Integer.parseInt(queryJob(batchId, "attempts"));
    }

    private String queryJob(String batchId, String column) throws SQLException {
        try (Connection connection = servers.connectToPostgresql();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + column + " FROM job WHERE subject_id = ?")) {
            statement.setString(1, batchId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
