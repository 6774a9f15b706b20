package io.openprofile.server.entities;

import io.openprofile.server.merge.IdentityGraphType;
import java.util.List;

/**
 * One experience-event page request, already checked: the person's entity id, time window in
 * epoch ms (nullable), sort direction, page size, property filters, selected fields and cursor.
 * {@code relatedEntityId} and {@code relatedEntityIdNs} are kept as sent, for next links, and so
 * is {@code mergePolicyId} (null when absent). {@code identityGraph} is the resolved policy's
 * identity graph: with {@code NONE} only events that carry the requested identity are returned.
 */
public record EventPageRequest(
        String relatedEntityId,
        String relatedEntityIdNs,
        String entityId,
        Long startTime,
        Long endTime,
        boolean descending,
        int limit,
        List<String> properties,
        List<String> fields,
        String start,
        String mergePolicyId,
        IdentityGraphType identityGraph) {
}
