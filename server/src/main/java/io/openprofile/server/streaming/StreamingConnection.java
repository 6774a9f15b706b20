package io.openprofile.server.streaming;

import io.openprofile.server.tenancy.Tenant;

/**
 * A streaming inlet bound to one organisation, sandbox and dataset, standing in for the
 * connection Adobe's Flow Service creates. Requests to it need no platform headers, unless
 * {@code authenticationRequired} is set.
 */
public record StreamingConnection(
        String id,
        Tenant tenant,
        String datasetId,
        String name,
        boolean authenticationRequired,
        long createdAt) {
}
