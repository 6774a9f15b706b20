package io.openprofile.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int CHAIN = 8;

    private final List<Process> servers = new ArrayList<>();

    @BeforeEach
    void requirePostgresql() {
        assumeTrue("true".equals(System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_ACTIVE")),
                "runs only when QUARKUS_DATASOURCE_POSTGRESQL_ACTIVE=true points the tests at PostgreSQL");
        assumeTrue(Files.exists(JAR), "packaged server not found at " + JAR.toAbsolutePath());
    }

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
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
        servers.get(0).destroyForcibly().waitFor();
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

    /** Starts a packaged server on a free port with short job leases and waits until it is ready. */
    private int start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("openprofile-server-" + port, ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dopenprofile.jobs.lease-duration=3s", "-Dopenprofile.jobs.poll-interval=200ms",
                "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        servers.add(process);
        awaitReady(port, log);
        return port;
    }

    private static void awaitReady(int port, Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server on port " + port + " not ready after 60 s; log: " + Files.readString(log));
    }

    /** Waits until some process holds the lease of the batch's processing job and returns its owner. */
    private static String awaitLeaseOwner(String batchId) throws SQLException, InterruptedException {
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

    private static int jobAttempts(String batchId) throws SQLException {
        return Integer.parseInt(queryJob(batchId, "attempts"));
    }

    private static String queryJob(String batchId, String column) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL"),
                System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_USERNAME"),
                System.getenv("QUARKUS_DATASOURCE_POSTGRESQL_PASSWORD"));
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT " + column + " FROM job WHERE subject_id = ?")) {
            statement.setString(1, batchId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
