package io.openprofile.server.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.ParquetFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches of Parquet files through the HTTP API: ingestion, per-row errors and files in the wrong format. */
@QuarkusTest
class ParquetIngestionTest {

    private static final String BATCHES = "/data/foundation/import/batches";
    private static final MessageType PROFILE = MessageTypeParser.parseMessageType("""
            message profile {
              optional group identityMap (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional group value (LIST) {
                    repeated group list {
                      optional group element {
                        optional binary id (STRING);
                        optional boolean primary;
                      }
                    }
                  }
                }
              }
              optional group person {
                optional group name {
                  optional binary firstName (STRING);
                }
              }
              optional group loyalty {
                optional int32 points;
                optional int64 joined (TIMESTAMP(MICROS,true));
                optional int32 balance (DECIMAL(9,2));
              }
            }
            """);
    private static final MessageType EVENT = MessageTypeParser.parseMessageType("""
            message event {
              optional binary _id (STRING);
              optional binary timestamp (STRING);
              optional group endUserIDs {
                optional group _experience {
                  optional group mcid {
                    optional binary id (STRING);
                    optional group namespace {
                      optional binary code (STRING);
                    }
                  }
                }
              }
            }
            """);

    private Flows flows;
    private String dataset;

    @BeforeEach
    void createDataset() {
        flows = new Flows(Api.newSandbox());
        dataset = flows.profileDataset();
    }

