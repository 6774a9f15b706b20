package io.openprofile.client.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.client.ApiException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping of error responses to typed exceptions and reading of the contract's error bodies. */
class ExceptionMappingTest {

    private static final String NOT_FOUND = "{\"type\": \"https://ns.openprofile.io/errors/not-found\", "
            + "\"title\": \"Not found\", \"status\": 404, "
            + "\"detail\": \"merge policy 'mp-9' does not exist in sandbox 'prod'\", "
            + "\"message\": \"merge policy 'mp-9' does not exist in sandbox 'prod'\", \"statusCode\": \"404\", "
            + "\"errorCode\": \"OP-404-NOT-FOUND\", \"field\": \"mergePolicyId\", \"value\": \"mp-9\", "
            + "\"requestId\": \"req-1\"}";
    private static final String TOKEN_MISSING =
            "{\"error_code\": \"403010\", \"message\": \"Oauth token is missing.\"}";

    @Test
    void statusSelectsSubclass() {
        Map<Integer, Class<? extends OpenProfileException>> expected = new LinkedHashMap<>();
        expected.put(400, BadRequestException.class);
        expected.put(401, UnauthorizedException.class);
        expected.put(403, ForbiddenException.class);
        expected.put(404, NotFoundException.class);
        expected.put(409, ConflictException.class);
        expected.put(422, UnprocessableEntityException.class);
        expected.put(429, TooManyRequestsException.class);
        expected.put(500, ServerErrorException.class);
        expected.put(502, ServerErrorException.class);
        expected.put(503, ServiceUnavailableException.class);
        expected.put(415, OpenProfileException.class);

        for (Map.Entry<Integer, Class<? extends OpenProfileException>> entry : expected.entrySet()) {
            OpenProfileException mapped = OpenProfileException.of(entry.getKey(), Map.of(), "{}");

            assertSame(entry.getValue(), mapped.getClass(), "class for status " + entry.getKey());
            assertEquals(entry.getKey(), mapped.getStatus(), "status for " + entry.getKey());
        }
    }

    @Test
    void serviceErrorFieldsAreRead() {
        OpenProfileException error = OpenProfileException.of(404, Map.of(), NOT_FOUND);

        assertEquals("OP-404-NOT-FOUND", error.getErrorCode());
        assertEquals("https://ns.openprofile.io/errors/not-found", error.getType());
        assertEquals("Not found", error.getTitle());
        assertEquals("merge policy 'mp-9' does not exist in sandbox 'prod'", error.getDetail());
        assertEquals("mergePolicyId", error.getField());
        assertEquals("mp-9", error.getValue());
        assertEquals("req-1", error.getRequestId());
        assertFalse(error.isGatewayError());
        assertEquals("HTTP 404 OP-404-NOT-FOUND: merge policy 'mp-9' does not exist in sandbox 'prod'",
                error.getMessage());
    }

    @Test
    void gatewayErrorFieldsAreRead() {
        OpenProfileException error = OpenProfileException.of(403, Map.of(), TOKEN_MISSING);

        assertTrue(error.isGatewayError());
        assertEquals("403010", error.getErrorCode());
        assertEquals("Oauth token is missing.", error.getDetail());
        assertNull(error.getType());
        assertNull(error.getField());
    }

    @Test
    void nonJsonBodyKeepsRawText() {
        OpenProfileException error = OpenProfileException.of(502, Map.of(), "<html>Bad gateway</html>");

        assertNull(error.getErrorBody());
        assertNull(error.getErrorCode());
        assertEquals("<html>Bad gateway</html>", error.getResponseBody());
        assertEquals("HTTP 502: <html>Bad gateway</html>", error.getMessage());
    }

    @Test
    void retryAfterBodyWinsOverHeader() {
        OpenProfileException error = OpenProfileException.of(429, Map.of("retry-after", List.of("7")),
                "{\"retryAfterMs\": 1500}");

        assertEquals(Duration.ofMillis(1500), error.getRetryAfter().orElseThrow());
    }

    @Test
    void retryAfterHttpDateIsRead() {
        String inOneMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        OpenProfileException error = OpenProfileException.of(503, Map.of("Retry-After", List.of(inOneMinute)), "");

        Duration wait = error.getRetryAfter().orElseThrow();

        assertTrue(wait.compareTo(Duration.ofSeconds(58)) >= 0, "wait was " + wait);
        assertTrue(wait.compareTo(Duration.ofSeconds(60)) <= 0, "wait was " + wait);
    }

    @Test
    void malformedRetryAfterIsIgnored() {
        OpenProfileException error = OpenProfileException.of(503, Map.of("Retry-After", List.of("soon")),
                "{\"retryAfterMs\": -5}");

        assertTrue(error.getRetryAfter().isEmpty());
    }

    @Test
    void generatedApiThrowsTypedException() throws Exception {
        try (StubServer stub = new StubServer();
                OpenProfileClient client = OpenProfileClient.builder().baseUrl(stub.baseUrl()).bearerToken("t")
                        .apiKey("k").imsOrg("ACME@AdobeOrg").build()) {
            stub.reply("GET", "/data/core/ups/config/mergePolicies/mp-9", 404, NOT_FOUND);

            ApiException thrown = assertThrows(ApiException.class,
                    () -> client.mergePolicies().getMergePolicy("mp-9"));

            NotFoundException notFound = assertInstanceOf(NotFoundException.class, thrown);
            assertEquals(404, notFound.getCode());
            assertEquals("mergePolicyId", notFound.getField());
            assertEquals(NOT_FOUND, notFound.getResponseBody());
        }
    }

    @Test
    void serverErrorRejectsOtherStatus() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> new ServerErrorException(404, Map.of(), "{}"));

        assertEquals("status must be between 500 and 599, got 404", failure.getMessage());
    }
}
