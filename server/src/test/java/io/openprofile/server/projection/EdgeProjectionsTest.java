package io.openprofile.server.projection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.UntypedPost;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract tests of the edge projection endpoints: destinations and projection configurations. */
@QuarkusTest
class EdgeProjectionsTest {

    static final String DESTINATIONS = "/data/core/ups/config/destinations";
    static final String PROJECTIONS = "/data/core/ups/config/projections";
    static final String DESTINATION_TYPE = "application/vnd.adobe.platform.projectionDestination+json; version=1";
    static final String CONFIG_TYPE = "application/vnd.adobe.platform.projectionConfig+json; version=1";
    static final String PROFILE = "_xdm.context.profile";
    static final String DEFAULT_POLICY = "timestampOrdered-pdg-mp";

    private String sandbox;

    @BeforeEach
    void createSandbox() {
        sandbox = Api.newSandbox();
    }

    // --- Destinations ---------------------------------------------------------------------------

    @Test
    void createDestinationFillsDefaults() {
        JsonPath created = Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("VA5")))
                .when().post(DESTINATIONS)
                .then().statusCode(201)
                .contentType(startsWith("application/json"))
                .extract().jsonPath();
        String id = created.getString("id");

        assertEquals(36, id.length());
        assertEquals("EDGE", created.getString("type"));
        assertEquals(List.of("VA5"), created.getList("dataCenters"));
        assertEquals(3600, created.getInt("ttl"));
        assertEquals("REACTIVE", created.getString("replicationPolicy"));
        assertEquals(1, created.getInt("version"));
        assertEquals(DESTINATIONS + "/" + id, created.getString("_links.self.href"));
        assertEquals(false, created.getBoolean("_links.self.templated"));
    }

    @Test
    void createDestinationKeepsGivenValues() {
        JsonPath created = Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("NLD1", "OR1"), "ttl", 600,
                        "replicationPolicy", "PROACTIVE"))
                .when().post(DESTINATIONS)
                .then().statusCode(201)
                .extract().jsonPath();

        assertEquals(List.of("NLD1", "OR1"), created.getList("dataCenters"));
        assertEquals(600, created.getInt("ttl"));
        assertEquals("PROACTIVE", created.getString("replicationPolicy"));
    }

    @Test
    void destinationTypeWithoutVersionIsAccepted() {
        Api.as(sandbox).contentType("application/vnd.adobe.platform.projectionDestination+json")
                .body(Map.of("type", "EDGE", "dataCenters", List.of("OR1")))
                .when().post(DESTINATIONS)
                .then().statusCode(201)
                .body("dataCenters", equalTo(List.of("OR1")));
    }

    @Test
    void plainJsonDestinationIsAccepted() {
        Api.as(sandbox).contentType("application/json")
                .body(Map.of("type", "EDGE", "dataCenters", List.of("NLD1")))
                .when().post(DESTINATIONS)
                .then().statusCode(201)
                .body("dataCenters", equalTo(List.of("NLD1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/vnd.adobe.platform.projectionConfig+json; version=1",
        "application/vnd.adobe.platform.projectionDestination+json; version=2",
        "application/vnd.adobe.xed+json",
        "text/plain"
    })
    void otherDestinationContentTypesAre415(String contentType) {
        Api.invalidRequestAs(sandbox).contentType(contentType)
                .body("{\"type\": \"EDGE\", \"dataCenters\": [\"VA5\"]}")
                .when().post(DESTINATIONS)
                .then().statusCode(415)
                .body("errorCode", equalTo("OP-415-UNSUPPORTED-MEDIA-TYPE"))
                .body("field", equalTo("Content-Type"))
                .body("message", containsString("application/vnd.adobe.platform.projectionDestination+json"));

        assertDestinationCount(0);
    }

    @Test
    void destinationWithoutContentTypeIs400() {
        UntypedPost.Result result = Api.postWithoutContentType(sandbox, DESTINATIONS,
                "{\"type\": \"EDGE\", \"dataCenters\": [\"VA5\"]}");

        assertEquals(400, result.status());
        assertEquals("Content-Type", result.body().getString("field"));
        assertEquals(true, result.body().getString("message").contains("projectionDestination+json"));
    }

    @Test
    void sameTypeAndDataCentresIs409() {
        String existing = createDestination("VA5", "NLD1");

        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("NLD1", "VA5"), "ttl", 7200))
                .when().post(DESTINATIONS)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-DESTINATION-EXISTS"))
                .body("message", containsString(existing));
        assertDestinationCount(1);
    }

    @Test
    void otherDataCentresAreAnotherDestination() {
        createDestination("VA5", "NLD1");

        createDestination("VA5");

        assertDestinationCount(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"dataCenters\": [\"VA5\"]}",
        "{\"type\": \"EDGE\"}",
        "{\"type\": \"EDGE\", \"dataCenters\": []}",
        "{\"type\": \"CLOUD\", \"dataCenters\": [\"VA5\"]}",
        "{\"type\": \"EDGE\", \"dataCenters\": [\"FRA1\"]}",
        "{\"type\": \"EDGE\", \"dataCenters\": [\"VA5\", \"VA5\"]}",
        "{\"type\": \"EDGE\", \"dataCenters\": [null]}",
        "{\"type\": \"EDGE\", \"dataCenters\": [\"VA5\"], \"ttl\": 599}",
        "{\"type\": \"EDGE\", \"dataCenters\": [\"VA5\"], \"ttl\": 604801}",
        "{\"type\": \"EDGE\", \"dataCenters\": [\"VA5\"], \"replicationPolicy\": \"LAZY\"}"
    })
    void invalidDestinationIs400(String body) {
        Api.invalidRequestAs(sandbox).contentType(DESTINATION_TYPE)
                .body(body)
                .when().post(DESTINATIONS)
                .then().statusCode(400)
                .body("statusCode", equalTo("400"));

        assertDestinationCount(0);
    }

    @Test
    void ttlLimitsAreAccepted() {
        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("VA5"), "ttl", 604800))
                .when().post(DESTINATIONS)
                .then().statusCode(201)
                .body("ttl", equalTo(604800));
    }

    @Test
    void emptyDestinationListHasEmptyArray() {
        Api.as(sandbox)
                .when().get(DESTINATIONS)
                .then().statusCode(200)
                .body("_links.self.href", equalTo(DESTINATIONS))
                .body("_embedded.projectionDestinations", empty());
    }

    @Test
    void destinationListHasEachWithSelfLink() {
        String first = createDestination("VA5");
        String second = createDestination("OR1");

        JsonPath list = Api.as(sandbox)
                .when().get(DESTINATIONS)
                .then().statusCode(200)
                .extract().jsonPath();

        assertEquals(List.of(first, second), list.getList("_embedded.projectionDestinations.id"));
        assertEquals(DESTINATIONS + "/" + second,
                list.getString("_embedded.projectionDestinations[1]._links.self.href"));
    }

    @Test
    void destinationsAreKeptPerSandbox() {
        createDestination("VA5");

        Api.as(Api.newSandbox())
                .when().get(DESTINATIONS)
                .then().statusCode(200)
                .body("_embedded.projectionDestinations", empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/vnd.adobe.platform.projectionDestinationList+json; version=1",
        "application/vnd.adobe.platform.projectionDestination+json; version=1",
        "application/json"
    })
    void destinationListAcceptsDocumentedTypes(String accept) {
        vendorAccept(accept)
                .when().get(DESTINATIONS)
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("_embedded.projectionDestinations", empty());
    }

    @Test
    void getDestinationReturnsIt() {
        String id = createDestination("VA5");

        vendorAccept("application/vnd.adobe.platform.projectionDestination+json; version=1")
                .when().get(DESTINATIONS + "/" + id)
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("id", equalTo(id))
                .body("dataCenters", equalTo(List.of("VA5")))
                .body("version", equalTo(1));
    }

    @Test
    void unknownDestinationIs404() {
        Api.as(sandbox)
                .when().get(DESTINATIONS + "/3c2d1e0f-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .body("value", equalTo("3c2d1e0f-0000-4000-8000-000000000000"));
    }

    @Test
    void destinationOfOtherSandboxIs404() {
        String id = createDestination("VA5");

        Api.as(Api.newSandbox())
                .when().get(DESTINATIONS + "/" + id)
                .then().statusCode(404);
    }

    @Test
    void updateDestinationIncreasesVersion() {
        String id = createDestination("VA5");

        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("VA5", "NLD1"), "ttl", 7200,
                        "replicationPolicy", "PROACTIVE", "currentVersion", 1))
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("dataCenters", equalTo(List.of("VA5", "NLD1")))
                .body("ttl", equalTo(7200))
                .body("replicationPolicy", equalTo("PROACTIVE"));

        Api.as(sandbox)
                .when().get(DESTINATIONS + "/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("ttl", equalTo(7200));
    }

    @Test
    void updateResetsAbsentFieldsToDefaults() {
        String id = Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("VA5"), "ttl", 900,
                        "replicationPolicy", "PROACTIVE"))
                .when().post(DESTINATIONS)
                .then().statusCode(201)
                .extract().path("id");

        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("VA5"), "currentVersion", 1))
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(200)
                .body("ttl", equalTo(3600))
                .body("replicationPolicy", equalTo("REACTIVE"));
    }

    @Test
    void updateWithoutVersionParameterIsAccepted() {
        String id = createDestination("VA5");

        Api.as(sandbox).contentType("application/vnd.adobe.platform.projectionDestination+json")
                .body(Map.of("type", "EDGE", "dataCenters", List.of("OR1"), "currentVersion", 1))
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void staleDestinationVersionIs409() {
        String id = createDestination("VA5");
        updateDestination(id, 1, "OR1");

        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("NLD1"), "currentVersion", 1))
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-VERSION-CONFLICT"))
                .body("field", equalTo("currentVersion"))
                .body("message", containsString("stored version 2"));

        Api.as(sandbox)
                .when().get(DESTINATIONS + "/" + id)
                .then().statusCode(200)
                .body("dataCenters", equalTo(List.of("OR1")));
    }

    @Test
    void updateWithoutCurrentVersionIs400() {
        String id = createDestination("VA5");

        Api.invalidRequestAs(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("OR1")))
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(400)
                .body("field", equalTo("currentVersion"));
    }

    @Test
    void updateToDataCentresOfAnotherIs409() {
        String other = createDestination("OR1");
        String id = createDestination("VA5");

        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("OR1"), "currentVersion", 1))
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-DESTINATION-EXISTS"))
                .body("message", containsString(other));
    }

    @Test
    void updateOfUnknownDestinationIs404() {
        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of("OR1"), "currentVersion", 1))
                .when().put(DESTINATIONS + "/3c2d1e0f-0000-4000-8000-000000000000")
                .then().statusCode(404);
    }

    @Test
    void updateDestinationWithWrongTypeIs415() {
        String id = createDestination("VA5");

        Api.invalidRequestAs(sandbox).contentType(CONFIG_TYPE)
                .body("{\"type\": \"EDGE\", \"dataCenters\": [\"OR1\"], \"currentVersion\": 1}")
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(415)
                .body("field", equalTo("Content-Type"));
    }

    @Test
    void deleteDestinationIs204() {
        String id = createDestination("VA5");

        Api.as(sandbox)
                .when().delete(DESTINATIONS + "/" + id)
                .then().statusCode(204);

        Api.as(sandbox)
                .when().get(DESTINATIONS + "/" + id)
                .then().statusCode(404);
        Api.as(sandbox)
                .when().delete(DESTINATIONS + "/" + id)
                .then().statusCode(404);
    }

    @Test
    void referencedDestinationCannotBeDeleted() {
        String destination = createDestination("VA5");
        String projection = createProjection(destination, "emails", "referencing");

        Api.as(sandbox)
                .when().delete(DESTINATIONS + "/" + destination)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-DESTINATION-IN-USE"))
                .body("message", containsString(projection));

        Api.as(sandbox)
                .when().delete(PROJECTIONS + "/" + projection)
                .then().statusCode(204);
        Api.as(sandbox)
                .when().delete(DESTINATIONS + "/" + destination)
                .then().statusCode(204);
    }

    // --- Projection configurations --------------------------------------------------------------

    @Test
    void createProjectionReturnsConfigWithDestination() {
        String destination = createDestination("VA5");

        JsonPath created = Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails,person(firstName)", "destinationId", destination,
                        "name", "my_test_projection"))
                .when().post(PROJECTIONS)
                .then().statusCode(201)
                .contentType(startsWith("application/json"))
                .extract().jsonPath();
        String id = created.getString("id");

        assertEquals(36, id.length());
        assertEquals(PROFILE, created.getString("schemaName"));
        assertEquals("my_test_projection", created.getString("name"));
        assertEquals("emails,person(firstName)", created.getString("selector"));
        assertEquals(destination, created.getString("destinationId"));
        assertEquals(DEFAULT_POLICY, created.getString("mergePolicyId"));
        assertEquals(1, created.getInt("version"));
        assertEquals(PROJECTIONS + "/" + id, created.getString("_links.self.href"));
        assertEquals(DESTINATIONS + "/" + destination, created.getString("_links.destination.href"));
        assertEquals(destination, created.getString("_embedded.destination.id"));
        assertEquals(List.of("VA5"), created.getList("_embedded.destination.dataCenters"));
    }

    @Test
    void projectionTypeWithoutVersionIsAccepted() {
        String destination = createDestination("VA5");

        Api.as(sandbox).contentType("application/vnd.adobe.platform.projectionConfig+json")
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails", "destinationId", destination))
                .when().post(PROJECTIONS)
                .then().statusCode(201)
                .body("name", nullValue());
    }

    @Test
    void plainJsonProjectionIsAccepted() {
        String destination = createDestination("VA5");

        Api.as(sandbox).contentType("application/json; charset=UTF-8")
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails", "destinationId", destination, "name", "plain"))
                .when().post(PROJECTIONS)
                .then().statusCode(201)
                .body("name", equalTo("plain"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/vnd.adobe.platform.projectionDestination+json; version=1",
        "application/vnd.adobe.platform.projectionConfig+json; version=3",
        "application/xml"
    })
    void otherProjectionContentTypesAre415(String contentType) {
        String destination = createDestination("VA5");

        Api.invalidRequestAs(sandbox).contentType(contentType)
                .queryParam("schemaName", PROFILE)
                .body("{\"selector\": \"emails\", \"destinationId\": \"" + destination + "\"}")
                .when().post(PROJECTIONS)
                .then().statusCode(415)
                .body("errorCode", equalTo("OP-415-UNSUPPORTED-MEDIA-TYPE"))
                .body("message", containsString("application/vnd.adobe.platform.projectionConfig+json"));

        assertProjectionCount(0);
    }

    @Test
    void projectionWithoutContentTypeIs400() {
        UntypedPost.Result result = Api.postWithoutContentType(sandbox, PROJECTIONS,
                "{\"selector\": \"emails\", \"destinationId\": \"x\"}");

        assertEquals(400, result.status());
        assertEquals("Content-Type", result.body().getString("field"));
    }

    @Test
    void explicitMergePolicyIsKept() {
        String destination = createDestination("VA5");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails", "destinationId", destination, "mergePolicyId", DEFAULT_POLICY))
                .when().post(PROJECTIONS)
                .then().statusCode(201)
                .body("mergePolicyId", equalTo(DEFAULT_POLICY));
    }

    @Test
    void policyUsedByProjectionCannotBeDeleted() {
        String destination = createDestination("VA5");
        createProjection(destination, "emails", "uses default");

        Api.as(sandbox).when().delete("/data/core/ups/config/mergePolicies/" + DEFAULT_POLICY)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-MERGE-POLICY-IN-USE"));
    }

    @Test
    void unknownMergePolicyIs422() {
        String destination = createDestination("VA5");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails", "destinationId", destination, "mergePolicyId", "no-such-policy"))
                .when().post(PROJECTIONS)
                .then().statusCode(422)
                .body("field", equalTo("mergePolicyId"))
                .body("value", equalTo("no-such-policy"));
        assertProjectionCount(0);
    }

    @Test
    void unknownDestinationIs422NamingIt() {
        String missing = "3c2d1e0f-0000-4000-8000-000000000000";

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails", "destinationId", missing))
                .when().post(PROJECTIONS)
                .then().statusCode(422)
                .body("errorCode", equalTo("OP-422-DESTINATION-NOT-FOUND"))
                .body("field", equalTo("destinationId"))
                .body("value", equalTo(missing))
                .body("message", containsString(missing));
    }

    @Test
    void destinationOfOtherSandboxIsRejected() {
        String foreign = createDestinationIn(Api.newSandbox(), "VA5");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails", "destinationId", foreign))
                .when().post(PROJECTIONS)
                .then().statusCode(422)
                .body("value", equalTo(foreign));
    }

    @Test
    void missingSchemaNameIs400() {
        String destination = createDestination("VA5");

        Api.invalidRequestAs(sandbox).contentType(CONFIG_TYPE)
                .body(Map.of("selector", "emails", "destinationId", destination))
                .when().post(PROJECTIONS)
                .then().statusCode(400)
                .body("field", equalTo("schemaName"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"_xdm.context.experienceevent", "https://ns.adobe.com/xdm/context/profile", "profile"})
    void otherSchemaNamesAre400(String schemaName) {
        String destination = createDestination("VA5");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", schemaName)
                .body(Map.of("selector", "emails", "destinationId", destination))
                .when().post(PROJECTIONS)
                .then().statusCode(400)
                .body("field", equalTo("schemaName"))
                .body("value", equalTo(schemaName));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"destinationId\": \"D\"}",
        "{\"selector\": \"emails\"}",
        "{\"selector\": \"\", \"destinationId\": \"D\"}",
        "{\"selector\": \"emails\", \"destinationId\": \"D\", \"name\": \"\"}",
        "{\"selector\": \"emails\", \"destinationId\": \"D\", \"name\": \"  \"}",
        "{\"selector\": \"emails\", \"destinationId\": \"D\", \"currentVersion\": 0}"
    })
    void invalidProjectionIs400(String body) {
        String destination = createDestination("VA5");

        Api.invalidRequestAs(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(body.replace("\"D\"", "\"" + destination + "\""))
                .when().post(PROJECTIONS)
                .then().statusCode(400)
                .body("statusCode", equalTo("400"));

        assertProjectionCount(0);
    }

    @Test
    void invalidSelectorIs400NamingPosition() {
        String destination = createDestination("VA5");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails,person(firstName", "destinationId", destination))
                .when().post(PROJECTIONS)
                .then().statusCode(400)
                .body("field", equalTo("selector"))
                .body("value", equalTo("emails,person(firstName"))
                .body("message", containsString("missing ')' for the '(' at position 14"));
    }

    @Test
    void createVersionAboveOneStartsAtOne() {
        String destination = createDestination("VA5");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "emails", "destinationId", destination, "currentVersion", 4))
                .when().post(PROJECTIONS)
                .then().statusCode(201)
                .body("version", equalTo(1));
    }

    @Test
    void duplicateNameIs409() {
        String destination = createDestination("VA5");
        createProjection(destination, "emails", "shared_name");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(Map.of("selector", "person", "destinationId", destination, "name", "shared_name"))
                .when().post(PROJECTIONS)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-PROJECTION-EXISTS"))
                .body("field", equalTo("name"))
                .body("value", equalTo("shared_name"));
        assertProjectionCount(1);
    }

    @Test
    void unnamedProjectionsDoNotConflict() {
        String destination = createDestination("VA5");

        createProjection(destination, "emails", null);
        createProjection(destination, "person", null);

        assertProjectionCount(2);
    }

    @Test
    void sameNameInOtherSandboxIsAllowed() {
        createProjection(createDestination("VA5"), "emails", "everywhere");
        String other = Api.newSandbox();

        createProjectionIn(other, createDestinationIn(other, "VA5"), "emails", "everywhere");

        assertProjectionCount(1);
    }

    @Test
    void emptyProjectionListHasEmptyArray() {
        Api.as(sandbox)
                .when().get(PROJECTIONS)
                .then().statusCode(200)
                .body("_links.self.href", equalTo(PROJECTIONS))
                .body("_embedded.projectionConfigs", empty());
    }

    @Test
    void projectionListFiltersBySchemaAndName() {
        String destination = createDestination("VA5");
        String first = createProjection(destination, "emails", "first");
        String second = createProjection(destination, "person", "second");

        Api.as(sandbox)
                .when().get(PROJECTIONS)
                .then().statusCode(200)
                .body("_embedded.projectionConfigs.id", equalTo(List.of(first, second)))
                .body("_embedded.projectionConfigs[0]._embedded.destination.id", equalTo(destination));
        Api.as(sandbox).queryParam("schemaName", PROFILE)
                .when().get(PROJECTIONS)
                .then().statusCode(200)
                .body("_links.self.href", equalTo(PROJECTIONS + "?schemaName=" + PROFILE))
                .body("_embedded.projectionConfigs", hasSize(2));
        Api.as(sandbox).queryParam("schemaName", PROFILE).queryParam("name", "second")
                .when().get(PROJECTIONS)
                .then().statusCode(200)
                .body("_embedded.projectionConfigs.id", equalTo(List.of(second)));
        Api.as(sandbox).queryParam("schemaName", PROFILE).queryParam("name", "third")
                .when().get(PROJECTIONS)
                .then().statusCode(200)
                .body("_embedded.projectionConfigs", empty());
    }

    @Test
    void nameFilterWithoutSchemaNameIs400() {
        Api.as(sandbox).queryParam("name", "first")
                .when().get(PROJECTIONS)
                .then().statusCode(400)
                .body("field", equalTo("schemaName"));
    }

    @Test
    void listWithUnknownSchemaNameIs400() {
        Api.as(sandbox).queryParam("schemaName", "_xdm.context.nothing")
                .when().get(PROJECTIONS)
                .then().statusCode(400)
                .body("field", equalTo("schemaName"))
                .body("value", equalTo("_xdm.context.nothing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "application/vnd.adobe.platform.projectionConfigList+json; version=1",
        "application/vnd.adobe.platform.projectionConfig+json; version=1",
        "application/json"
    })
    void projectionListAcceptsDocumentedTypes(String accept) {
        vendorAccept(accept)
                .when().get(PROJECTIONS)
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("_embedded.projectionConfigs", empty());
    }

    @Test
    void getProjectionReturnsIt() {
        String destination = createDestination("VA5");
        String id = createProjection(destination, "emails", "one");

        vendorAccept("application/vnd.adobe.platform.projectionConfig+json; version=1")
                .when().get(PROJECTIONS + "/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("selector", equalTo("emails"))
                .body("_embedded.destination.id", equalTo(destination));
    }

    @Test
    void unknownProjectionIs404() {
        Api.as(sandbox)
                .when().get(PROJECTIONS + "/3c2d1e0f-0000-4000-8000-000000000000")
                .then().statusCode(404);
    }

    @Test
    void updateProjectionIncreasesVersion() {
        String destination = createDestination("VA5");
        String other = createDestination("OR1");
        String id = createProjection(destination, "emails", "before");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .body(Map.of("selector", "person.name", "destinationId", other, "name", "after",
                        "currentVersion", 1))
                .when().put(PROJECTIONS + "/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2))
                .body("selector", equalTo("person.name"))
                .body("name", equalTo("after"))
                .body("destinationId", equalTo(other))
                .body("_embedded.destination.id", equalTo(other))
                .body("schemaName", equalTo(PROFILE));

        Api.as(sandbox)
                .when().get(PROJECTIONS + "/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2));
    }

    @Test
    void updateWithoutCurrentVersionMeansVersionOne() {
        String id = createProjection(createDestination("VA5"), "emails", "v");
        String destination = destinationOf(id);

        Api.as(sandbox).contentType("application/vnd.adobe.platform.projectionConfig+json")
                .body(Map.of("selector", "person", "destinationId", destination))
                .when().put(PROJECTIONS + "/" + id)
                .then().statusCode(200)
                .body("version", equalTo(2));
        Api.as(sandbox).contentType(CONFIG_TYPE)
                .body(Map.of("selector", "emails", "destinationId", destination))
                .when().put(PROJECTIONS + "/" + id)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-VERSION-CONFLICT"));
    }

    @Test
    void staleProjectionVersionIs409() {
        String destination = createDestination("VA5");
        String id = createProjection(destination, "emails", "stale");
        updateProjection(id, destination, "person", 1).statusCode(200);

        updateProjection(id, destination, "identities", 1)
                .statusCode(409)
                .body("field", equalTo("currentVersion"))
                .body("message", containsString("stored version 2"));

        Api.as(sandbox)
                .when().get(PROJECTIONS + "/" + id)
                .then().statusCode(200)
                .body("selector", equalTo("person"));
    }

    @Test
    void renameToTakenNameIs409() {
        String destination = createDestination("VA5");
        createProjection(destination, "emails", "taken");
        String id = createProjection(destination, "person", "free");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .body(Map.of("selector", "person", "destinationId", destination, "name", "taken",
                        "currentVersion", 1))
                .when().put(PROJECTIONS + "/" + id)
                .then().statusCode(409)
                .body("errorCode", equalTo("OP-409-PROJECTION-EXISTS"));
    }

    @Test
    void updateKeepingOwnNameIsAllowed() {
        String destination = createDestination("VA5");
        String id = createProjection(destination, "emails", "mine");

        Api.as(sandbox).contentType(CONFIG_TYPE)
                .body(Map.of("selector", "person", "destinationId", destination, "name", "mine",
                        "currentVersion", 1))
                .when().put(PROJECTIONS + "/" + id)
                .then().statusCode(200)
                .body("name", equalTo("mine"));
    }

    @Test
    void updateWithInvalidSelectorIs400() {
        String destination = createDestination("VA5");
        String id = createProjection(destination, "emails", "bad");

        updateProjection(id, destination, "a..b", 1)
                .statusCode(400)
                .body("field", equalTo("selector"))
                .body("message", containsString("empty field name at position 3"));
    }

    @Test
    void updateToUnknownDestinationIs422() {
        String destination = createDestination("VA5");
        String id = createProjection(destination, "emails", "moved");

        updateProjection(id, "3c2d1e0f-0000-4000-8000-000000000000", "emails", 1)
                .statusCode(422)
                .body("field", equalTo("destinationId"));
    }

    @Test
    void updateOfUnknownProjectionIs404() {
        String destination = createDestination("VA5");

        updateProjection("3c2d1e0f-0000-4000-8000-000000000000", destination, "emails", 1)
                .statusCode(404);
    }

    @Test
    void updateProjectionWithWrongTypeIs415() {
        String destination = createDestination("VA5");
        String id = createProjection(destination, "emails", "typed");

        Api.invalidRequestAs(sandbox).contentType(DESTINATION_TYPE)
                .body("{\"selector\": \"emails\", \"destinationId\": \"" + destination + "\"}")
                .when().put(PROJECTIONS + "/" + id)
                .then().statusCode(415);
    }

    @Test
    void deleteProjectionIs204() {
        String destination = createDestination("VA5");
        String id = createProjection(destination, "emails", "gone");

        Api.as(sandbox)
                .when().delete(PROJECTIONS + "/" + id)
                .then().statusCode(204);

        Api.as(sandbox)
                .when().get(PROJECTIONS + "/" + id)
                .then().statusCode(404);
        Api.as(sandbox)
                .when().delete(PROJECTIONS + "/" + id)
                .then().statusCode(404);
        Api.as(sandbox)
                .when().get(DESTINATIONS + "/" + destination)
                .then().statusCode(200);
    }

    // --- Helpers --------------------------------------------------------------------------------

    private String createDestination(String... dataCenters) {
        return createDestinationIn(sandbox, dataCenters);
    }

    /** Creates an EDGE destination with the given data centres in {@code sandbox} and returns its id. */
    static String createDestinationIn(String sandbox, String... dataCenters) {
        return Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of(dataCenters)))
                .when().post(DESTINATIONS)
                .then().statusCode(201)
                .extract().path("id");
    }

    private void updateDestination(String id, int currentVersion, String... dataCenters) {
        Api.as(sandbox).contentType(DESTINATION_TYPE)
                .body(Map.of("type", "EDGE", "dataCenters", List.of(dataCenters), "currentVersion", currentVersion))
                .when().put(DESTINATIONS + "/" + id)
                .then().statusCode(200);
    }

    private String createProjection(String destinationId, String selector, String name) {
        return createProjectionIn(sandbox, destinationId, selector, name);
    }

    /** Creates a profile projection configuration in {@code sandbox} and returns its id; {@code name} may be null. */
    static String createProjectionIn(String sandbox, String destinationId, String selector, String name) {
        Map<String, Object> body = name == null ? Map.of("selector", selector, "destinationId", destinationId)
                : Map.of("selector", selector, "destinationId", destinationId, "name", name);
        return Api.as(sandbox).contentType(CONFIG_TYPE)
                .queryParam("schemaName", PROFILE)
                .body(body)
                .when().post(PROJECTIONS)
                .then().statusCode(201)
                .extract().path("id");
    }

    private ValidatableResponse updateProjection(String id, String destinationId, String selector,
            int currentVersion) {
        return Api.as(sandbox).contentType(CONFIG_TYPE)
                .body(Map.of("selector", selector, "destinationId", destinationId, "currentVersion", currentVersion))
                .when().put(PROJECTIONS + "/" + id)
                .then();
    }

    private String destinationOf(String projectionId) {
        return Api.as(sandbox)
                .when().get(PROJECTIONS + "/" + projectionId)
                .then().statusCode(200)
                .extract().path("destinationId");
    }

    /**
     * Builds a request with the given {@code Accept} header whose response alone is validated. The contract
     * lists only {@code application/json} responses, which the server also returns for a vendor {@code Accept}
     * type.
     */
    private RequestSpecification vendorAccept(String accept) {
        return Api.invalidRequestAs(sandbox).accept(accept);
    }

    private void assertDestinationCount(int expected) {
        Api.as(sandbox)
                .when().get(DESTINATIONS)
                .then().statusCode(200)
                .body("_embedded.projectionDestinations", hasSize(expected));
    }

    private void assertProjectionCount(int expected) {
        Api.as(sandbox)
                .when().get(PROJECTIONS)
                .then().statusCode(200)
                .body("_embedded.projectionConfigs", hasSize(expected));
    }
}
