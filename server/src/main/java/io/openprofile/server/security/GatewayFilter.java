package io.openprofile.server.security;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.GatewayErrorBody;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.SandboxService;
import io.openprofile.server.tenancy.Tenant;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the four platform headers of every API request, the way Adobe's gateway does, and
 * resolves the caller's tenant. Streaming collection paths authenticate per connection instead.
 */
public class GatewayFilter {

    static final String API_KEY = "x-api-key";
    static final String ORG_ID = "x-gw-ims-org-id";
    static final String SANDBOX = "x-sandbox-name";
    static final String DEFAULT_SANDBOX = "prod";

    private static final Logger LOG = Logger.getLogger(GatewayFilter.class);
    private static final Pattern ORG_ID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,100}@AdobeOrg");
    private static final String BEARER = "bearer ";

    @Inject
    CredentialVerifier verifier;

    @Inject
    SandboxService sandboxes;

    @Inject
    RequestContext context;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Optional<RestResponse<Object>> checkHeaders(ContainerRequestContext request) {
        if (isExempt(request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        Optional<GatewayErrorBody> failure = checkCredentials(request);
        if (failure.isPresent()) {
            GatewayErrorBody body = failure.get();
            LOG.debugf("request %s rejected by gateway check %s", context.requestId(), body.errorCode());
            return Optional.of(RestResponse.ResponseBuilder.<Object>create(body.status())
                    .entity(body)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build());
        }
        String orgId = request.getHeaderString(ORG_ID).trim();
        String sandbox = sandboxName(request.getHeaderString(SANDBOX));
        sandboxes.requireSandbox(orgId, sandbox);
        context.setTenant(new Tenant(orgId, sandbox));
        return Optional.empty();
    }

    private Optional<GatewayErrorBody> checkCredentials(ContainerRequestContext request) {
        Optional<GatewayErrorBody> tokenOrKey = checkTokenAndKeyPresent(request);
        if (tokenOrKey.isPresent()) {
            return tokenOrKey;
        }
        String orgId = request.getHeaderString(ORG_ID);
        if (isBlank(orgId)) {
            return gatewayError("400003", "Missing header");
        }
        if (!ORG_ID_FORMAT.matcher(orgId.trim()).matches()) {
            return gatewayError("403027", "User region is missing");
        }
        return verify(verifier, request, orgId.trim());
    }

    /** Checks that a bearer token and an API key are present, with Adobe's gateway codes. */
    static Optional<GatewayErrorBody> checkTokenAndKeyPresent(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (isBlank(authorization)) {
            return gatewayError("403010", "Oauth token is missing.");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return gatewayError(CredentialVerifier.Failure.TOKEN_INVALID);
        }
        if (isBlank(request.getHeaderString(API_KEY))) {
            return gatewayError("403000", "Api Key is required");
        }
        return Optional.empty();
    }

    /** Asks the verifier about the present token and API key for {@code orgId}. */
    static Optional<GatewayErrorBody> verify(CredentialVerifier verifier, ContainerRequestContext request,
            String orgId) {
        String token = request.getHeaderString(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).trim();
        String apiKey = request.getHeaderString(API_KEY).trim();
        return verifier.verify(token, apiKey, orgId).flatMap(GatewayFilter::gatewayError);
    }

    private static String sandboxName(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_SANDBOX;
        }
        String name = header.trim();
        if (!SandboxService.isValidName(name)) {
            throw DomainException.invalid(SANDBOX, name,
                    "must be 1 to 30 lower-case letters, digits or hyphens, starting with a letter");
        }
        return name;
    }

    /** Paths served without platform headers: Quarkus endpoints and streaming collection. */
    static boolean isExempt(String path) {
        return path.startsWith("/q/") || path.equals("/q") || path.startsWith("/collection/");
    }

    private static Optional<GatewayErrorBody> gatewayError(CredentialVerifier.Failure failure) {
        return gatewayError(failure.code(), failure.message());
    }

    private static Optional<GatewayErrorBody> gatewayError(String code, String message) {
        return Optional.of(new GatewayErrorBody(code, message));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
