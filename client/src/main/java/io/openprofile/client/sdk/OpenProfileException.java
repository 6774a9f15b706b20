package io.openprofile.client.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openprofile.client.ApiException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An error response from openprofile, with its parsed error body.
 *
 * <p>It extends the generated {@link ApiException}, so code that catches {@code ApiException} keeps
 * working, and {@link #getCode()} and {@link #getResponseBody()} still return the status and the raw
 * body. The accessors read both error shapes of the contract: the service's {@code ErrorResponse}
 * and the {@code GatewayError} of the header checks ({@code error_code} and {@code message}). A field
 * that the body does not carry, or a body that is not JSON, gives {@code null}.
 *
 * <p>{@link #of} picks the subclass for the status: {@link BadRequestException} (400),
 * {@link UnauthorizedException} (401), {@link ForbiddenException} (403), {@link NotFoundException}
 * (404), {@link ConflictException} (409), {@link UnprocessableEntityException} (422),
 * {@link TooManyRequestsException} (429) and {@link ServerErrorException} (5xx, with
 * {@link ServiceUnavailableException} for 503). Other statuses get this class.
 */
public class OpenProfileException extends ApiException {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient JsonNode errorBody;

    /**
     * Creates the exception for a response with {@code status}, its headers (may be null) and its
     * body (may be null).
     */
    public OpenProfileException(int status, Map<String, List<String>> headers, String body) {
        this(status, headers, body, parse(body));
    }

    private OpenProfileException(int status, Map<String, List<String>> headers, String body, JsonNode errorBody) {
        super(summary(status, errorBody, body), status, headers, body);
        this.errorBody = errorBody;
    }

    /** Creates the exception subclass that matches {@code status}. */
    public static OpenProfileException of(int status, Map<String, List<String>> headers, String body) {
        switch (status) {
            case 400:
                return new BadRequestException(headers, body);
            case 401:
                return new UnauthorizedException(headers, body);
            case 403:
                return new ForbiddenException(headers, body);
            case 404:
                return new NotFoundException(headers, body);
            case 409:
                return new ConflictException(headers, body);
            case 422:
                return new UnprocessableEntityException(headers, body);
            case 429:
                return new TooManyRequestsException(headers, body);
            case 503:
                return new ServiceUnavailableException(headers, body);
            default:
                return status >= 500 && status <= 599
                        ? new ServerErrorException(status, headers, body)
                        : new OpenProfileException(status, headers, body);
        }
    }

    /** Returns the HTTP status of the response, the same value as {@link #getCode()}. */
    public int getStatus() {
        return getCode();
    }

    /**
     * Returns the machine-readable code: {@code errorCode} of a service error, such as
     * {@code OP-404-NOT-FOUND}, or the six-digit {@code error_code} of a gateway error, such as
     * {@code 403010}.
     */
    public String getErrorCode() {
        String serviceCode = text("errorCode");
        return serviceCode != null ? serviceCode : text("error_code");
    }

    /** Returns true when the body is a gateway error, which the header checks send before a service runs. */
    public boolean isGatewayError() {
        return text("error_code") != null;
    }

    /** Returns the {@code type} URI of a service error, as a string. */
    public String getType() {
        return text("type");
    }

    /** Returns the {@code title} of a service error, the same for every error of one {@code type}. */
    public String getTitle() {
        return text("title");
    }

    /**
     * Returns the {@code detail} sentence of a service error, or the {@code message} of a gateway
     * error, which has no {@code detail}.
     */
    public String getDetail() {
        String detail = text("detail");
        return detail != null ? detail : text("message");
    }

    /** Returns the name of the offending parameter, header or body property. */
    public String getField() {
        return text("field");
    }

    /** Returns the offending value as the server echoed it. */
    public String getValue() {
        return text("value");
    }

    /** Returns the request id, the same value as the {@code x-request-id} response header. */
    public String getRequestId() {
        return text("requestId");
    }

    /** Returns the parsed body, or {@code null} when it was empty or not JSON. */
    public JsonNode getErrorBody() {
        return errorBody;
    }

    /**
     * Returns how long the server requested the caller to wait before a retry: the body's
     * {@code retryAfterMs} in milliseconds when it is a non-negative number, else the
     * {@code Retry-After} header in seconds or as an HTTP date. Empty when neither is given.
     */
    public Optional<Duration> getRetryAfter() {
        JsonNode millis = errorBody == null ? null : errorBody.get("retryAfterMs");
        if (millis != null && millis.canConvertToLong() && millis.asLong() >= 0) {
            return Optional.of(Duration.ofMillis(millis.asLong()));
        }
        String header = header("Retry-After");
        return header == null ? Optional.empty() : parseRetryAfter(header.trim());
    }

    private String text(String name) {
        JsonNode node = errorBody == null ? null : errorBody.get(name);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    private String header(String name) {
        Map<String, List<String>> headers = getResponseHeaders();
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static Optional<Duration> parseRetryAfter(String value) {
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration remaining = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(remaining.isNegative() ? Duration.ZERO : remaining);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    private static String summary(int status, JsonNode errorBody, String body) {
        if (errorBody == null) {
            return "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + body);
        }
        JsonNode code = errorBody.has("errorCode") ? errorBody.get("errorCode") : errorBody.get("error_code");
        JsonNode detail = errorBody.has("detail") ? errorBody.get("detail") : errorBody.get("message");
        return "HTTP " + status + (code == null ? "" : " " + code.asText())
                + (detail == null ? "" : ": " + detail.asText());
    }
}