    @Test
    void parquetFileIsIngested() {
        byte[] file = ParquetFiles.bytes(PROFILE, profile("ada@example.com", "Ada"), profile("bob@example.com", "Bob"));

        Flows.BatchOutcome outcome = flows.ingest(dataset, "parquet", "profiles.parquet", file);

        assertEquals("success", outcome.status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.inputFormat.format", equalTo("parquet"))
                .body("'" + outcome.batchId() + "'.metrics.recordsRead", equalTo(2))
                .body("'" + outcome.batchId() + "'.metrics.recordsWritten", equalTo(2));
        JsonPath entity = lookup("ada@example.com");
        String key = "'" + entity.getMap("$").keySet().iterator().next() + "'";
        assertEquals("Ada", entity.getString(key + ".entity.person.name.firstName"));
        assertEquals(1200, entity.getInt(key + ".entity.loyalty.points"));
        assertEquals("2018-11-05T10:20:30.123456Z", entity.getString(key + ".entity.loyalty.joined"));
        assertEquals("12.5", entity.getString(key + ".entity.loyalty.balance"));
    }

    @Test
    void formatNameIsCaseInsensitive() {
        Api.as(flows.sandbox()).contentType(ContentType.JSON)
                .body(Map.of("datasetId", dataset, "inputFormat", Map.of("format", "Parquet")))
                .when().post(BATCHES)
                .then().statusCode(201)
                .body("inputFormat.format", equalTo("parquet"));
    }

    @Test
    void rowWithoutIdentityFailsBatch() {
        Group nobody = new SimpleGroupFactory(PROFILE).newGroup();
        nobody.addGroup("person").addGroup("name").append("firstName", "Nobody");
        byte[] file = ParquetFiles.bytes(PROFILE, profile("ada@example.com", "Ada"), nobody);

        Flows.BatchOutcome outcome = flows.ingest(dataset, "parquet", "profiles.parquet", file);

        assertEquals("failed", outcome.status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.metrics.failedRecordCount", equalTo(1))
                .body("'" + outcome.batchId() + "'.errors[0].code", equalTo("NO_IDENTITY"))
                .body("'" + outcome.batchId() + "'.errors[0].description", containsString("profiles.parquet, record 2"));
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ada@example.com",
                        "entityIdNS", "Email"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(404);
    }

    @Test
    void failedRowIsDownloadableAsJson() {
        Group nobody = new SimpleGroupFactory(PROFILE).newGroup();
        nobody.addGroup("person").addGroup("name").append("firstName", "Nobody");
        byte[] file = ParquetFiles.bytes(PROFILE, profile("ada@example.com", "Ada"), nobody);
        Flows.BatchOutcome outcome = flows.ingest(dataset, "parquet", "profiles.parquet", file);

        JsonPath list = Api.as(flows.sandbox())
                .when().get("/data/foundation/export/batches/" + outcome.batchId() + "/failed")
                .then().statusCode(200)
                .extract().jsonPath();
        String content = Api.as(flows.sandbox()).accept("text/plain")
                .when().get(list.getString("data[0]._links.self.href"))
                .then().statusCode(200)
                .extract().asString();
        JsonPath line = JsonPath.from(content.strip());

        assertEquals("profiles.parquet.errors.jsonl", list.getString("data[0].name"));
        assertEquals(1, content.strip().split("\n").length, content);
        assertEquals("Nobody", line.getString("person.name.firstName"));
        assertEquals("NO_IDENTITY", line.getString("_errors[0].code"));
    }

    @Test
    void badEventTimestampIsReportedPerRow() {
        String events = flows.eventDataset();
        byte[] file = ParquetFiles.bytes(EVENT, event("e1", "2018-11-05T10:20:30.123456789Z"),
                event("e2", "yesterday"));

        Flows.BatchOutcome outcome = flows.ingest(events, "parquet", "events.parquet", file);

        assertEquals("failed", outcome.status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.metrics.recordsRead", equalTo(2))
                .body("'" + outcome.batchId() + "'.metrics.failedRecordCount", equalTo(1))
                .body("'" + outcome.batchId() + "'.errors[0].code", equalTo("INVALID_TIMESTAMP"))
                .body("'" + outcome.batchId() + "'.errors[0].description", containsString("events.parquet, record 2"));
    }

    @Test
    void nanosecondEventTimestampIsAccepted() {
        String events = flows.eventDataset();
        byte[] file = ParquetFiles.bytes(EVENT, event("e1", "2018-11-05T10:20:30.123456789Z"));

        Flows.BatchOutcome outcome = flows.ingest(events, "parquet", "events.parquet", file);

        assertEquals("success", outcome.status());
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                        "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", "111",
                        "relatedEntityIdNS", "ECID"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .body("children[0].entityId", equalTo("e1"))
                .body("children[0].timestamp", equalTo(1_541_413_230_123L))
                .body("children[0].entity.timestamp", equalTo("2018-11-05T10:20:30.123456789Z"));
    }

    @Test
    void jsonFileInParquetBatchFails() {
        byte[] json = "{\"identityMap\": {\"Email\": [{\"id\": \"ada@example.com\"}]}}".getBytes(StandardCharsets.UTF_8);

        Flows.BatchOutcome outcome = flows.ingest(dataset, "parquet", "records.json", json);

        assertEquals("failed", outcome.status());
        assertInvalidFile(outcome, "file records.json is not a Parquet file");
    }

    @Test
    void parquetFileInJsonBatchFails() {
        byte[] file = ParquetFiles.bytes(PROFILE, profile("ada@example.com", "Ada"));

        Flows.BatchOutcome outcome = flows.ingest(dataset, "json", "profiles.parquet", file);

        assertEquals("failed", outcome.status());
        assertInvalidFile(outcome, "file profiles.parquet is a Parquet file");
    }

    @Test
    void truncatedFileFailsWholeBatch() {
        byte[] good = ParquetFiles.bytes(PROFILE, profile("ada@example.com", "Ada"));
        byte[] whole = ParquetFiles.bytes(PROFILE, profile("bob@example.com", "Bob"));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 10);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.parquet", good);
        files.put("b.parquet", truncated);

        Flows.BatchOutcome outcome = flows.ingestFiles(dataset, "parquet", files);

        assertEquals("failed", outcome.status());
        assertInvalidFile(outcome, "file b.parquet is not a valid Parquet file");
        assertInvalidFile(outcome, "truncated");
        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ada@example.com",
                        "entityIdNS", "Email"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(404);
    }

    @Test
    void notParquetAtAllFails() {
        byte[] text = "PAR1 is how this text starts, but it is not Parquet".getBytes(StandardCharsets.UTF_8);

        Flows.BatchOutcome outcome = flows.ingest(dataset, "parquet", "fake.parquet", text);

        assertEquals("failed", outcome.status());
        assertInvalidFile(outcome, "file fake.parquet is not a valid Parquet file");
    }

    private void assertInvalidFile(Flows.BatchOutcome outcome, String expectedText) {
        JsonPath batch = Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .extract().jsonPath();
        String prefix = "'" + outcome.batchId() + "'.errors[0].";
        assertEquals("INVALID_FILE", batch.getString(prefix + "code"));
        String description = batch.getString(prefix + "description");
        assertTrue(description.contains(expectedText), description);
    }

    private JsonPath lookup(String email) {
        return Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", email, "entityIdNS", "Email"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static Group profile(String email, String firstName) {
        Group row = new SimpleGroupFactory(PROFILE).newGroup();
        row.addGroup("identityMap").addGroup("key_value").append("key", "Email")
                .addGroup("value").addGroup("list").addGroup("element").append("id", email).append("primary", true);
        row.addGroup("person").addGroup("name").append("firstName", firstName);
        // 2018-11-05T10:20:30.123456Z in microseconds since the epoch.
        row.addGroup("loyalty").append("points", 1200).append("joined", 1_541_413_230_123_456L).append("balance", 1250);
        return row;
    }

    private static Group event(String id, String timestamp) {
        Group row = new SimpleGroupFactory(EVENT).newGroup().append("_id", id).append("timestamp", timestamp);
        row.addGroup("endUserIDs").addGroup("_experience").addGroup("mcid").append("id", "111")
                .addGroup("namespace").append("code", "ECID");
        return row;
    }
}
