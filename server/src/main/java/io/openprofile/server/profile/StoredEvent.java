package io.openprofile.server.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A stored experience event, keyed by dataset, {@code _id} and primary identity. */
public record StoredEvent(
        String datasetId,
        String eventId,
        String primaryXid,
        String batchId,
        long eventTime,
        ObjectNode record,
        long ingestedAt) {
}
