package io.openprofile.server.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adobe's Sandbox API at {@code /data/foundation/sandbox-management/sandboxes}: create, read, reset and delete. */
@QuarkusTest
class SandboxesTest {

    private static final String PATH = "/data/foundation/sandbox-management/sandboxes";
    private static final String ENTITIES = "/data/core/ups/access/entities";

    private String admin;

    @BeforeEach
    void pickAdminSandbox() {
        admin = Api.newSandbox();
    }

    @Test
    void createGetListAndDelete() {
        String name = Api.newSandbox();

        create(name, 202)
                .body("name", equalTo(name))
                .body("title", equalTo("Test " + name))
                .body("state", equalTo("active"))
                .body("type", equalTo("development"))
                .body("isDefault", equalTo(false));
        Api.as(admin).when().get(PATH + "/" + name)
                .then().statusCode(200)
                .body("name", equalTo(name));
        Api.as(admin).when().get(PATH)
                .then().statusCode(200)
                .body("sandboxes.name", hasItems(name, admin));
        create(name, 409);
        Api.as(admin).when().delete(PATH + "/" + name)
                .then().statusCode(202)
                .body("state", equalTo("deleting"));

        awaitStatus(name, 404);
    }

    @Test
    void sandboxCreatedOnFirstUseIsListed() {
        Api.as(admin).when().get(PATH + "/" + admin)
                .then().statusCode(200)
                .body("title", equalTo(admin))
                .body("state", equalTo("active"));
    }

    @Test
    void prodCannotBeDeleted() {
        Api.as(admin).when().delete(PATH + "/prod")
                .then().statusCode(400)
                .body("field", equalTo("sandboxName"));
    }

    @Test
    void unknownSandboxIs404() {
        Api.as(admin).when().get(PATH + "/" + Api.newSandbox())
                .then().statusCode(404);
    }

    @Test
    void unknownActionIs400() {
        Api.invalidRequestAs(admin).contentType(ContentType.JSON).body(Map.of("action", "destroy"))
                .when().put(PATH + "/" + admin)
                .then().statusCode(400);
    }

    @Test
    void resetRemovesOnlyThatSandbox() {
        Flows reset = new Flows(Api.newSandbox());
        Flows untouched = new Flows(Api.newSandbox());
        for (Flows flows : List.of(reset, untouched)) {
            flows.createNamespace("loyaltyId", "CROSS_DEVICE");
            String dataset = flows.profileDataset();
            flows.ingestLines(dataset, "{\"identityMap\": {\"Email\": [{\"id\": \"ann@example.com\", "
                    + "\"primary\": true}]}}");
        }

        Api.as(admin).contentType(ContentType.JSON).body(Map.of("action", "reset"))
                .when().put(PATH + "/" + reset.sandbox())
                .then().statusCode(202)
                .body("state", equalTo("resetting"));
        awaitState(reset.sandbox(), "active");

        lookup(reset.sandbox()).then().statusCode(404);
        lookup(untouched.sandbox()).then().statusCode(200);
        assertEquals(0, datasets(reset.sandbox()).size());
        assertEquals(1, datasets(untouched.sandbox()).size());
        Api.as(reset.sandbox()).when().get("/data/core/idnamespace/identities")
                .then().statusCode(200)
                .body("findAll { it.code == 'loyaltyId' }.size()", equalTo(0));
        Api.as(untouched.sandbox()).when().get("/data/core/idnamespace/identities")
                .then().statusCode(200)
                .body("findAll { it.code == 'loyaltyId' }.size()", equalTo(1));
        Api.as(reset.sandbox()).when().get("/data/core/ups/config/mergePolicies")
                .then().statusCode(200)
                .body("children.size()", equalTo(1));
    }

    private io.restassured.response.ValidatableResponse create(String name, int status) {
        return Api.as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "title", "Test " + name, "type", "development"))
                .when().post(PATH)
                .then().statusCode(status);
    }

    private static io.restassured.response.Response lookup(String sandbox) {
        return Api.as(sandbox)
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "ann@example.com",
                        "entityIdNS", "Email"))
                .when().get(ENTITIES);
    }

    private static Map<String, Object> datasets(String sandbox) {
        return Api.as(sandbox).when().get("/data/foundation/catalog/dataSets")
                .then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    private void awaitState(String name, String state) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            String current = Api.as(admin).when().get(PATH + "/" + name)
                    .then().statusCode(200)
                    .extract().path("state");
            if (state.equals(current)) {
                return;
            }
            pause();
        }
        throw new AssertionError("sandbox " + name + " did not become " + state + " within a minute");
    }

    private void awaitStatus(String name, int status) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            if (Api.as(admin).when().get(PATH + "/" + name).statusCode() == status) {
                return;
            }
            pause();
        }
        throw new AssertionError("sandbox " + name + " did not answer " + status + " within a minute");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a sandbox", e);
        }
    }
}
