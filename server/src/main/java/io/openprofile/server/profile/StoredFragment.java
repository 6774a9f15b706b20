package io.openprofile.server.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A stored profile record: one per dataset and primary identity. */
public record StoredFragment(
        String datasetId,
        String primaryXid,
        String batchId,
        ObjectNode record,
        long recordTime,
        long ingestedAt) {
}
