package io.openprofile.server.systemjob;

import io.openprofile.server.jobs.JobStatus;
import io.openprofile.server.tenancy.Tenant;

/**
 * A delete request (Adobe's Profile System Job) with the state of the stored job that runs it.
 * {@code batchId} is null for a dataset delete. {@code jobStatus} and {@code jobError} come from
 * that job's row and are null when the row is gone. Times are epoch milliseconds.
 */
public record DeleteRequest(
        String id,
        Tenant tenant,
        String datasetId,
        String batchId,
        DeleteRequestType type,
        long recordsDeleted,
        Long startedAt,
        long createdAt,
        long updatedAt,
        JobStatus jobStatus,
        String jobError) {

    /** Returns the status in Adobe's current values, derived from the stored job. */
    public DeleteRequestStatus status() {
        if (jobStatus == null) {
            return DeleteRequestStatus.SUCCESS;
        }
        return switch (jobStatus) {
            case QUEUED -> DeleteRequestStatus.NEW;
            case RUNNING -> jobError == null ? DeleteRequestStatus.IN_PROGRESS : DeleteRequestStatus.ERROR;
            case SUCCEEDED -> DeleteRequestStatus.SUCCESS;
            case FAILED -> DeleteRequestStatus.FAILED;
        };
    }

    /** Returns whether the request still has work to do; a second request for the same data is then a duplicate. */
    public boolean pending() {
        DeleteRequestStatus status = status();
        return status == DeleteRequestStatus.NEW || status == DeleteRequestStatus.IN_PROGRESS
                || status == DeleteRequestStatus.ERROR;
    }
}
