package io.openprofile.server.jobs;

import io.openprofile.server.tenancy.Tenant;

/** A stored unit of long-running work, such as processing one completed batch. */
public record Job(
        String id,
        Tenant tenant,
        String type,
        String subjectId,
        JobStatus status,
        int attempts,
        String leaseOwner,
        Long leaseExpiresAt,
        Long progressDone,
        Long progressTotal,
        String lastError,
        long createdAt,
        long updatedAt) {
}
