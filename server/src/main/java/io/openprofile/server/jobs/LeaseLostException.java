package io.openprofile.server.jobs;

import java.sql.SQLException;

/** Raised when a job's lease passed to another process before the job could complete. */
public class LeaseLostException extends SQLException {

    public LeaseLostException(String jobId) {
        super("job " + jobId + " is no longer leased by this process");
    }
}
