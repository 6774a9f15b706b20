package io.openprofile.server.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchIngestionTest {

    private static final String BATCHES = "/data/foundation/import/batches";
    private static final String GOOD = "{\"identityMap\": {\"Email\": [{\"id\": \"good@example.com\"}]}, "
            + "\"person\": {\"name\": {\"firstName\": \"Good\"}}}";
    private static final String NO_IDENTITY = "{\"person\": {\"name\": {\"firstName\": \"Nobody\"}}}";

    private Flows flows;
    private String dataset;

    @BeforeEach
    void createDataset() {
        flows = new Flows(Api.newSandbox());
        dataset = flows.profileDataset();
    }

    @Test
    void jsonArrayFileIsIngested() {
        byte[] file = ("[" + GOOD + "]").getBytes(StandardCharsets.UTF_8);

        Flows.BatchOutcome outcome = flows.ingest(dataset, "array.json", file);

        assertEquals("success", outcome.status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.metrics.recordsRead", equalTo(1))
                .body("'" + outcome.batchId() + "'.metrics.recordsWritten", equalTo(1))
                .body("'" + outcome.batchId() + "'.relatedObjects[0].id", equalTo(dataset));
    }

    @Test
    void batchWithOneBadRecordAppliesNothing() {
        Flows.BatchOutcome outcome = flows.ingestLines(dataset, GOOD, NO_IDENTITY);

        assertEquals("failed", outcome.status());
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "good@example.com",
                        "entityIdNS", "Email"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(404);
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.metrics.failedRecordCount", equalTo(1))
                .body("'" + outcome.batchId() + "'.errors[0].code", equalTo("NO_IDENTITY"));
    }

    @Test
    void failedRecordsAreDownloadableWithErrors() {
        Flows.BatchOutcome outcome = flows.ingestLines(dataset, GOOD, NO_IDENTITY, "{not json");

        JsonPath list = Api.as(flows.sandbox())
                .when().get("/data/foundation/export/batches/" + outcome.batchId() + "/failed")
                .then().statusCode(200)
                .extract().jsonPath();
        String name = list.getString("data[0].name");
        String href = list.getString("data[0]._links.self.href");
        String content = Api.as(flows.sandbox()).accept("text/plain")
                .when().get(href)
                .then().statusCode(200)
                .extract().asString();
        String[] lines = content.split("\n");

        assertEquals("records.jsonl.errors.jsonl", name);
        assertEquals(2, lines.length, content);
        assertEquals(true, lines[0].contains("\"NO_IDENTITY\""));
        assertEquals(true, lines[0].contains("Nobody"));
        assertEquals(true, lines[1].contains("\"MALFORMED_RECORD\""));
    }

    @Test
    void unknownDatasetIs400() {
        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", "000000000000000000000000", "inputFormat", Map.of("format", "json")))
                .when().post(BATCHES)
                .then().statusCode(400)
                .body("field", equalTo("datasetId"))
                .body("value", equalTo("000000000000000000000000"));
    }

    @Test
    void unsupportedFormatIs400() {
        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", dataset, "inputFormat", Map.of("format", "csv")))
                .when().post(BATCHES)
                .then().statusCode(400)
                .body("field", equalTo("inputFormat.format"));
    }

    @Test
    void completeWithoutFilesIs400() {
        String batchId = createBatch();

        Api.as(flows.sandbox()).queryParam("action", "COMPLETE")
                .when().post(BATCHES + "/" + batchId)
                .then().statusCode(400)
                .body("errorCode", equalTo("OP-400-BATCH-EMPTY"));
    }

    @Test
    void unknownActionIs400() {
        String batchId = createBatch();

        Api.as(flows.sandbox()).queryParam("action", "FINISH")
                .when().post(BATCHES + "/" + batchId)
                .then().statusCode(400)
                .body("field", equalTo("action"));
    }

    @Test
    void uploadAfterCompleteIs400() {
        Flows.BatchOutcome outcome = flows.ingestLines(dataset, GOOD);

        Api.as(flows.sandbox()).contentType("application/octet-stream").body(GOOD.getBytes(StandardCharsets.UTF_8))
                .when().put(BATCHES + "/" + outcome.batchId() + "/datasets/" + dataset + "/files/late.json")
                .then().statusCode(400)
                .body("message", containsString("only a loading batch"));
    }

    @Test
    void abortedBatchIsNeverApplied() {
        String batchId = createBatch();
        Api.as(flows.sandbox()).contentType("application/octet-stream").body(GOOD.getBytes(StandardCharsets.UTF_8))
                .when().put(BATCHES + "/" + batchId + "/datasets/" + dataset + "/files/a.json")
                .then().statusCode(200);

        Api.as(flows.sandbox()).queryParam("action", "ABORT")
                .when().post(BATCHES + "/" + batchId)
                .then().statusCode(200);

        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + batchId)
                .then().statusCode(200)
                .body("'" + batchId + "'.status", equalTo("aborted"));
    }

    @Test
    void batchOfOtherSandboxIs404() {
        String batchId = createBatch();

        Api.as(Api.newSandbox())
                .when().get("/data/foundation/catalog/batches/" + batchId)
                .then().statusCode(404);
    }

    private String createBatch() {
        return Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", dataset, "inputFormat", Map.of("format", "json")))
                .when().post(BATCHES)
                .then().statusCode(201)
                .body("status", equalTo("loading"))
                .extract().path("id");
    }
}
