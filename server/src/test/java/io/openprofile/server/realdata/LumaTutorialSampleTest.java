package io.openprofile.server.realdata;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Exports;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.ParquetRows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Luma tutorial data loaded the way the tutorial does it: custom namespaces, the tutorial's
 * own field groups and schemas, identity descriptors on tenant fields, and three datasets. The one
 * person present in all three files comes back as one profile with its purchase event, by CRM id
 * and by loyalty id. That person's CRM record (Danny, Portland) and loyalty record (Daniel, New York
 * City) disagree, so merge policies choose between them.
 */
@QuarkusTest
class LumaTutorialSampleTest {

    private static final String DIR = "luma-tutorial/";
    private static final String REQUESTS = DIR + "schema-requests/";
    private static final String CRM_ID = "112ca06ed53d3db37e4cea49cc45b71e";
    private static final String LOYALTY_ID = "5625458";
    private static final String ID_PATH = "/_techmarketingdemos/systemIdentifier/";

    // Loaded once for the class: the three files take a few seconds, and the tests only read.
    private static Flows flows;
    private static String crmDataset;
    private static String loyaltyDataset;
    private static String purchaseDataset;
    private static final Map<String, String> POLICIES = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void loadTutorialDataOnce() throws IOException {
        Samples.file(DIR + "luma-crm.json");
        if (flows != null) {
            return;
        }
        flows = new Flows(Api.newSandbox());
        flows.createNamespace("lumaCrmId", "CROSS_DEVICE");
        flows.createNamespace("lumaLoyaltyId", "CROSS_DEVICE");

        String identityGroup = flows.createFieldGroup(request("Luma-Loyalty-Data__Create-Identity-Profile-Field-Group.json",
                Map.of()));
        String loyaltyGroup = flows.createFieldGroup(request("Luma-Loyalty-Data__Create-Loyalty-Field-Group.json",
                Map.of()));
        String eventGroup = flows.createFieldGroup(request(
                "Luma-Offline-Purchase-Events__Create-Luma-Identity-ExperienceEvent-Field-Group.json",
                Map.of("luma_identity_profile_fieldgroup_id", identityGroup, "system_identifier_dataype_id",
                        identityGroup)));
        String crmSchema = flows.createSchema(request("Luma-CRM-Data__Create-CRM-Schema.json",
                Map.of("luma_identity_profile_fieldgroup_id", identityGroup)));
        String loyaltySchema = flows.createSchema(request("Luma-Loyalty-Data__Create-Loyalty-Schema.json",
                Map.of("luma_identity_profile_fieldgroup_id", identityGroup, "luma_loyalty_fieldgroup_id",
                        loyaltyGroup)));
        String purchaseSchema = flows.createSchema(request(
                "Luma-Offline-Purchase-Events__Luma-Offline-Purchase-Events-Schema.json",
                Map.of("luma_identity_experience_event_fieldgroup_id", eventGroup)));

        flows.createIdentityDescriptor(crmSchema, ID_PATH + "crmId", "lumaCrmId", true);
        flows.createIdentityDescriptor(loyaltySchema, ID_PATH + "loyaltyId", "lumaLoyaltyId", true);
        flows.createIdentityDescriptor(loyaltySchema, ID_PATH + "crmId", "lumaCrmId", false);
        flows.createIdentityDescriptor(purchaseSchema, ID_PATH + "loyaltyId", "lumaLoyaltyId", true);

        crmDataset = flows.createDataset("Luma CRM Dataset", crmSchema);
        loyaltyDataset = flows.createDataset("Luma Loyalty Dataset", loyaltySchema);
        purchaseDataset = flows.createDataset("Luma Offline Purchase Events Dataset", purchaseSchema);

        assertEquals("success", ingest(crmDataset, "luma-crm.json"));
        assertEquals("success", ingest(loyaltyDataset, "luma-loyalty.json"));
        assertEquals("success", ingest(purchaseDataset, "luma-offline-purchases.json"));
    }

