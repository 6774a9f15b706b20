package io.openprofile.server.jobs;

/** Lifecycle of a stored job: QUEUED, then RUNNING under a lease, then SUCCEEDED or FAILED. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
