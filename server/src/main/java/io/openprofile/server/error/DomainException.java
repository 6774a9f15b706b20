package io.openprofile.server.error;

import java.util.List;

/**
 * A failure a caller can act on, raised by services and turned into the documented error body.
 *
 * <p>{@code code} is a stable machine-readable name such as {@code INVALID_PARAMETER}; the message
 * is a full sentence naming the value and the rule. {@code field} and {@code value} are optional.
 */
public class DomainException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final String field;
    private final String value;
    private List<ErrorDetail> details = List.of();

    public DomainException(ErrorKind kind, String code, String message, String field, String value) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.value = value;
    }

    public DomainException(ErrorKind kind, String code, String message) {
        this(kind, code, message, null, null);
    }

    /** Creates the error for a bad parameter, header or body property: {@code "<field> <rule>, got <value>"}. */
    public static DomainException invalid(String field, Object value, String rule) {
        String shown = value == null ? "nothing" : "'" + value + "'";
        return new DomainException(ErrorKind.INVALID_INPUT, "INVALID_PARAMETER",
                field + " " + rule + ", got " + shown, field, value == null ? null : value.toString());
    }

    /** Creates the error for a required parameter, header or body property that is absent. */
    public static DomainException missing(String field, String hint) {
        return new DomainException(ErrorKind.INVALID_INPUT, "MISSING_PARAMETER",
                field + " is required" + (hint == null ? "" : ": " + hint), field, null);
    }

    /** Creates the error for a resource that does not exist in the caller's sandbox. */
    public static DomainException notFound(String what, String id) {
        return new DomainException(ErrorKind.NOT_FOUND, "NOT_FOUND",
                what + " '" + id + "' was not found in this sandbox", null, id);
    }

    /** Attaches the individual problems behind this failure, such as the errors of one record. */
    public DomainException withDetails(List<ErrorDetail> details) {
        this.details = List.copyOf(details);
        return this;
    }

    public List<ErrorDetail> details() {
        return details;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
