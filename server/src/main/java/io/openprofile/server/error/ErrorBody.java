package io.openprofile.server.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The service error body of the contract's {@code ErrorResponse} schema.
 *
 * <p>It carries both Adobe's Profile Access fields ({@code message}, {@code statusCode} as a
 * string) and the problem-details fields ({@code type}, {@code title}, {@code status},
 * {@code detail}) so that clients written for either shape can read it. {@code errors} is a list
 * of {@link ErrorDetail}, or for delete requests a map from the status as a string to that list.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(
        String type,
        String title,
        int status,
        String detail,
        String message,
        String statusCode,
        String errorCode,
        String field,
        String value,
        String requestId,
        Object errors,
        String code) {

    private static final String TYPE_BASE = "https://ns.openprofile.io/errors/";
    /** Longest echoed value and message, so that a huge rejected input does not come back in full. */
    private static final int MAX_VALUE_LENGTH = 256;
    private static final int MAX_MESSAGE_LENGTH = 1024;

    /** Returns this body with the legacy computed-attribute API's {@code code} field, the status as a string. */
    public ErrorBody withLegacyCode() {
        return new ErrorBody(type, title, status, detail, message, statusCode, errorCode, field, value, requestId,
                errors, statusCode);
    }

    /**
     * Returns this body with {@code errors} in the envelope of Adobe's profile service, which maps
     * the status as a string to the reasons. A failure without reasons of its own gets one, made
     * of {@code errorCode} and {@code message}.
     */
    public ErrorBody withStatusKeyedErrors() {
        Object reasons = errors != null ? errors : java.util.List.of(new ErrorDetail(errorCode, message, null));
        return new ErrorBody(type, title, status, detail, message, statusCode, errorCode, field, value, requestId,
                java.util.Map.of(statusCode, reasons), code);
    }

    /** Builds the body for a failure of {@code kind} with a machine code and a message. */
    public static ErrorBody of(ErrorKind kind, String code, String message, String field, String value,
            String requestId, java.util.List<ErrorDetail> errors) {
        String shownValue = abbreviate(value, MAX_VALUE_LENGTH);
        String shownMessage = abbreviate(message, MAX_MESSAGE_LENGTH);
        int status = kind.status();
        String slug = code.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return new ErrorBody(TYPE_BASE + slug, kind.title(), status, shownMessage, shownMessage,
                Integer.toString(status), "OP-" + status + "-" + code.replace('_', '-'), field, shownValue,
                requestId, errors == null || errors.isEmpty() ? null : errors, null);
    }

    private static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... (" + text.length() + " characters)";
    }
}
