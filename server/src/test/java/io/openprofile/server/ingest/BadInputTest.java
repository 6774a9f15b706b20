package io.openprofile.server.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inputs that once crashed the server or produced unclear errors. */
@QuarkusTest
class BadInputTest {

    private Flows flows;

    @BeforeEach
    void createSandbox() {
        flows = new Flows(Api.newSandbox());
    }

    @Test
    void nullLookupIdentityIs400() {
        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON)
                .body("{\"schema\": {\"name\": \"_xdm.context.profile\"}, \"identities\": [null]}")
                .when().post("/data/core/ups/access/entities")
                .then().statusCode(400)
                .body("field", equalTo("identities[0]"));
    }

    @Test
    void nullStreamingMessageGetsItsOwn400() {
        String dataset = flows.eventDataset();
        String inlet = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("name", "inlet", "dataSetId", dataset))
                .when().post("/data/foundation/flowservice/connections")
                .then().statusCode(201)
                .extract().path("id");

        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON)
                .body("{\"messages\": [null]}")
                .when().post("/collection/batch/" + inlet)
                .then().statusCode(207)
                .body("responses[0].status", equalTo(400));
    }

    @Test
    void malformedEscapeInRegistryIdIs404() {
        Api.as(flows.sandbox()).urlEncodingEnabled(false)
                .when().get("/data/foundation/schemaregistry/tenant/schemas/a%25zz")
                .then().statusCode(404);
    }

    @Test
    void deeplyNestedRecordFailsBatchWithReason() {
        String dataset = flows.profileDataset();
        String nested = "{\"n\":".repeat(1500) + "1" + "}".repeat(1500);

        Flows.BatchOutcome outcome = flows.ingestLines(dataset, nested);

        assertEquals("failed", outcome.status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.errors[0].code", equalTo("MALFORMED_RECORD"))
                .body("'" + outcome.batchId() + "'.errors[0].description", containsString("nesting depth"))
                .body("'" + outcome.batchId() + "'.errors[0].description", not(containsString("`")));
    }

    @Test
    void emptyFileFailsBatchWithReason() {
        String dataset = flows.profileDataset();
        String batchId = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", dataset, "inputFormat", Map.of("format", "json")))
                .when().post("/data/foundation/import/batches")
                .then().statusCode(201)
                .extract().path("id");
        Api.invalidRequestAs(flows.sandbox()).contentType("application/octet-stream").body(new byte[0])
                .when().put("/data/foundation/import/batches/" + batchId + "/datasets/" + dataset + "/files/e.json")
                .then().statusCode(200);
        Api.as(flows.sandbox()).queryParam("action", "COMPLETE")
                .when().post("/data/foundation/import/batches/" + batchId)
                .then().statusCode(200);

        Flows.BatchOutcome outcome = flows.awaitBatch(batchId);

        assertEquals("failed", outcome.status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.errors[0].code", equalTo("EMPTY_BATCH"));
    }

    @Test
    void fileNameWithSlashIs400() {
        String dataset = flows.profileDataset();
        String batchId = Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", dataset, "inputFormat", Map.of("format", "json")))
                .when().post("/data/foundation/import/batches")
                .then().statusCode(201)
                .extract().path("id");

        Api.as(flows.sandbox()).urlEncodingEnabled(false).contentType("application/octet-stream")
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .when().put("/data/foundation/import/batches/" + batchId + "/datasets/" + dataset
                        + "/files/..%2Fx.json")
                .then().statusCode(400)
                .body("field", equalTo("filePath"));
    }

    @Test
    void wrongBodyShapeNamesNoJavaClass() {
        String body = Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON)
                .body("{\"datasetId\": \"x\", \"inputFormat\": \"json\"}")
                .when().post("/data/foundation/import/batches")
                .then().statusCode(400)
                .body("field", equalTo("inputFormat"))
                .extract().asString();

        assertTrue(!body.contains("io.openprofile"), body);
        assertTrue(!body.contains("java."), body);
    }

    @Test
    void oversizedListIsSummarisedNotEchoed() {
        StringBuilder identities = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            identities.append(i == 0 ? "" : ",").append("{\"entityId\": \"id-").append(i)
                    .append("\", \"entityIdNS\": {\"code\": \"Email\"}}");
        }

        Api.invalidRequestAs(flows.sandbox()).contentType(ContentType.JSON)
                .body("{\"schema\": {\"name\": \"_xdm.context.profile\"}, \"identities\": [" + identities + "]}")
                .when().post("/data/core/ups/access/entities")
                .then().statusCode(400)
                .body("field", equalTo("identities"))
                .body("value", equalTo("101 items"))
                .body("detail.length()", lessThan(300));
    }
}
