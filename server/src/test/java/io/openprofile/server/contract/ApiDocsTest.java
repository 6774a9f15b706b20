package io.openprofile.server.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the pages for API designers: the rendered reference (or the page that replaces it when the
 * build had no Node.js), Swagger UI, and the contract that Swagger UI loads. None needs the platform
 * headers.
 */
@QuarkusTest
class ApiDocsTest {

    private static final String TITLE = "openprofile API";
    private static final Pattern SWAGGER_URL = Pattern.compile("url\\s*:\\s*['\"]([^'\"]+)['\"]");

    @Test
    void referencePageIsServed() {
        String page = given()
                .when().get("/docs/api.html")
                .then().statusCode(200)
                .contentType("text/html")
                .extract().asString();

        if (page.contains("API reference not built")) {
            assertThat(page).as("fallback page links Swagger UI").contains("href=\"/q/swagger-ui/\"");
            assertThat(page).as("fallback page links the raw contract").contains("href=\"/q/openapi\"");
        } else {
            assertThat(page).as("rendered reference title").contains("<title>" + TITLE + "</title>");
            assertThat(page).as("rendered reference lists an operation").contains("getEntities");
        }
    }

    @Test
    void swaggerUiIsServed() {
        String page = given()
                .when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .contentType("text/html")
                .extract().asString();

        assertThat(page).as("Swagger UI page").contains("SwaggerUIBundle");
    }

    @Test
    void swaggerUiLoadsTheStaticContract() {
        String page = given().when().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        Matcher url = SWAGGER_URL.matcher(page);
        assertThat(url.find()).as("contract URL in the Swagger UI page").isTrue();

        String contract = given()
                .when().get(url.group(1))
                .then().statusCode(200)
                .extract().asString();

        assertThat(url.group(1)).as("contract URL").isEqualTo("/q/openapi");
        assertThat(contract).as("served contract title").contains("title: " + TITLE);
        assertThat(contract).as("served contract keeps its examples").contains("examples:");
        assertThat(contract).as("served contract keeps operation ids").contains("operationId: getEntities");
        assertThat(contract).as("served contract points Swagger UI at the serving host")
                .contains("servers:\n- url: /\n");
    }
}
