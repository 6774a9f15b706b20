package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** An ingestion batch and its outcome; metrics and errors are set once processing ends. */
public record Batch(
        String id,
        String datasetId,
        BatchStatus status,
        String inputFormat,
        boolean multiLineJson,
        Long recordsRead,
        Long recordsWritten,
        Long recordsFailed,
        ArrayNode errors,
        long createdAt,
        long updatedAt,
        Long startedAt,
        Long completedAt) {
}
