package io.openprofile.server.systemjob;

/**
 * Status of a delete request in Adobe's current values. Adobe's older {@code PROCESSING} is
 * {@link #IN_PROGRESS} and its older {@code COMPLETED} is {@link #SUCCESS}.
 */
public enum DeleteRequestStatus {
    NEW,
    IN_PROGRESS,
    SUCCESS,
    /** An attempt failed and the stored job waits for its next attempt. */
    ERROR,
    /** Every attempt failed. */
    FAILED
}
