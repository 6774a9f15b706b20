package io.openprofile.server.ingest;

import java.util.Locale;

/**
 * Batch states, with Adobe's Catalog names: {@code loading} while files are uploaded,
 * {@code processing} after COMPLETE until the records are applied, then {@code success} or
 * {@code failed}; {@code aborted} after ABORT.
 */
public enum BatchStatus {
    LOADING,
    PROCESSING,
    SUCCESS,
    FAILED,
    ABORTED;

    /** Returns the lower-case name used in Catalog responses. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
