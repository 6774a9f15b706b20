package io.openprofile.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.UntypedPost;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NamespacesTest {

    static final String PATH = "/data/core/idnamespace/identities";

    private final String sandbox = Api.newSandbox();

    @Test
    void listContainsStandardNamespaces() {
        Api.as(sandbox)
                .when().get(PATH)
                .then().statusCode(200)
                .body("find { it.code == 'Email' }.id", equalTo(6))
                .body("find { it.code == 'Email' }.namespaceType", equalTo("Standard"))
                .body("find { it.code == 'Email' }.custom", equalTo(false))
                .body("find { it.code == 'Email' }.status", equalTo("ACTIVE"))
                .body("find { it.code == 'ECID' }.id", equalTo(4));
    }

    @Test
    void createReturnsCustomNamespace() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Loyalty id", "code", "loyaltyId", "idType", "cross_device",
                        "description", "Member number"))
                .when().post(PATH)
                .then().statusCode(200)
                .body("code", equalTo("loyaltyId"))
                .body("name", equalTo("Loyalty id"))
                .body("idType", equalTo("CROSS_DEVICE"))
                .body("description", equalTo("Member number"))
                .body("namespaceType", equalTo("Custom"))
                .body("custom", equalTo(true))
                .body("status", equalTo("ACTIVE"))
                .body("id", greaterThanOrEqualTo(1_000_000))
                .body("createTime", greaterThanOrEqualTo(1L));
    }

    @Test
    void createWithoutDescriptionSucceeds() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Store card", "code", "storeCard", "idType", "CROSS_DEVICE"))
                .when().post(PATH)
                .then().statusCode(200)
                .body("code", equalTo("storeCard"));
    }

    @Test
    void createdNamespaceIsListedAndReadable() {
        int id = create("ticketId");

        Api.as(sandbox)
                .when().get(PATH)
                .then().statusCode(200)
                .body("code", hasItem("ticketId"));
        Api.as(sandbox)
                .when().get(PATH + "/" + id)
                .then().statusCode(200)
                .body("code", equalTo("ticketId"))
                .body("id", equalTo(id));
    }

    @Test
    void getStandardNamespaceById() {
        Api.as(sandbox)
                .when().get(PATH + "/6")
                .then().statusCode(200)
                .body("code", equalTo("Email"))
                .body("createTime", equalTo(0));
    }

    @Test
    void unknownIdReturns404() {
        Api.as(sandbox)
                .when().get(PATH + "/99999999")
                .then().statusCode(404)
                .body("status", equalTo(404))
                .body("value", equalTo("99999999"));
    }

    @Test
    void nonNumericIdReturns400() {
        Api.as(sandbox)
                .when().get(PATH + "/Email")
                .then().statusCode(400)
                .body("field", equalTo("id"))
                .body("value", equalTo("Email"));
    }

    @Test
    void badIdTypeReturns400() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "code", "badType", "idType", "SHOE_SIZE"))
                .when().post(PATH)
                .then().statusCode(400)
                .body("field", equalTo("idType"))
                .body("value", equalTo("SHOE_SIZE"));
    }

    @Test
    void codeWithSpacesReturns400() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "code", "loyalty id", "idType", "CROSS_DEVICE"))
                .when().post(PATH)
                .then().statusCode(400)
                .body("field", equalTo("code"))
                .body("value", equalTo("loyalty id"));
    }

    @Test
    void missingCodeReturns400() {
        Api.invalidRequestAs(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "No code", "idType", "CROSS_DEVICE"))
                .when().post(PATH)
                .then().statusCode(400)
                .body("field", equalTo("code"));
    }

    @Test
    void duplicateCodeInOtherCaseReturns409() {
        create("memberId");

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Again", "code", "MEMBERID", "idType", "CROSS_DEVICE"))
                .when().post(PATH)
                .then().statusCode(409)
                .body("field", equalTo("code"))
                .body("value", equalTo("MEMBERID"));
    }

    @Test
    void standardCodeInOtherCaseReturns409() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", "Mail", "code", "email", "idType", "EMAIL"))
                .when().post(PATH)
                .then().statusCode(409)
                .body("field", equalTo("code"));
    }

    @Test
    void malformedJsonReturns400() {
        Api.invalidRequestAs(sandbox).contentType(ContentType.JSON)
                .body("{\"name\": \"x\", ")
                .when().post(PATH)
                .then().statusCode(400)
                .body("field", equalTo("body"));
    }

    @Test
    void missingContentTypeReturns400() {
        UntypedPost.Result result = Api.postWithoutContentType(sandbox, PATH,
                "{\"name\": \"x\", \"code\": \"x\", \"idType\": \"EMAIL\"}");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().getString("field")).isEqualTo("Content-Type");
    }

    @Test
    void wildcardContentTypeReturns400() {
        Api.invalidRequestAs(sandbox).contentType("*/*")
                .body("{\"name\": \"x\", \"code\": \"x\", \"idType\": \"EMAIL\"}".getBytes())
                .when().post(PATH)
                .then().statusCode(400)
                .body("field", equalTo("Content-Type"));
    }

    @Test
    void namespaceIsInvisibleFromOtherSandbox() {
        int id = create("sandboxOnly");

        Api.as(Api.newSandbox())
                .when().get(PATH)
                .then().statusCode(200)
                .body("code", not(hasItem("sandboxOnly")));
        Api.as(Api.newSandbox())
                .when().get(PATH + "/" + id)
                .then().statusCode(404);
    }

    @Test
    void namespaceIsInvisibleFromOtherOrg() {
        int id = create("orgOnly");

        Api.as("OTHERORG1@AdobeOrg", sandbox)
                .when().get(PATH)
                .then().statusCode(200)
                .body("code", not(hasItem("orgOnly")));
        Api.as("OTHERORG1@AdobeOrg", sandbox)
                .when().get(PATH + "/" + id)
                .then().statusCode(404);
    }

    private int create(String code) {
        return Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("name", code + " namespace", "code", code, "idType", "CROSS_DEVICE"))
                .when().post(PATH)
                .then().statusCode(200)
                .extract().path("id");
    }
}
