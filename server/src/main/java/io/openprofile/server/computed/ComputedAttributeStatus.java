package io.openprofile.server.computed;

import java.util.Arrays;
import java.util.Optional;

/** Lifecycle of a computed attribute, with Adobe's status names. */
public enum ComputedAttributeStatus {
    /** Editable and not evaluated. */
    DRAFT,
    /** Waiting for its first evaluation. */
    NEW,
    /** First evaluation over every stored event running; values not shown yet. */
    INITIALIZING,
    /** Values shown, and a new evaluation running. */
    PROCESSING,
    /** Values shown and kept current as events arrive. */
    PROCESSED,
    /** Evaluation failed for good; values not shown. */
    FAILED,
    /** Switched off by a user; values not shown. */
    DISABLED;

    /** Returns whether profile reads show the attribute's values. */
    public boolean showsValues() {
        return this == PROCESSED || this == PROCESSING;
    }

    /** Returns whether ingestion keeps the attribute's partial aggregates up to date. */
    public boolean isMaintained() {
        return this == NEW || this == INITIALIZING || this == PROCESSING || this == PROCESSED;
    }

    /** Returns whether the attribute counts toward the per-sandbox maximum. */
    public boolean countsTowardLimit() {
        return this != DISABLED;
    }

    /** Returns the status with this name, ignoring case. */
    public static Optional<ComputedAttributeStatus> parse(String value) {
        return Arrays.stream(values()).filter(status -> status.name().equalsIgnoreCase(value)).findFirst();
    }
}
