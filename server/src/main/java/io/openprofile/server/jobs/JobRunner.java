package io.openprofile.server.jobs;

import io.openprofile.server.store.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Claims stored jobs and runs them on a small worker pool.
 *
 * <p>Every process polls the job table; a claimed job carries a lease that a heartbeat extends
 * while it runs. When a process dies, its leases expire and another process claims the jobs
 * again, so handlers must be idempotent (see {@link JobHandler}). A job that fails is retried
 * with a growing delay, up to {@value #MAX_ATTEMPTS} attempts.
 */
@ApplicationScoped
public class JobRunner {

    static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final Database database;
    private final JobRepository jobs;
    private final Clock clock;
    private final Map<String, JobHandler> handlers;
    private final Duration pollInterval;
    private final Duration leaseDuration;
    private final int workers;
    private final String owner = "worker-" + UUID.randomUUID();
    private final Map<String, Boolean> running = new ConcurrentHashMap<>();
    private final Semaphore freeWorkers;
    private ScheduledExecutorService scheduler;
    private ExecutorService pool;
    private ScheduledFuture<?> pollTask;
    private volatile boolean stopped;
    /** Clock time in milliseconds when the last poll returned or failed, or when the runner started. */
    private volatile long lastPollCompletedAt;

    JobRunner(Database database, JobRepository jobs, Clock clock, Instance<JobHandler> handlers,
            @ConfigProperty(name = "openprofile.jobs.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "openprofile.jobs.lease-duration") Duration leaseDuration,
            @ConfigProperty(name = "openprofile.jobs.workers") int workers) {
        this.database = database;
        this.jobs = jobs;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::type, Function.identity()));
        this.pollInterval = pollInterval;
        this.leaseDuration = leaseDuration;
        this.workers = workers;
        this.freeWorkers = new Semaphore(workers);
    }

    void start(@Observes StartupEvent event) {
        scheduler = Executors.newScheduledThreadPool(2, daemon("openprofile-jobs-scheduler"));
        pool = Executors.newFixedThreadPool(workers, daemon("openprofile-job-worker"));
        lastPollCompletedAt = clock.millis();
        pollTask = scheduler.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        long heartbeat = Math.max(100, leaseDuration.toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::heartbeatSafely, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        LOG.infof("job runner %s started with %d workers and job types %s", owner, workers, handlers.keySet());
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
            pool.shutdown();
            LOG.infof("job runner %s stopped; %d running jobs will be resumed after their lease expires",
                    owner, running.size());
        }
    }

    /** Asks the runner to look for work now, for example right after a job was queued. */
    public void wake() {
        if (scheduler != null && !scheduler.isShutdown()) {
            scheduler.execute(this::pollSafely);
        }
    }

    /** Returns the id this process uses as lease owner, for logs and tests. */
    public String owner() {
        return owner;
    }

    /** Returns a snapshot of this runner's threads and progress for the health checks. */
    public JobRunnerStatus status() {
        boolean started = scheduler != null;
        // A periodic task whose run throws an Error is cancelled for good, and so is done.
        boolean pollLoopAlive = started && !stopped && !pollTask.isDone() && !pool.isShutdown();
        return new JobRunnerStatus(started, stopped, pollLoopAlive, workers,
                workers - freeWorkers.availablePermits(), lastPollCompletedAt, leaseDuration);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.errorf(e, "job runner %s failed to poll for jobs", owner);
        } finally {
            lastPollCompletedAt = clock.millis();
        }
    }

    private synchronized void poll() {
        while (freeWorkers.availablePermits() > 0) {
            long now = clock.millis();
            List<String> candidates = database.inTransaction(c -> jobs.findClaimable(c, now, workers * 2));
            Optional<Job> claimed = Optional.empty();
            for (String id : candidates) {
                if (running.containsKey(id)) {
                    continue;
                }
                claimed = database.inTransaction(c -> jobs.claim(c, id, owner, now, now + leaseDuration.toMillis()));
                if (claimed.isPresent()) {
                    break;
                }
            }
            if (claimed.isEmpty()) {
                return;
            }
            Job job = claimed.get();
            freeWorkers.acquireUninterruptibly();
            running.put(job.id(), Boolean.TRUE);
            pool.execute(() -> execute(job));
        }
    }

    private void execute(Job job) {
        try {
            JobHandler handler = handlers.get(job.type());
            if (handler == null) {
                finish(job, JobStatus.FAILED, "no handler for job type " + job.type());
                return;
            }
            LOG.infof("job %s (%s of %s) started, attempt %d", job.id(), job.type(), job.subjectId(), job.attempts());
            handler.run(job, new Context(job));
            finishIfStillRunning(job);
            LOG.infof("job %s (%s of %s) finished", job.id(), job.type(), job.subjectId());
        } catch (Exception e) {
            if (causedByLostLease(e)) {
                LOG.warnf("job %s lost its lease to another process; leaving it to that process", job.id());
            } else {
                handleFailure(job, e);
            }
        } finally {
            running.remove(job.id());
            freeWorkers.release();
            wake();
        }
    }

    /**
     * Returns whether {@code e} or one of its causes is a {@link LeaseLostException}. Handlers
     * usually raise it inside {@code Database.inTransaction}, which wraps it in a StoreException.
     */
    private static boolean causedByLostLease(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof LeaseLostException) {
                return true;
            }
        }
        return false;
    }

    private void handleFailure(Job job, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (job.attempts() >= MAX_ATTEMPTS) {
            LOG.errorf(e, "job %s (%s of %s) failed for good after %d attempts", job.id(), job.type(),
                    job.subjectId(), job.attempts());
            if (finish(job, JobStatus.FAILED, reason)) {
                handlers.get(job.type()).giveUp(job, reason);
            }
            return;
        }
        long delay = Math.min(60_000L, 1_000L << job.attempts());
        LOG.warnf(e, "job %s (%s of %s) failed attempt %d; retrying in %d ms", job.id(), job.type(),
                job.subjectId(), job.attempts(), delay);
        long now = clock.millis();
        database.inTransaction(c -> {
            jobs.release(c, job.id(), owner, reason, now + delay, now);
            return null;
        });
    }

    private void finishIfStillRunning(Job job) {
        Optional<Job> current = database.inTransaction(c -> jobs.find(c, job.id()));
        if (current.isPresent() && current.get().status() == JobStatus.RUNNING
                && owner.equals(current.get().leaseOwner())) {
            finish(job, JobStatus.SUCCEEDED, null);
        }
    }

    private boolean finish(Job job, JobStatus status, String error) {
        long now = clock.millis();
        return database.inTransaction(c -> jobs.finish(c, job.id(), owner, status, error, now));
    }

    private void heartbeatSafely() {
        for (String id : running.keySet()) {
            try {
                long now = clock.millis();
                boolean held = database.inTransaction(c -> jobs.heartbeat(c, id, owner, now,
                        now + leaseDuration.toMillis()));
                if (!held) {
                    LOG.warnf("job %s: lease no longer held by %s", id, owner);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "job %s: heartbeat failed", id);
            }
        }
    }

    private final class Context implements JobContext {
        private final Job job;

        Context(Job job) {
            this.job = job;
        }

        @Override
        public void progress(long done, Long total) {
            long now = clock.millis();
            database.inTransaction(c -> {
                jobs.progress(c, job.id(), owner, done, total, now);
                return null;
            });
            LOG.debugf("job %s progress %d of %s", job.id(), done, total == null ? "unknown" : total);
        }

        @Override
        public void completeIn(java.sql.Connection connection) throws java.sql.SQLException {
            if (!jobs.finish(connection, job.id(), owner, JobStatus.SUCCEEDED, null, clock.millis())) {
                throw new LeaseLostException(job.id());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
