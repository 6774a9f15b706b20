package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A record of a failed batch, with its errors. {@code record} is the record's JSON text, or the
 * unparsable text itself when the record was not valid JSON, or null when nothing was readable.
 */
public record FailedRecord(String fileName, long recordIndex, ArrayNode errors, String record) {
}
