package io.openprofile.server.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.client.ApiClient;
import io.openprofile.client.ApiException;
import io.openprofile.client.api.BatchIngestionApi;
import io.openprofile.client.api.DataAccessApi;
import io.openprofile.client.api.EntitiesApi;
import io.openprofile.client.api.StreamingIngestionApi;
import io.openprofile.client.model.Batch;
import io.openprofile.client.model.BatchCreate;
import io.openprofile.client.model.EntityIdentity;
import io.openprofile.client.model.EntityLookupRequest;
import io.openprofile.client.model.FailedFileList;
import io.openprofile.client.model.InputFormat;
import io.openprofile.client.model.NamespaceCode;
import io.openprofile.client.model.SchemaName;
import io.openprofile.client.model.StreamingBatch;
import io.openprofile.client.model.StreamingBatchResponse;
import io.openprofile.client.model.StreamingConnection;
import io.openprofile.client.model.StreamingConnectionCreate;
import io.openprofile.client.model.StreamingMessage;
import io.openprofile.client.model.StreamingMessageBody;
import io.openprofile.client.model.StreamingMessageHeader;
import io.openprofile.client.model.StreamingResponse;
import io.openprofile.server.store.Json;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every ingestion, data-access, streaming and entity operation through the generated Java client. */
@QuarkusTest
class IngestionAndLookupClientTest {

    private Flows flows;
    private ApiClient client;
    private String profiles;
    private String events;

    @BeforeEach
    void createDatasets() {
        flows = new Flows(Api.newSandbox());
        client = Clients.forSandbox(flows.sandbox());
        profiles = flows.profileDataset();
        events = flows.eventDataset();
    }

    @Test
    void batchIngestionThenProfileLookup() throws Exception {
        BatchIngestionApi batches = new BatchIngestionApi(client);
        Batch batch = batches.createBatch(new BatchCreate().datasetId(profiles)
                .inputFormat(new InputFormat().format("json")));
        batches.uploadBatchFile(batch.getId(), profiles, "one.json",
                file("{\"identityMap\": {\"Email\": [{\"id\": \"c@example.com\"}]}, \"person\": {\"name\": "
                        + "{\"firstName\": \"Client\"}}}"));
        batches.actOnBatch(batch.getId(), "COMPLETE");
        assertEquals("success", flows.awaitBatch(batch.getId()).status());

        ObjectNode found = new EntitiesApi(client).getEntities("_xdm.context.profile", "c@example.com", "Email",
                null, null, null, null, null, null, null, null, null, null, null, null, null);

        ObjectNode entry = (ObjectNode) found.elements().next();
        assertEquals("Client", entry.path("entity").path("person").path("name").path("firstName").asText());
    }

    @Test
    void failedBatchFilesAreListedAndDownloaded() throws Exception {
        Flows.BatchOutcome outcome = flows.ingestLines(profiles, "{\"no\": \"identity\"}");
        DataAccessApi access = new DataAccessApi(client);

        FailedFileList list = access.listFailedRecords(outcome.batchId());
        String downloaded = access.getFailedRecordsFile(outcome.batchId(), list.getData().get(0).getName());

        assertEquals(1, list.getData().size());
        assertTrue(downloaded.contains("NO_IDENTITY"));
    }

    @Test
    void batchLookupAndDelete() throws Exception {
        flows.ingestLines(profiles, "{\"identityMap\": {\"Email\": [{\"id\": \"d@example.com\"}]}}");
        EntitiesApi entities = new EntitiesApi(client);

        ObjectNode found = entities.lookupEntities(new EntityLookupRequest()
                .schema(new SchemaName().name("_xdm.context.profile"))
                .identities(List.of(new EntityIdentity().entityId("d@example.com")
                        .entityIdNS(new NamespaceCode().code("Email")))));
        entities.deleteEntity("_xdm.context.profile", "d@example.com", "Email", null);
        ApiException gone = assertThrows(ApiException.class, () -> entities.deleteEntity("_xdm.context.profile",
                "d@example.com", "Email", null));

        assertEquals(1, found.size());
        assertEquals(404, gone.getCode());
        assertTrue(gone.getResponseBody().contains("\"statusCode\":\"404\""));
    }

    @Test
    void eventsPageThroughTheClient() throws Exception {
        flows.ingestLines(events, "{\"_id\": \"1\", \"timestamp\": \"2020-01-01T00:00:00Z\", "
                + "\"identityMap\": {\"ECID\": [{\"id\": \"5\"}]}}");

        ObjectNode page = new EntitiesApi(client).getEntities("_xdm.context.experienceevent", null, null,
                "_xdm.context.profile", "5", "ECID", null, null, null, null, 10, null, null, null, null, null);

        assertEquals(1, page.path("children").size());
        assertEquals("", page.path("_links").path("next").path("href").asText());
    }

    @Test
    void streamingThroughTheClient() throws Exception {
        StreamingIngestionApi streaming = new StreamingIngestionApi(client);
        StreamingConnection inlet = streaming.createStreamingConnection(new StreamingConnectionCreate()
                .name("client inlet").dataSetId(events));

        StreamingResponse single = streaming.streamRecord(inlet.getId(), message("1"), true);
        StreamingBatchResponse batch = streaming.streamRecords(inlet.getId(),
                new StreamingBatch().messages(List.of(message("2"), message("3"))));
        List<StreamingConnection> listed = streaming.listStreamingConnections();
        StreamingConnection fetched = streaming.getStreamingConnection(inlet.getId());

        assertEquals(inlet.getId(), single.getInletId());
        assertEquals(2, batch.getResponses().size());
        assertEquals(200, batch.getResponses().get(1).getStatus());
        assertEquals(1, listed.size());
        assertEquals(events, fetched.getDataSetId());
    }

    private StreamingMessage message(String id) {
        ObjectNode entity = Json.readObject("{\"_id\": \"" + id + "\", \"timestamp\": \"2020-01-01T00:00:00Z\", "
                + "\"identityMap\": {\"ECID\": [{\"id\": \"77\"}]}}");
        return new StreamingMessage().header(new StreamingMessageHeader().datasetId(events))
                .body(new StreamingMessageBody().xdmEntity(entity));
    }

    private static File file(String content) throws IOException {
        File file = File.createTempFile("openprofile-client", ".json");
        file.deleteOnExit();
        Files.writeString(file.toPath(), content);
        return file;
    }
}
