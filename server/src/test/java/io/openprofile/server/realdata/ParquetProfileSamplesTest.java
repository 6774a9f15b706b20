package io.openprofile.server.realdata;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adobe's Parquet profile samples: the 2019 workshop profiles, whose identities are in the legacy
 * {@code identities} array, and the Parquet twins of the identity-linking sample, whose identities are in an
 * {@code identityMap} column.
 */
@QuarkusTest
class ParquetProfileSamplesTest {

    private static final String LINKING = "postman-identity-linking/";
    private static final String EMAIL = "YYYYMMDDHHMMSS@Multi_Homo_Pro_Bulk.com";
    private static final String ECID = "100000000000000000000000YYYYMMDDHHMMSS";
    private static final String CRMID = "YYYYMMDDHHMMSSMulti_Homo_Pro_Bulk";

    @Test
    void workshopProfilesResolveByEmailAndPhone() throws IOException {
        byte[] file = Files.readAllBytes(Samples.file("workshop-2019-profiles/ProfileDataSample.parquet"));
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();

        Flows.BatchOutcome outcome = flows.ingest(dataset, "parquet", "ProfileDataSample.parquet", file);

        assertEquals("success", outcome.status());
        Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .body("'" + outcome.batchId() + "'.metrics.recordsWritten", equalTo(2754));
        for (String[] identity : new String[][] {{"grant.mccoy@web.de", "Email"}, {"6122006", "Phone"}}) {
            JsonPath body = lookupProfile(flows, identity[0], identity[1]);
            String key = "'" + body.getMap("$").keySet().iterator().next() + "'.entity.";
            assertEquals("Grant", body.getString(key + "person.name.firstName"), identity[1]);
            assertEquals("Mccoy", body.getString(key + "person.name.lastName"), identity[1]);
            assertEquals("2087-01-23", body.getString(key + "person.birthDate"), identity[1]);
            assertEquals("FORESTON", body.getString(key + "homeAddress.city"), identity[1]);
            assertEquals("923-478-3880", body.getString(key + "mobilePhone.number"), identity[1]);
            assertEquals("2013-05-14T22:25:00.000000000Z", body.getString(key + "homeAddress._repo.createDate"),
                    identity[1]);
        }
    }

    @Test
    void identityLinkingTwinsLinkThreeEvents() throws IOException {
        Flows flows = new Flows(Api.newSandbox());
        String profiles = flows.profileDataset();
        String events = flows.eventDataset();
        byte[] profile = Files.readAllBytes(Samples.file(LINKING + "Profile_test_data.parquet"));

        assertEquals("success", flows.ingest(profiles, "parquet", "Profile_test_data.parquet", profile).status());
        assertEquals("success", ingestEventFiles(flows, events).status());

        JsonPath body = lookupProfile(flows, EMAIL, "Email");
        String key = "'" + body.getMap("$").keySet().iterator().next() + "'.entity.";
        assertEquals(ECID, body.getString(key + "identityMap.ECID[0].id"));
        assertEquals(CRMID, body.getString(key + "identityMap.CRMID[0].id"));
        assertEquals("YYYYMMDDHHMMSS-Multi_Homo_Pro_Bulk-Map", body.getString(key + "marketing.trackingCode"));
        for (String[] identity : new String[][] {{ECID, "ECID"}, {CRMID, "CRMID"}, {EMAIL, "Email"}}) {
            Api.as(flows.sandbox())
                    .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                            "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", identity[0],
                            "relatedEntityIdNS", identity[1]))
                    .when().get("/data/core/ups/access/entities")
                    .then().statusCode(200)
                    .body("_page.count", equalTo(3))
                    .body("children.entityId", containsInAnyOrder("9131310467401211524", "8792747212869845273",
                            "6130444790560833504"))
                    .body("children.find { it.entityId == '9131310467401211524' }.entity.timestamp",
                            equalTo("2019-03-03T15:43:44.422Z"));
        }
    }

    /** Ingests the three event files as one Parquet batch of three files. */
    private static Flows.BatchOutcome ingestEventFiles(Flows flows, String dataset) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : new String[] {"AA_Data.parquet", "Cust_Event.parquet", "Email_Data.parquet"}) {
            files.put(file, Files.readAllBytes(Samples.file(LINKING + file)));
        }
        return flows.ingestFiles(dataset, "parquet", files);
    }

    private static JsonPath lookupProfile(Flows flows, String id, String namespace) {
        return Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", id, "entityIdNS", namespace))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
    }
}
