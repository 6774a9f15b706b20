package io.openprofile.server.export;

/** Adobe's export job states: NEW until a server starts the job, then PROCESSING, then SUCCEEDED or FAILED. */
public enum ExportStatus {
    NEW,
    PROCESSING,
    SUCCEEDED,
    FAILED
}