    @Test
    void exportHasOneLinePerProfile() {
        List<JsonPath> lines = export(Map.of());

        long distinctPersons = lines.stream()
                .map(line -> line.getString("_techmarketingdemos.systemIdentifier.crmId")
                        + "|" + line.getString("_techmarketingdemos.systemIdentifier.loyaltyId"))
                .distinct().count();
        assertEquals(lines.size(), distinctPersons);
        List<JsonPath> danny = linesOf(lines, CRM_ID);
        assertEquals(1, danny.size());
        assertEquals("dwright@enablementadobe.com", danny.get(0).getString("personalEmail.address"));
        assertEquals("gold", danny.get(0).getString("_techmarketingdemos.loyalty.level"));
        assertEquals(LOYALTY_ID, danny.get(0).getString("_techmarketingdemos.systemIdentifier.loyaltyId"));
    }

    @Test
    void exportFieldsRestrictLines() {
        List<JsonPath> lines = export(Map.of("fields", "_techmarketingdemos.systemIdentifier,personalEmail"));

        List<JsonPath> danny = linesOf(lines, CRM_ID);
        assertEquals(1, danny.size());
        assertEquals(java.util.Set.of("_techmarketingdemos", "personalEmail"), danny.get(0).getMap("$").keySet());
        assertNull(danny.get(0).get("person"));
        assertNull(danny.get(0).get("_techmarketingdemos.loyalty"));
    }

    @Test
    void exportEventListAddsPurchase() {
        List<JsonPath> lines = export(Map.of("fields", "personalEmail",
                "additionalFields", Map.of("eventList", Map.of("fields", "commerce.order.purchaseID,timestamp"))));

        List<JsonPath> danny = lines.stream()
                .filter(line -> "dwright@enablementadobe.com".equals(line.getString("personalEmail.address")))
                .toList();
        assertEquals(1, danny.size());
        assertEquals(List.of("805-472-642-1090"), danny.get(0).getList("eventList.commerce.order.purchaseID"));
        assertNull(danny.get(0).get("eventList[0]._id"));
    }

    @Test
    void parquetExportHasOneRowPerProfile() throws IOException {
        List<Group> rows = exportParquet(Map.of());

        assertEquals(export(Map.of()).size(), rows.size());
        long distinctPersons = rows.stream()
                .map(row -> systemIdentifier(row, "crmId") + "|" + systemIdentifier(row, "loyaltyId"))
                .distinct().count();
        assertEquals(rows.size(), distinctPersons);
        List<Group> danny = rowsOf(rows, CRM_ID);
        assertEquals(1, danny.size());
        assertEquals("dwright@enablementadobe.com",
                ParquetRows.string(ParquetRows.group(danny.get(0), "personalEmail"), "address"));
        assertEquals("gold",
                ParquetRows.string(ParquetRows.group(danny.get(0), "_techmarketingdemos", "loyalty"), "level"));
        assertEquals(LOYALTY_ID, systemIdentifier(danny.get(0), "loyaltyId"));
    }

    @Test
    void parquetExportFieldsRestrictColumns() throws IOException {
        List<Group> rows = exportParquet(Map.of("fields", "_techmarketingdemos.systemIdentifier,personalEmail"));

        List<Group> danny = rowsOf(rows, CRM_ID);
        assertEquals(1, danny.size());
        GroupType schema = danny.get(0).getType();
        java.util.Set<String> columns = schema.getFields().stream().map(Type::getName)
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(java.util.Set.of("_techmarketingdemos", "personalEmail"), columns);
        GroupType tenantFields = schema.getType("_techmarketingdemos").asGroupType();
        assertEquals(1, tenantFields.getFieldCount());
        assertEquals("systemIdentifier", tenantFields.getFieldName(0));
        assertEquals("dwright@enablementadobe.com",
                ParquetRows.string(ParquetRows.group(danny.get(0), "personalEmail"), "address"));
    }

