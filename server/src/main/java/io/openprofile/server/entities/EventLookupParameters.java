package io.openprofile.server.entities;

import java.util.List;

/** The experience-event query parameters of a GET lookup, as sent. */
record EventLookupParameters(
        String relatedSchemaName,
        String relatedEntityId,
        String relatedEntityIdNs,
        String fields,
        String mergePolicyId,
        Long startTime,
        Long endTime,
        Integer limit,
        String orderby,
        List<String> properties,
        String start) {
}
