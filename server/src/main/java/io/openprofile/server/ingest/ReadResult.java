package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One item read from an input file: a record or the reason why the item is not one.
 *
 * @param index 0-based position of the item in the file, counting failed items too
 * @param record the record, or {@code null} when {@code error} is set
 * @param error the parse error, or {@code null} when {@code record} is set
 */
public record ReadResult(long index, ObjectNode record, ParseError error) {

    public ReadResult {
        if ((record == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of record and error must be set");
        }
    }

    /** Creates a result that carries a record. */
    public static ReadResult ofRecord(long index, ObjectNode record) {
        return new ReadResult(index, Objects.requireNonNull(record, "record"), null);
    }

    /** Creates a result that carries a parse error. */
    public static ReadResult ofError(long index, ParseError error) {
        return new ReadResult(index, null, Objects.requireNonNull(error, "error"));
    }

    public boolean isError() {
        return error != null;
    }
}
