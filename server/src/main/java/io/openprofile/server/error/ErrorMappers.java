package io.openprofile.server.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.openprofile.server.http.StrictParamConverters;
import io.openprofile.server.tenancy.RequestContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * The one place where exceptions become error bodies. Client errors are logged at DEBUG, server
 * faults at ERROR with their stack trace; no body ever carries a stack trace or a class name.
 */
public class ErrorMappers {

    /** Path of the legacy computed-attribute API, whose errors also carry {@code code}. */
    private static final String LEGACY_COMPUTED_ATTRIBUTES = "/data/core/ups/config/computedAttributes";

    /** Path of delete requests, whose errors carry Adobe's {@code errors} envelope keyed by status. */
    private static final String SYSTEM_JOBS = "/data/core/ups/system/jobs";

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    RequestContext context;

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapDomain(DomainException e) {
        if (e.kind() == ErrorKind.INTERNAL) {
            LOG.errorf(e, "request %s failed", context.requestId());
        } else {
            LOG.debugf("request %s rejected: %s", context.requestId(), e.getMessage());
        }
        return respond(e.kind(), e.code(), e.getMessage(), e.field(), e.value(), e.details());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapViolation(ConstraintViolationException e, SimpleResourceInfo resource) {
        ConstraintViolation<?> violation = e.getConstraintViolations().stream()
                .min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .orElse(null);
        if (violation == null) {
            return respond(ErrorKind.INVALID_INPUT, "INVALID_PARAMETER", e.getMessage(), null, null);
        }
        if (ViolationPaths.isReturnValue(violation)) {
            LOG.errorf(e, "request %s produced an invalid response", context.requestId());
            return respond(ErrorKind.INTERNAL, "INTERNAL_ERROR", "the server produced an invalid response",
                    null, null);
        }
        String field = ViolationPaths.wireName(violation, resource);
        Object invalid = violation.getInvalidValue();
        String hint = ViolationPaths.BODY.equals(field) ? "send the JSON document this operation takes" : null;
        DomainException mapped = invalid == null
                ? DomainException.missing(field, hint)
                : DomainException.invalid(field, shownValue(invalid), violation.getMessage());
        return mapDomain(mapped);
    }

    /** Shows a rejected value without echoing whole objects or lists back to the caller. */
    private static Object shownValue(Object invalid) {
        if (invalid instanceof java.util.Collection<?> collection) {
            return collection.size() + " items";
        }
        if (invalid instanceof CharSequence || invalid instanceof Number || invalid instanceof Boolean
                || invalid instanceof Enum<?>) {
            return invalid;
        }
        return "the given object";
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapJsonParse(JsonParseException e) {
        return malformedJson(e.getOriginalMessage(), e.getLocation() == null ? -1 : e.getLocation().getLineNr(),
                e.getLocation() == null ? -1 : e.getLocation().getColumnNr());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapMismatchedInput(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        if (message != null && message.contains("end-of-input")) {
            return malformedJson("the body ends before the JSON value is complete", -1, -1);
        }
        return mapJsonMapping(e);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapJsonMapping(JsonMappingException e) {
        if (e.getCause() instanceof JsonParseException parse) {
            return mapJsonParse(parse);
        }
        String field = JsonPaths.describe(e.getPath());
        String reason = JsonPaths.reason(e);
        if (field.isEmpty()) {
            return respond(ErrorKind.INVALID_INPUT, "INVALID_BODY", "request body is invalid: " + reason, null,
                    null);
        }
        return respond(ErrorKind.INVALID_INPUT, "INVALID_BODY", "body property " + field + " is invalid: " + reason,
                field, null);
    }

    /** Maps Jackson's read limits (nesting depth, number and string lengths) to a 400 that names the limit. */
    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapStreamConstraints(StreamConstraintsException e) {
        return respond(ErrorKind.INVALID_INPUT, "BODY_TOO_COMPLEX",
                "request body exceeds a JSON read limit: " + JsonPaths.withoutClassNames(e.getOriginalMessage()),
                "body", null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapJsonProcessing(JsonProcessingException e) {
        return malformedJson(e.getOriginalMessage(), -1, -1);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapNotFound(NotFoundException e) {
        return respond(ErrorKind.NOT_FOUND, "NOT_FOUND", "no resource matches this path", null, null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapNotAllowed(NotAllowedException e) {
        String allowed = String.join(", ", e.getResponse().getAllowedMethods());
        String hint = allowed.isEmpty() ? "; see the contract at /q/openapi for the methods of this path"
                : "; allowed: " + allowed;
        return respond(ErrorKind.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                "this path does not support the request method" + hint, null, null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapNotSupported(NotSupportedException e) {
        return respond(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Content-Type is not supported by this operation; send application/json unless the operation "
                        + "documents another type",
                "Content-Type", null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapNotAcceptable(NotAcceptableException e) {
        return respond(ErrorKind.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                "the Accept header names no media type this operation produces; accept application/json",
                "Accept", null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapInvalidParameter(StrictParamConverters.InvalidParameter e, UriInfo uri) {
        return mapDomain(e.toDomain(queryParameterWithValue(uri, e.value())));
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapWebApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof StrictParamConverters.InvalidParameter invalid) {
            return mapInvalidParameter(invalid, uri);
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonParseException parse) {
            return mapJsonParse(parse);
        }
        if (cause instanceof JsonMappingException mapping) {
            return mapJsonMapping(mapping);
        }
        if (cause instanceof StreamConstraintsException limit) {
            return mapStreamConstraints(limit);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return mapUnexpected(e);
        }
        ErrorKind kind = kindFor(status);
        LOG.debugf("request %s rejected with %d: %s", context.requestId(), status, e.getMessage());
        return respond(kind, kind.name(), e.getMessage(), null, null);
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> mapUnexpected(Throwable e) {
        LOG.errorf(e, "request %s failed", context.requestId());
        return respond(ErrorKind.INTERNAL, "INTERNAL_ERROR",
                "the server failed to process the request; retry later or report request id "
                        + context.requestId(),
                null, null);
    }

    /** Names the query parameter that carried {@code value}, for converters that do not know it. */
    private static String queryParameterWithValue(UriInfo uri, String value) {
        if (uri != null) {
            for (var entry : uri.getQueryParameters().entrySet()) {
                if (entry.getValue().contains(value)) {
                    return entry.getKey();
                }
            }
            for (var entry : uri.getPathParameters().entrySet()) {
                if (entry.getValue().contains(value)) {
                    return entry.getKey();
                }
            }
        }
        return "parameter";
    }

    private RestResponse<ErrorBody> malformedJson(String reason, int line, int column) {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return respond(ErrorKind.INVALID_INPUT, "MALFORMED_JSON",
                "request body is not valid JSON" + where + ": " + reason, "body", null);
    }

    private RestResponse<ErrorBody> respond(ErrorKind kind, String code, String message, String field,
            String value) {
        return respond(kind, code, message, field, value, null);
    }

    private RestResponse<ErrorBody> respond(ErrorKind kind, String code, String message, String field,
            String value, java.util.List<ErrorDetail> details) {
        ErrorBody body = ErrorBody.of(kind, code, message, field, value, context.requestId(), details);
        if (context.path().startsWith(LEGACY_COMPUTED_ATTRIBUTES)) {
            body = body.withLegacyCode();
        }
        if (context.path().startsWith(SYSTEM_JOBS)) {
            body = body.withStatusKeyedErrors();
        }
        return RestResponse.ResponseBuilder.<ErrorBody>create(kind.status())
                .entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    private static ErrorKind kindFor(int status) {
        for (ErrorKind kind : ErrorKind.values()) {
            if (kind.status() == status) {
                return kind;
            }
        }
        return status == Response.Status.UNAUTHORIZED.getStatusCode() ? ErrorKind.FORBIDDEN
                : ErrorKind.INVALID_INPUT;
    }
}
