package io.openprofile.server.catalog;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.openprofile.server.ingest.BatchService;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.tenancy.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Catalog batch reads of batches that went through ingestion. The batches are created, loaded
 * and completed through {@link BatchService} in the test process, so these tests have no
 * packaged-jar variant.
 */
// TODO: create the batches through the Batch Ingestion API once its delegate exists, and add an IT.
@QuarkusTest
class CatalogBatchesTest {

    static final String BATCHES = "/data/foundation/catalog/batches";
    static final String PROFILE = "https://ns.adobe.com/xdm/context/profile";

    private final String sandbox = Api.newSandbox();
    private final Flows flows = new Flows(sandbox);

    @Inject
    BatchService batches;

    @Test
    void ingestedBatchReadsAsSuccess() {
        String datasetId = ingestionTarget("Ingested");
        Flows.BatchOutcome outcome = ingest(datasetId, "people.json",
                "{\"personalEmail\": {\"address\": \"ada@example.com\"}}\n".getBytes(StandardCharsets.UTF_8));
        String id = outcome.batchId();

        Api.as(sandbox)
                .when().get(BATCHES + "/" + id)
                .then().statusCode(200)
                .body("$", aMapWithSize(1))
                .body(id + ".id", equalTo(id))
                .body(id + ".status", equalTo("success"))
                .body(id + ".imsOrg", equalTo(Api.ORG))
                .body(id + ".relatedObjects[0].type", equalTo("dataSet"))
                .body(id + ".relatedObjects[0].id", equalTo(datasetId))
                .body(id + ".inputFormat.format", equalTo("json"))
                .body(id + ".metrics.recordsRead", equalTo(1))
                .body(id + ".metrics.recordsWritten", equalTo(1))
                .body(id + ".errors", empty());
    }

    @Test
    void failedBatchListsErrors() {
        String datasetId = ingestionTarget("Failing");
        Flows.BatchOutcome outcome = ingest(datasetId, "broken.json",
                "{\"personalEmail\": \n".getBytes(StandardCharsets.UTF_8));
        String id = outcome.batchId();

        Api.as(sandbox)
                .when().get(BATCHES + "/" + id)
                .then().statusCode(200)
                .body(id + ".status", equalTo("failed"))
                .body(id + ".errors[0].code", notNullValue())
                .body(id + ".errors[0].recordCount", equalTo(1));
    }

    @Test
    void batchListFiltersByDatasetAndStatus() {
        String datasetId = ingestionTarget("Filtered");
        String id = ingest(datasetId, "people.json",
                "{\"personalEmail\": {\"address\": \"bob@example.com\"}}\n".getBytes(StandardCharsets.UTF_8))
                .batchId();

        Api.as(sandbox).queryParam("dataSet", datasetId)
                .when().get(BATCHES)
                .then().statusCode(200)
                .body("$", aMapWithSize(1))
                .body(id + ".status", equalTo("success"));
        Api.as(sandbox).queryParam("status", "success")
                .when().get(BATCHES)
                .then().statusCode(200)
                .body("$", hasKey(id));
        Api.as(sandbox).queryParam("status", "failed")
                .when().get(BATCHES)
                .then().statusCode(200)
                .body("$", aMapWithSize(0));
    }

    @Test
    void batchIsInvisibleFromOtherSandbox() {
        String datasetId = ingestionTarget("Hidden batch");
        String id = ingest(datasetId, "people.json",
                "{\"personalEmail\": {\"address\": \"eve@example.com\"}}\n".getBytes(StandardCharsets.UTF_8))
                .batchId();

        Api.as(Api.newSandbox())
                .when().get(BATCHES + "/" + id)
                .then().statusCode(404);
        Api.as("OTHERORG1@AdobeOrg", sandbox)
                .when().get(BATCHES + "/" + id)
                .then().statusCode(404);
    }

    /** Creates a profile dataset whose schema identifies records by their email address. */
    private String ingestionTarget(String name) {
        String schemaId = flows.createClassSchema(name, PROFILE);
        flows.createIdentityDescriptor(schemaId, "/personalEmail/address", "Email", true);
        return flows.createDataset(name, schemaId);
    }

    /** Loads one file into a new batch, completes it and waits until Catalog shows it finished. */
    private Flows.BatchOutcome ingest(String datasetId, String fileName, byte[] content) {
        Tenant tenant = new Tenant(Api.ORG, sandbox);
        String batchId = batches.create(tenant, datasetId, "json", false).id();
        batches.upload(tenant, batchId, datasetId, fileName, new ByteArrayInputStream(content));
        batches.complete(tenant, batchId);
        return flows.awaitBatch(batchId);
    }
}
