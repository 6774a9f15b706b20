package io.openprofile.server.security;

import io.openprofile.server.error.GatewayErrorBody;
import io.openprofile.server.streaming.StreamingConnection;
import io.openprofile.server.streaming.StreamingService;
import io.openprofile.server.tenancy.RequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates streaming collection requests. The connection id in the path names the
 * organisation, sandbox and dataset, so no platform headers are needed; a connection created with
 * {@code authenticationRequired} also needs a valid bearer token and API key, checked with the same
 * gateway codes as every other request.
 */
public class CollectionFilter {

    private static final String PREFIX = "/collection/";
    private static final String BATCH_PREFIX = "/collection/batch/";

    @Inject
    StreamingService streaming;

    @Inject
    CredentialVerifier verifier;

    @Inject
    RequestContext context;

    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.AUTHENTICATION)
    public Optional<RestResponse<Object>> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String connectionId = path.startsWith(BATCH_PREFIX) ? path.substring(BATCH_PREFIX.length())
                : path.substring(PREFIX.length());
        StreamingConnection inlet = streaming.inlet(connectionId);
        if (inlet.authenticationRequired()) {
            Optional<GatewayErrorBody> failure = check(request, inlet);
            if (failure.isPresent()) {
                return Optional.of(RestResponse.ResponseBuilder.<Object>create(failure.get().status())
                        .entity(failure.get())
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .build());
            }
        }
        context.setTenant(inlet.tenant());
        return Optional.empty();
    }

    private Optional<GatewayErrorBody> check(ContainerRequestContext request, StreamingConnection inlet) {
        Optional<GatewayErrorBody> missing = GatewayFilter.checkTokenAndKeyPresent(request);
        return missing.isPresent() ? missing : GatewayFilter.verify(verifier, request, inlet.tenant().orgId());
    }
}
