package io.openprofile.server.http;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Content negotiation rules that hold for every operation.
 *
 * <p>Adobe's clients send vendor media types such as {@code application/vnd.adobe.xed+json} or
 * {@code application/vnd.adobe.xdm+json} in {@code Accept}. openprofile responds to all of them with
 * JSON, so they are rewritten before routing. A request with a body must name its
 * concrete {@code Content-Type}, as Adobe's platform requires.
 *
 * <p>The edge projection endpoints take their bodies in vendor types of their own, with or without
 * {@code ; version=1}. Only that type or {@code application/json} is accepted there, and the vendor
 * type is rewritten to {@code application/json} before routing, so the JSON reader handles it.
 */
public class MediaTypeFilters {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    /** Vendor types of request bodies, by the path of the operations that take them and their sub-paths. */
    private static final Map<String, String> VENDOR_BODY_TYPES = Map.of(
            "/data/core/ups/config/projections", "application/vnd.adobe.platform.projectionConfig+json",
            "/data/core/ups/config/destinations", "application/vnd.adobe.platform.projectionDestination+json");

    /** The only {@code version} parameter of the vendor body types. */
    private static final String VENDOR_TYPE_VERSION = "1";

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
        String vendorType = vendorBodyType(request.getUriInfo().getPath());
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        // A wildcard such as */* names no media type, and JAX-RS would match it to any @Consumes.
        if (contentType == null || contentType.isBlank() || contentType.contains("*")) {
            String expected = vendorType == null ? "application/json (application/octet-stream for file uploads)"
                    : vendorType + "; version=" + VENDOR_TYPE_VERSION;
            throw new DomainException(ErrorKind.INVALID_INPUT, "MISSING_CONTENT_TYPE",
                    "A valid content-type must be specified: send Content-Type: " + expected,
                    "Content-Type", null);
        }
        if (vendorType != null) {
            acceptVendorBody(request, contentType, vendorType);
        }
    }

    /**
     * Accepts {@code vendorType} (with no {@code version} or version 1) or {@code application/json} and rejects
     * every other type with a 415. The vendor type is rewritten to JSON, keeping its charset.
     */
    private static void acceptVendorBody(ContainerRequestContext request, String contentType, String vendorType) {
        MediaType mediaType;
        try {
            mediaType = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported(contentType, vendorType, "is not a media type");
        }
        String bareType = mediaType.getType() + "/" + mediaType.getSubtype();
        if (bareType.equalsIgnoreCase(MediaType.APPLICATION_JSON)) {
            return;
        }
        if (!bareType.equalsIgnoreCase(vendorType)) {
            throw unsupported(contentType, vendorType, "is not accepted by this operation");
        }
        String version = parameter(mediaType, "version");
        if (version != null && !version.trim().equals(VENDOR_TYPE_VERSION)) {
            throw unsupported(contentType, vendorType, "names a version other than " + VENDOR_TYPE_VERSION);
        }
        String charset = parameter(mediaType, "charset");
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE,
                charset == null ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_JSON + ";charset=" + charset);
    }

    /** Returns the vendor body type of the operations under {@code path}, or {@code null} for plain JSON. */
    private static String vendorBodyType(String path) {
        for (Map.Entry<String, String> entry : VENDOR_BODY_TYPES.entrySet()) {
            if (path.equals(entry.getKey()) || path.startsWith(entry.getKey() + "/")) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String parameter(MediaType mediaType, String name) {
        for (Map.Entry<String, String> entry : mediaType.getParameters().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static DomainException unsupported(String contentType, String vendorType, String problem) {
        return new DomainException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                "Content-Type " + contentType + " " + problem + "; send " + vendorType + "; version="
                        + VENDOR_TYPE_VERSION + " or application/json",
                "Content-Type", contentType);
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
