package io.openprofile.server.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Routes the request forms that Adobe's clients send but the contract lists under another path.
 *
 * <ul>
 *   <li>{@code /data/core/ups/export/jobs/} (trailing slash, called by existing scripts) goes to
 *   {@code /data/core/ups/export/jobs}. Without this rewrite, JAX-RS route matching would not
 *   reliably match the trailing-slash form to the collection.</li>
 *   <li>{@code /data/foundation/export/files/{id}?path=NAME} goes to the download operation at
 *   {@code /data/foundation/export/files/{id}/NAME}, because one operation cannot cleanly return
 *   both a JSON list and a file.</li>
 * </ul>
 */
public class PathAliasFilters {

    private static final String EXPORT_JOBS = "/data/core/ups/export/jobs";
    private static final String EXPORT_FILES = "/data/foundation/export/files/";

    @ServerRequestFilter(preMatching = true)
    public void routeAliases(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path.equals(EXPORT_JOBS + "/")) {
            request.setRequestUri(UriBuilder.fromUri(uri).replacePath(EXPORT_JOBS).build());
            return;
        }
        String fileName = request.getUriInfo().getQueryParameters().getFirst("path");
        if (path.startsWith(EXPORT_FILES) && fileName != null && !fileName.isBlank()
                && path.indexOf('/', EXPORT_FILES.length()) < 0) {
            request.setRequestUri(UriBuilder.fromUri(uri).path(fileName).replaceQueryParam("path").build());
        }
    }
}
