package io.openprofile.server.http;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Content negotiation rules that hold for every operation.
 *
 * <p>Adobe's clients send vendor media types such as {@code application/vnd.adobe.xed+json} or
 * {@code application/vnd.adobe.xdm+json} in {@code Accept}. openprofile responds to all of them with
 * JSON, so they are rewritten before routing. A request with a body must name its
 * concrete {@code Content-Type}, as Adobe's platform requires.
 */
public class MediaTypeFilters {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public void normalizeAccept(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("application/vnd.adobe.")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/json, */*;q=0.1");
        }
    }

    @ServerRequestFilter(preMatching = true)
    public void requireContentType(ContainerRequestContext request) {
        if (!BODY_METHODS.contains(request.getMethod()) || !hasBody(request)) {
            return;
        }
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        // A wildcard such as */* names no media type, and JAX-RS would match it to any @Consumes.
        if (contentType == null || contentType.isBlank() || contentType.contains("*")) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "MISSING_CONTENT_TYPE",
                    "A valid content-type must be specified: send Content-Type: application/json "
                            + "(application/octet-stream for file uploads)",
                    "Content-Type", null);
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
