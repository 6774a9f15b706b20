package io.openprofile.server.ingest;

/**
 * Reason why one item of an input file could not be read as a record.
 *
 * @param message sentence naming the problem and where it is
 * @param line 1-based line in the input file, or 0 when unknown
 * @param column 1-based column (in characters) within that line, or 0 when unknown
 */
public record ParseError(String message, long line, long column) {
}
