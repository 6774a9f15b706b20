package io.openprofile.server.jobs;

/**
 * Does the work of one job type. Any process may run a job again after a crash, so a handler
 * must be idempotent: it applies its effect in a transaction that also calls
 * {@link JobContext#completeIn}, so the effect and the completion commit together or not at all.
 */
public interface JobHandler {

    /** The job type this handler serves, as stored in the job row. */
    String type();

    /** Runs the job; throwing makes the runner retry it later, up to the attempt limit. */
    void run(Job job, JobContext context) throws Exception;

    /** Called once when the job has failed for good, to record the failure on its subject. */
    void giveUp(Job job, String reason);
}
