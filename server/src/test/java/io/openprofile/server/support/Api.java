package io.openprofile.server.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Request templates for contract tests: the development credentials, a sandbox of the test's own,
 * and validation of every request and response against the bundled contract.
 */
public final class Api {

    public static final String TOKEN = "dev-token";
    public static final String API_KEY = "dev-api-key";
    public static final String ORG = "OPENPROFILETEST@AdobeOrg";

    private static final Path CONTRACT = Path.of("target/contract/openapi/openapi.yaml");
    private static OpenApiInteractionValidator validator;
    private static OpenApiValidationFilter validation;

    private Api() {
    }

    /** Returns a fresh sandbox name, so that each test class reads only its own data. */
    public static String newSandbox() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Builds a request with all platform headers for {@code sandbox}, validated against the contract. */
    public static RequestSpecification as(String sandbox) {
        return as(ORG, sandbox);
    }

    /** Builds a request with all platform headers for a sandbox of another organization, validated against the contract. */
    public static RequestSpecification as(String org, String sandbox) {
        return withHeaders(bare(), org, sandbox);
    }

    /**
     * Builds a request with all platform headers whose response alone is validated against the contract,
     * for requests that break the contract on purpose (malformed JSON, a missing Content-Type).
     */
    public static RequestSpecification invalidRequestAs(String sandbox) {
        return withHeaders(given().filter(ResponseValidationFilter.of(validator())).accept(ContentType.JSON), ORG,
                sandbox);
    }

    /** Builds a request without platform headers, validated against the contract. */
    public static RequestSpecification bare() {
        return given().filter(validation()).accept(ContentType.JSON);
    }

    /** Builds a request without headers or contract validation, for deliberately malformed traffic. */
    public static RequestSpecification raw() {
        return given();
    }

    /** Sends a POST whose body has no {@code Content-Type}; the response is validated against the contract. */
    public static UntypedPost.Result postWithoutContentType(String sandbox, String path, String body) {
        return UntypedPost.send(validator(), ORG, sandbox, path, body);
    }

    private static RequestSpecification withHeaders(RequestSpecification request, String org, String sandbox) {
        return request
                .header("Authorization", "Bearer " + TOKEN)
                .header("x-api-key", API_KEY)
                .header("x-gw-ims-org-id", org)
                .header("x-sandbox-name", sandbox);
    }

    private static synchronized OpenApiValidationFilter validation() {
        if (validation == null) {
            validation = new OpenApiValidationFilter(validator());
        }
        return validation;
    }

    private static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            if (!Files.exists(CONTRACT)) {
                throw new IllegalStateException("bundled contract not found at " + CONTRACT.toAbsolutePath()
                        + "; run the build from the repository root so the server module unpacks it");
            }
            validator = OpenApiInteractionValidator.createForSpecificationUrl(CONTRACT.toUri().toString()).build();
        }
        return validator;
    }
}
