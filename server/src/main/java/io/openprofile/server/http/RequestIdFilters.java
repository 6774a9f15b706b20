package io.openprofile.server.http;

import io.openprofile.server.tenancy.RequestContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Echoes the caller's {@code x-request-id}, or generates one, on every response. */
public class RequestIdFilters {

    public static final String HEADER = "x-request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    RequestContext context;

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void assignRequestId(ContainerRequestContext request) {
        String sent = request.getHeaderString(HEADER);
        String id = sent != null && SAFE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        context.setRequestId(id);
        context.setPath(request.getUriInfo().getPath());
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerResponseContext response) {
        if (context.requestId() != null) {
            response.getHeaders().putSingle(HEADER, context.requestId());
        }
    }
}