    @Test
    void crmAndLoyaltyRecordsMergeIntoOneProfile() {
        JsonPath byCrm = profile(CRM_ID, "lumaCrmId");
        String key = "'" + only(byCrm) + "'";

        assertEquals(List.of(crmDataset, loyaltyDataset).stream().sorted().toList(),
                byCrm.getList(key + ".sources"));
        assertEquals("dwright@enablementadobe.com", byCrm.getString(key + ".entity.personalEmail.address"));
        assertEquals("gold", byCrm.getString(key + ".entity._techmarketingdemos.loyalty.level"));
        assertEquals("Wright", byCrm.getString(key + ".entity.person.name.lastName"));
    }

    @Test
    void loyaltyIdFindsTheSameProfile() {
        JsonPath byLoyalty = profile(LOYALTY_ID, "lumaloyaltyid");
        String key = "'" + only(byLoyalty) + "'";

        assertEquals("dwright@enablementadobe.com", byLoyalty.getString(key + ".entity.personalEmail.address"));
        assertEquals(CRM_ID, byLoyalty.getString(key + ".entity._techmarketingdemos.systemIdentifier.crmId"));
    }

    @Test
    void purchaseEventFoundByCrmIdAndLoyaltyId() {
        for (String[] identity : new String[][] {{CRM_ID, "lumaCrmId"}, {LOYALTY_ID, "lumaLoyaltyId"}}) {
            Api.as(flows.sandbox())
                    .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                            "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", identity[0],
                            "relatedEntityIdNS", identity[1]))
                    .when().get("/data/core/ups/access/entities")
                    .then().statusCode(200)
                    .body("_page.count", equalTo(1))
                    .body("children.entity.commerce.order.purchaseID", hasItem("805-472-642-1090"))
                    .body("children.timestamp", containsInAnyOrder(1597104000000L));
        }
    }

    @Test
    void crmFirstPolicyReturnsCrmValues() {
        JsonPath profile = profile(CRM_ID, "lumaCrmId", policy("pdg", "dataSetPrecedence", crmDataset, loyaltyDataset));
        String key = "'" + only(profile) + "'";

        assertEquals("Danny", profile.getString(key + ".entity.person.name.firstName"));
        assertEquals("Portland", profile.getString(key + ".entity.homeAddress.city"));
        assertEquals("gold", profile.getString(key + ".entity._techmarketingdemos.loyalty.level"));
    }

    @Test
    void loyaltyFirstPolicyReturnsLoyaltyValues() {
        JsonPath profile = profile(CRM_ID, "lumaCrmId", policy("pdg", "dataSetPrecedence", loyaltyDataset, crmDataset));
        String key = "'" + only(profile) + "'";

        assertEquals("Daniel", profile.getString(key + ".entity.person.name.firstName"));
        assertEquals("New York City", profile.getString(key + ".entity.homeAddress.city"));
        assertEquals("dwright@enablementadobe.com", profile.getString(key + ".entity.personalEmail.address"));
    }

    @Test
    void timestampOrderReturnsLaterFragment() {
        // Neither file has extSourceSystemAudit.lastUpdatedDate, so ingestion time decides: loyalty came second.
        JsonPath profile = profile(CRM_ID, "lumaCrmId", "timestampOrdered-pdg-mp");
        String key = "'" + only(profile) + "'";

        assertEquals("Daniel", profile.getString(key + ".entity.person.name.firstName"));
        assertEquals("New York City", profile.getString(key + ".entity.homeAddress.city"));
    }

    @Test
    void noStitchingByLoyaltyIdReturnsLoyaltyOnly() {
        JsonPath profile = profile(LOYALTY_ID, "lumaLoyaltyId", policy("none", "timestampOrdered"));
        String key = "'" + only(profile) + "'";

        assertEquals(List.of(loyaltyDataset), profile.getList(key + ".sources"));
        assertEquals("Daniel", profile.getString(key + ".entity.person.name.firstName"));
        assertEquals("New York City", profile.getString(key + ".entity.homeAddress.city"));
        assertEquals(596518, profile.getInt(key + ".entity._techmarketingdemos.loyalty.points"));
        assertNull(profile.get(key + ".entity.personalEmail"));
        assertNull(profile.get(key + ".entity.mobilePhone"));
    }

    /** Returns the id of a policy with these settings, creating it on first use. */
    private static String policy(String graph, String attributeMerge, String... order) {
        String name = graph + " " + attributeMerge + " " + String.join(" ", order);
        return POLICIES.computeIfAbsent(name, ignored -> {
            Map<String, Object> merge = new java.util.LinkedHashMap<>();
            merge.put("type", attributeMerge);
            if (order.length > 0) {
                merge.put("order", List.of(order));
            }
            return Api.as(flows.sandbox()).contentType(ContentType.JSON)
                    .body(Map.of("name", name, "schema", Map.of("name", "_xdm.context.profile"),
                            "identityGraph", Map.of("type", graph), "attributeMerge", merge))
                    .when().post("/data/core/ups/config/mergePolicies")
                    .then().statusCode(200)
                    .extract().path("id");
        });
    }

    private JsonPath profile(String id, String namespace) {
        return profile(id, namespace, null);
    }

    private JsonPath profile(String id, String namespace, String mergePolicyId) {
        Map<String, String> query = new java.util.LinkedHashMap<>(Map.of("schema.name", "_xdm.context.profile",
                "entityId", id, "entityIdNS", namespace));
        if (mergePolicyId != null) {
            query.put("mergePolicyId", mergePolicyId);
        }
        return Api.as(flows.sandbox())
                .queryParams(query)
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static String only(JsonPath body) {
        Map<String, Object> entries = body.getMap("$");
        assertEquals(1, entries.size(), "expected one profile entry, got " + entries.keySet());
        return entries.keySet().iterator().next();
    }

    private static String ingest(String datasetId, String file) throws IOException {
        return flows.ingest(datasetId, file, Files.readAllBytes(Samples.file(DIR + file))).status();
    }

    private static String request(String file, Map<String, String> placeholders) throws IOException {
        String body = Files.readString(Samples.file(REQUESTS + file), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            body = body.replace("{{" + placeholder.getKey() + "}}", placeholder.getValue());
        }
        return body;
    }

    /** Exports the sandbox's profiles into a new dataset and returns the downloaded lines. */
    private static List<JsonPath> export(Map<String, Object> extra) {
        return Exports.download(flows.sandbox(), runExport(extra, "json"));
    }

    /** Exports the sandbox's profiles into a new Parquet dataset and returns the downloaded rows. */
    private static List<Group> exportParquet(Map<String, Object> extra) throws IOException {
        return Exports.downloadParquet(flows.sandbox(), runExport(extra, "parquet"));
    }

    /** Runs an export into a new dataset of the file format and returns the batch id of the succeeded job. */
    private static String runExport(Map<String, Object> extra, String format) {
        String destination = flows.createDataset("Luma export " + System.nanoTime(), flows.createClassSchema(
                "Luma export " + System.nanoTime(), "https://ns.adobe.com/xdm/context/profile"));
        flows.setFileFormat(destination, format);
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("destination", Map.of("datasetId", destination));
        body.put("schema", Map.of("name", "_xdm.context.profile"));
        long id = Api.as(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post(Exports.JOBS)
                .then().statusCode(200)
                .extract().jsonPath().getLong("id");
        JsonPath job = Exports.awaitJob(flows.sandbox(), id);
        assertEquals("SUCCEEDED", job.getString("status"));
        return job.getString("destination.batchId");
    }

    /** Returns an identifier as text: the sample's loyalty ids are numbers, so their column is INT64. */
    private static String systemIdentifier(Group row, String field) {
        Group identifiers = ParquetRows.group(row, "_techmarketingdemos", "systemIdentifier");
        if (identifiers == null || identifiers.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        return identifiers.getValueToString(identifiers.getType().getFieldIndex(field), 0);
    }

    private static List<Group> rowsOf(List<Group> rows, String crmId) {
        return rows.stream().filter(row -> crmId.equals(systemIdentifier(row, "crmId"))).toList();
    }

    private static List<JsonPath> linesOf(List<JsonPath> lines, String crmId) {
        return lines.stream()
                .filter(line -> crmId.equals(line.getString("_techmarketingdemos.systemIdentifier.crmId")))
                .toList();
    }
}
