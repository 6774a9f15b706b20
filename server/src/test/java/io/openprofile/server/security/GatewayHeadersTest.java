package io.openprofile.server.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.openprofile.server.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GatewayHeadersTest {

    private static final String PATH = "/data/foundation/flowservice/connections";

    @Test
    void missingTokenIs403010() {
        given().header("x-api-key", Api.API_KEY).header("x-gw-ims-org-id", Api.ORG)
                .when().get(PATH)
                .then().statusCode(403)
                .body("error_code", equalTo("403010"))
                .body("message", equalTo("Oauth token is missing."));
    }

    @Test
    void wrongTokenIs401013() {
        given().header("Authorization", "Bearer nope").header("x-api-key", Api.API_KEY)
                .header("x-gw-ims-org-id", Api.ORG)
                .when().get(PATH)
                .then().statusCode(401)
                .body("error_code", equalTo("401013"));
    }

    @Test
    void missingApiKeyIs403000() {
        given().header("Authorization", "Bearer " + Api.TOKEN).header("x-gw-ims-org-id", Api.ORG)
                .when().get(PATH)
                .then().statusCode(403)
                .body("error_code", equalTo("403000"));
    }

    @Test
    void missingOrgIs400003() {
        given().header("Authorization", "Bearer " + Api.TOKEN).header("x-api-key", Api.API_KEY)
                .when().get(PATH)
                .then().statusCode(400)
                .body("error_code", equalTo("400003"));
    }

    @Test
    void sandboxDefaultsToProd() {
        given().header("Authorization", "Bearer " + Api.TOKEN).header("x-api-key", Api.API_KEY)
                .header("x-gw-ims-org-id", Api.ORG)
                .when().get(PATH)
                .then().statusCode(200)
                .header("x-request-id", notNullValue());
    }

    @Test
    void invalidSandboxNameIs400() {
        Api.as("Bad_Name")
                .when().get(PATH)
                .then().statusCode(400)
                .body("field", equalTo("x-sandbox-name"))
                .body("value", equalTo("Bad_Name"));
    }

    @Test
    void requestIdIsEchoed() {
        Api.as("prod").header("x-request-id", "abc-123")
                .when().get(PATH)
                .then().statusCode(200)
                .header("x-request-id", equalTo("abc-123"));
    }

    @Test
    void unknownPathIsJson404() {
        Api.raw().when().get("/data/core/ups/nothing-here")
                .then().statusCode(404)
                .body("status", equalTo(404));
    }
}
