package io.openprofile.server.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A POST with a body and no {@code Content-Type} header, which REST Assured cannot send because it
 * always adds one. The response is validated against the contract like every other response.
 */
public final class UntypedPost {

    /** Status and parsed JSON body of the response. */
    public record Result(int status, JsonPath body) {
    }

    private UntypedPost() {
    }

    static Result send(OpenApiInteractionValidator validator, String org, String sandbox, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("x-api-key", Api.API_KEY)
                .header("x-gw-ims-org-id", org)
                .header("x-sandbox-name", sandbox)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = exchange(request);
        SimpleResponse.Builder checked = SimpleResponse.Builder.status(response.statusCode())
                .withBody(response.body());
        response.headers().map().forEach(checked::withHeader);
        ValidationReport report = validator.validateResponse(path, Request.Method.POST, checked.build());
        if (report.hasErrors()) {
            throw new AssertionError("response of POST " + path + " breaks the contract:\n" + report);
        }
        return new Result(response.statusCode(), JsonPath.from(response.body()));
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request to the test server failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + request.uri(), e);
        }
    }
}
