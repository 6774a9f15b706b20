package io.openprofile.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Batches that link the same person, completed at the same moment and processed by concurrent
 * workers, end with one person that keeps every identity and every link.
 */
@QuarkusTest
class ConcurrentIngestionTest {

    private static final int BATCHES = 8;

    @Test
    void chainedLinksFromConcurrentBatchesFormOnePerson() {
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        List<String> batchIds = new ArrayList<>();
        for (int i = 0; i < BATCHES; i++) {
            // Batch i links ECID i to ECID i+1, so only all batches together connect the chain.
            String record = "{\"identityMap\": {\"ECID\": [{\"id\": \"chain-" + i + "\", \"primary\": true}, "
                    + "{\"id\": \"chain-" + (i + 1) + "\"}]}, \"loyalty\": {\"points\": " + i + "}}";
            batchIds.add(uploadedBatch(flows, dataset, record));
        }

        batchIds.parallelStream().forEach(batchId -> complete(flows, batchId));
        batchIds.forEach(batchId -> assertEquals("success", flows.awaitBatch(batchId).status()));

        Set<String> expected = new TreeSet<>();
        for (int i = 0; i <= BATCHES; i++) {
            expected.add("chain-" + i);
        }
        for (int i = 0; i <= BATCHES; i++) {
            assertEquals(expected, ecids(flows, "chain-" + i), "identities seen from chain-" + i);
        }
    }

    private static Set<String> ecids(Flows flows, String ecid) {
        JsonPath body = Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", ecid, "entityIdNS", "ECID"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
        String key = "'" + body.getMap("$").keySet().iterator().next() + "'";
        return new TreeSet<>(body.getList(key + ".entity.identityMap.ECID.id", String.class));
    }

    private static String uploadedBatch(Flows flows, String dataset, String record) {
        String batchId = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", dataset, "inputFormat", Map.of("format", "json")))
                .when().post("/data/foundation/import/batches")
                .then().statusCode(201)
                .extract().path("id");
        Api.as(flows.sandbox()).contentType("application/octet-stream")
                .body(record.getBytes(StandardCharsets.UTF_8))
                .when().put("/data/foundation/import/batches/" + batchId + "/datasets/" + dataset + "/files/r.json")
                .then().statusCode(200);
        return batchId;
    }

    private static void complete(Flows flows, String batchId) {
        Api.as(flows.sandbox()).queryParam("action", "COMPLETE")
                .when().post("/data/foundation/import/batches/" + batchId)
                .then().statusCode(200);
    }
}
