package io.openprofile.server.projection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.merge.FieldSelector;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks on a real profile lookup that a projection selector and the {@code fields} parameter of
 * {@code GET /data/core/ups/access/entities} are one syntax with one meaning.
 */
@QuarkusTest
class ProjectionSelectorTest {

    private static final String ENTITIES = "/data/core/ups/access/entities";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RECORD = "{\"identityMap\": {\"Email\": [{\"id\": \"ann@example.com\", "
            + "\"primary\": true}]}, \"person\": {\"name\": {\"firstName\": \"Ann\", \"lastName\": \"Lee\"}, "
            + "\"gender\": \"female\"}, \"personalEmail\": {\"address\": \"ann@example.com\", \"status\": \"active\"}, "
            + "\"homeAddress\": {\"city\": \"Berlin\", \"country\": \"DE\", \"street1\": \"Main 1\"}, "
            + "\"mobilePhone\": {\"number\": \"+49 30 1234\"}}";

    private Flows flows;
    private String destination;

    @BeforeEach
    void ingestProfile() {
        flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        assertEquals("success", flows.ingestLines(dataset, RECORD).status());
        destination = EdgeProjectionsTest.createDestinationIn(flows.sandbox(), "VA5");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "personalEmail,person(name(firstName))",
        "person.name.lastName,homeAddress(city,country)",
        "homeAddress.city,homeAddress(country),mobilePhone",
        "person,personalEmail.address",
        "loyalty,person.nickname",
        " person . gender , homeAddress.street1 "
    })
    void selectorSelectsSameFieldsAsLookup(String selector) {
        String projection = EdgeProjectionsTest.createProjectionIn(flows.sandbox(), destination, selector, null);
        String stored = Api.as(flows.sandbox())
                .when().get(EdgeProjectionsTest.PROJECTIONS + "/" + projection)
                .then().statusCode(200)
                .extract().path("selector");

        JsonNode selected = lookupEntity(stored);
        ObjectNode projected = FieldSelector.parse(stored, "selector").select((ObjectNode) lookupEntity(null));

        assertEquals(selector, stored);
        assertEquals(projected, selected);
        assertFalse(selected.has("identityMap"), "fields outside the selector must be left out: " + selected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "person(name          | missing ')' for the '(' at position 7",
        "person..name         | empty field name at position 8",
        "personalEmail,       | empty field name at position 15",
        "person(name)gender   | expected ',' or ')' at position 13",
        "homeAddress)         | unbalanced ')' at position 12"
    })
    void invalidSelectorFailsAtSamePositionInBoth(String selector, String problem) {
        Api.as(flows.sandbox()).contentType(EdgeProjectionsTest.CONFIG_TYPE)
                .queryParam("schemaName", EdgeProjectionsTest.PROFILE)
                .body(Map.of("selector", selector, "destinationId", destination))
                .when().post(EdgeProjectionsTest.PROJECTIONS)
                .then().statusCode(400)
                .body("field", equalTo("selector"))
                .body("message", containsString(problem));

        Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", EdgeProjectionsTest.PROFILE, "entityId", "ann@example.com",
                        "entityIdNS", "Email", "fields", selector))
                .when().get(ENTITIES)
                .then().statusCode(400)
                .body("field", equalTo("fields"))
                .body("message", containsString(problem));
    }

    /** Looks up the test profile, with {@code fields} when it is not null, and returns its merged entity. */
    private JsonNode lookupEntity(String fields) {
        Map<String, Object> query = new HashMap<>(Map.of("schema.name", EdgeProjectionsTest.PROFILE,
                "entityId", "ann@example.com", "entityIdNS", "Email"));
        if (fields != null) {
            query.put("fields", fields);
        }
        String body = Api.as(flows.sandbox())
                .queryParams(query)
                .when().get(ENTITIES)
                .then().statusCode(200)
                .extract().asString();
        try {
            JsonNode entries = JSON.readTree(body);
            assertEquals(1, entries.size(), "expected one entity, got " + body);
            return entries.elements().next().get("entity");
        } catch (java.io.IOException e) {
            throw new AssertionError("lookup response is not JSON: " + body, e);
        }
    }
}
