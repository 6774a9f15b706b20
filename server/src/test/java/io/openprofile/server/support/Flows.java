package io.openprofile.server.support;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The setup steps a user takes before reading profiles, done through the HTTP API: namespaces,
 * schemas, identity descriptors, datasets and batches. Each step asserts its documented status.
 */
public final class Flows {

    private final String sandbox;

    public Flows(String sandbox) {
        this.sandbox = sandbox;
    }

    public String sandbox() {
        return sandbox;
    }

    public void createNamespace(String code, String idType) {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", code + " namespace", "code", code, "idType", idType))
                .when().post("/data/core/idnamespace/identities")
                .then().statusCode(200);
    }

    /** Creates a field group from a body and returns its {@code $id}. */
    public String createFieldGroup(String body) {
        return Api.as(sandbox).contentType(ContentType.JSON).body(body)
                .when().post("/data/foundation/schemaregistry/tenant/fieldgroups")
                .then().statusCode(201)
                .extract().path("$id");
    }

    /** Creates a schema from a body and returns its {@code $id}. */
    public String createSchema(String body) {
        return Api.as(sandbox).contentType(ContentType.JSON).body(body)
                .when().post("/data/foundation/schemaregistry/tenant/schemas")
                .then().statusCode(201)
                .extract().path("$id");
    }

    /** Creates a schema of a standard class with no fields of its own, and returns its {@code $id}. */
    public String createClassSchema(String title, String classId) {
        String body = "{\"title\": \"" + title + "\", \"type\": \"object\", \"allOf\": [{\"$ref\": \"" + classId
                + "\"}]}";
        return createSchema(body);
    }

    public void createIdentityDescriptor(String schemaId, String path, String namespace, boolean primary) {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("@type", "xdm:descriptorIdentity", "xdm:sourceSchema", schemaId,
                        "xdm:sourceVersion", 1, "xdm:sourceProperty", path, "xdm:namespace", namespace,
                        "xdm:property", "xdm:code", "xdm:isPrimary", primary))
                .when().post("/data/foundation/schemaregistry/tenant/descriptors")
                .then().statusCode(201);
    }

    /** Creates a profile-enabled dataset for a schema and returns its id. */
    public String createDataset(String name, String schemaId) {
        List<String> refs = Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", name,
                        "schemaRef", Map.of("id", schemaId, "contentType", "application/vnd.adobe.xed-full+json;version=1"),
                        "tags", Map.of("unifiedProfile", List.of("enabled:true"),
                                "unifiedIdentity", List.of("enabled:true"))))
                .when().post("/data/foundation/catalog/dataSets")
                .then().statusCode(201)
                .extract().jsonPath().getList("$");
        return refs.get(0).substring(refs.get(0).lastIndexOf('/') + 1);
    }

    /** Sets the dataset's {@code fileDescription.format}, such as {@code parquet}, through a Catalog PATCH. */
    public void setFileFormat(String datasetId, String format) {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("fileDescription", Map.of("persisted", true, "format", format)))
                .when().patch("/data/foundation/catalog/dataSets/" + datasetId)
                .then().statusCode(200);
    }

    /** Creates a streaming connection that writes to the dataset and returns its id (the inlet id). */
    public String streamingConnection(String datasetId) {
        return Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "inlet", "dataSetId", datasetId, "authenticationRequired", false))
                .when().post("/data/foundation/flowservice/connections")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Streams one XDM record through a connection that needs no authentication, expecting 200. */
    public void stream(String inletId, String datasetId, String entity) {
        Api.bare().contentType(ContentType.JSON)
                .body("{\"header\": {\"datasetId\": \"" + datasetId + "\", \"imsOrgId\": \"" + Api.ORG + "\"}, "
                        + "\"body\": {\"xdmEntity\": " + entity + "}}")
                .when().post("/collection/" + inletId)
                .then().statusCode(200);
    }

    /** A batch and the status it ended in. */
    public record BatchOutcome(String batchId, String status) {
    }

    /** Ingests one JSON file through a batch and waits until processing ends. */
    public BatchOutcome ingest(String datasetId, String fileName, byte[] content) {
        return ingest(datasetId, "json", fileName, content);
    }

    /** Ingests one file through a batch of the given input format and waits up to three minutes for the outcome. */
    public BatchOutcome ingest(String datasetId, String format, String fileName, byte[] content) {
        return ingestFiles(datasetId, format, Map.of(fileName, content));
    }

    /**
     * Ingests several files, in the map's iteration order, through one batch of the given input format and waits
     * up to three minutes for the outcome.
     */
    public BatchOutcome ingestFiles(String datasetId, String format, Map<String, byte[]> files) {
        String batchId = Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("datasetId", datasetId, "inputFormat", Map.of("format", format)))
                .when().post("/data/foundation/import/batches")
                .then().statusCode(201)
                .extract().path("id");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Api.as(sandbox).contentType("application/octet-stream").body(file.getValue())
                    .when().put("/data/foundation/import/batches/" + batchId + "/datasets/" + datasetId + "/files/"
                            + file.getKey())
                    .then().statusCode(200);
        }
        Api.as(sandbox).queryParam("action", "COMPLETE")
                .when().post("/data/foundation/import/batches/" + batchId)
                .then().statusCode(200);
        // Large sample files such as the 23,055 Luma events need more than the default minute on a busy machine.
        return awaitBatch(batchId, Duration.ofMinutes(3));
    }

    /** Ingests JSON Lines text through a batch and waits until processing ends. */
    public BatchOutcome ingestLines(String datasetId, String... records) {
        return ingest(datasetId, "records.jsonl", String.join("\n", records).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Creates a profile-class schema and dataset that identify records by their identityMap. */
    public String profileDataset() {
        return createDataset("profiles", createClassSchema("Profiles " + System.nanoTime(),
                "https://ns.adobe.com/xdm/context/profile"));
    }

    /** Creates an experience-event schema and dataset that identify events by their identityMap. */
    public String eventDataset() {
        return createDataset("events", createClassSchema("Events " + System.nanoTime(),
                "https://ns.adobe.com/xdm/context/experienceevent"));
    }

    /** Polls Catalog until the batch is no longer processing, for at most 60 seconds. */
    public BatchOutcome awaitBatch(String batchId) {
        return awaitBatch(batchId, Duration.ofSeconds(60));
    }

    /** Polls Catalog until the batch is no longer processing, for at most {@code timeout}. */
    public BatchOutcome awaitBatch(String batchId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonPath batch = Api.as(sandbox)
                    .when().get("/data/foundation/catalog/batches/" + batchId)
                    .then().statusCode(anyOf(equalTo(200)))
                    .extract().jsonPath();
            String status = batch.getString("'" + batchId + "'.status");
            if ("success".equals(status) || "failed".equals(status)) {
                return new BatchOutcome(batchId, status);
            }
            sleep();
        }
        throw new AssertionError("batch " + batchId + " still processing after " + timeout.toSeconds() + " seconds");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a batch", e);
        }
    }
}
