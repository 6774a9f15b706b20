package io.openprofile.server.entities;

import java.util.List;

/**
 * One experience-event page request, already checked: the person's entity id, time window in
 * epoch ms (nullable), sort direction, page size, property filters, selected fields and cursor.
 * {@code relatedEntityId} and {@code relatedEntityIdNs} are kept as sent, for next links.
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
        String start) {
}
