package io.openprofile.server.jobs;

import java.time.Duration;

/**
 * A snapshot of the job runner of this process.
 *
 * @param started whether the runner's threads were created at start-up
 * @param stopped whether the application is shutting down
 * @param pollLoopAlive whether the periodic poll for queued jobs is still scheduled
 * @param workers size of the worker pool
 * @param busyWorkers workers running a job right now
 * @param lastPollCompletedAt clock time in milliseconds when the last poll ended, or when the
 *     runner started if no poll has ended yet
 * @param stallLimit how long a poll may take before the runner counts as stalled: the lease
 *     duration, because after that other processes take over the jobs it claimed
 */
public record JobRunnerStatus(
        boolean started,
        boolean stopped,
        boolean pollLoopAlive,
        int workers,
        int busyWorkers,
        long lastPollCompletedAt,
        Duration stallLimit) {

    /** Returns whether no poll has ended for longer than the stall limit at clock time {@code nowMillis}. */
    public boolean stalled(long nowMillis) {
        return nowMillis - lastPollCompletedAt > stallLimit.toMillis();
    }

    /** Returns whether the runner can still claim and run jobs at clock time {@code nowMillis}. */
    public boolean alive(long nowMillis) {
        return started && pollLoopAlive && !stalled(nowMillis);
    }
}
