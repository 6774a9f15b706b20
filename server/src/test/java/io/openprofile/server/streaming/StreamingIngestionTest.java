package io.openprofile.server.streaming;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StreamingIngestionTest {

    private static final String CONNECTIONS = "/data/foundation/flowservice/connections";
    private static final String SAMPLES = "postman-identity-linking/streaming-requests/";

    private Flows flows;
    private String profiles;
    private String events;

    @BeforeEach
    void createDatasets() {
        flows = new Flows(Api.newSandbox());
        profiles = flows.profileDataset();
        events = flows.eventDataset();
    }

    @Test
    void streamedProfileIsReadable() {
        String inlet = connection(profiles, false);

        Api.bare().contentType(ContentType.JSON)
                .body(message(profiles, "{\"identityMap\": {\"Email\": [{\"id\": \"s@example.com\"}]}, "
                        + "\"person\": {\"name\": {\"firstName\": \"Streamed\"}}}"))
                .when().post("/collection/" + inlet)
                .then().statusCode(200)
                .body("inletId", equalTo(inlet));

        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "s@example.com",
                        "entityIdNS", "email"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200);
    }

    @Test
    void recordWithoutIdentityIs400WithErrors() {
        String inlet = connection(profiles, false);

        Api.bare().contentType(ContentType.JSON)
                .body(message(profiles, "{\"person\": {\"name\": {\"firstName\": \"Nobody\"}}}"))
                .when().post("/collection/" + inlet)
                .then().statusCode(400)
                .body("errors[0].code", equalTo("NO_IDENTITY"));
    }

    @Test
    void batchedMessagesAnswer207PerMessage() {
        String inlet = connection(events, false);
        String good = message(events, "{\"_id\": \"1\", \"timestamp\": \"2020-01-01T00:00:00Z\", "
                + "\"identityMap\": {\"ECID\": [{\"id\": \"9\"}]}}");
        String bad = message(events, "{\"_id\": \"2\", \"identityMap\": {\"ECID\": [{\"id\": \"9\"}]}}");

        Api.bare().contentType(ContentType.JSON)
                .body("{\"messages\": [" + good + ", " + bad + "]}")
                .when().post("/collection/batch/" + inlet)
                .then().statusCode(207)
                .body("responses", hasSize(2))
                .body("responses[0].status", equalTo(200))
                .body("responses[1].status", equalTo(400));
    }

    @Test
    void datasetOtherThanConnectionsIs400() {
        String inlet = connection(profiles, false);

        Api.bare().contentType(ContentType.JSON)
                .body(message(events, "{\"identityMap\": {\"Email\": [{\"id\": \"s@example.com\"}]}}"))
                .when().post("/collection/" + inlet)
                .then().statusCode(400)
                .body("field", equalTo("header.datasetId"));
    }

    @Test
    void authenticatedConnectionNeedsToken() {
        String inlet = connection(profiles, true);

        Api.bare().contentType(ContentType.JSON)
                .body(message(profiles, "{\"identityMap\": {\"Email\": [{\"id\": \"a@example.com\"}]}}"))
                .when().post("/collection/" + inlet)
                .then().statusCode(403)
                .body("error_code", equalTo("403010"));
        Api.bare().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Api.TOKEN).header("x-api-key", Api.API_KEY)
                .body(message(profiles, "{\"identityMap\": {\"Email\": [{\"id\": \"a@example.com\"}]}}"))
                .when().post("/collection/" + inlet)
                .then().statusCode(200);
    }

    @Test
    void unknownConnectionIs404() {
        Api.bare().contentType(ContentType.JSON)
                .body(message(profiles, "{}"))
                .when().post("/collection/0000")
                .then().statusCode(404);
    }

    @Test
    void connectionIsListedInItsSandboxOnly() {
        String inlet = connection(profiles, false);

        Api.as(flows.sandbox())
                .when().get(CONNECTIONS + "/" + inlet)
                .then().statusCode(200)
                .body("dataSetId", equalTo(profiles));
        Api.as(Api.newSandbox())
                .when().get(CONNECTIONS + "/" + inlet)
                .then().statusCode(404);
    }

    @Test
    void adobeStreamingSampleIsAccepted() throws IOException {
        String body = Files.readString(Samples.file(SAMPLES
                + "Check_Streaming_to_Profile__Streaming-Profile-Ingest-3-records-in-IdentityMap-variant.json"))
                .replace("{{IMS_ORG}}", Api.ORG)
                .replace("5de952059edecf18a837c44f", profiles);
        String inlet = connection(profiles, false);

        Api.bare().contentType(ContentType.JSON).body(body)
                .when().post("/collection/" + inlet)
                .then().statusCode(200);

        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "YnJ1bm9tYXJzQGFkb2JlLmNvbQ==",
                        "entityIdNS", "CRMID"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200);
    }

    private String connection(String datasetId, boolean authenticated) {
        return Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("name", "inlet", "dataSetId", datasetId, "authenticationRequired", authenticated))
                .when().post(CONNECTIONS)
                .then().statusCode(201)
                .extract().path("id");
    }

    private static String message(String datasetId, String entity) {
        return "{\"header\": {\"datasetId\": \"" + datasetId + "\", \"imsOrgId\": \"" + Api.ORG + "\"}, "
                + "\"body\": {\"xdmEntity\": " + entity + "}}";
    }

}
