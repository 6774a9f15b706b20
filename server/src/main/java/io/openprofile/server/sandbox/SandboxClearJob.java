package io.openprofile.server.sandbox;

import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobContext;
import io.openprofile.server.jobs.JobHandler;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.SandboxCleared;
import io.openprofile.server.tenancy.SandboxGenerations;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Resets or deletes a sandbox: removes every row it owns in one transaction under its identity
 * graph lock, then makes it {@code active} again or, when its state is {@code deleting}, removes
 * the sandbox row too. Running it again after a crash finds less or nothing to remove.
 */
@ApplicationScoped
public class SandboxClearJob implements JobHandler {

    /** Job type of the stored jobs that reset or delete sandboxes. */
    public static final String JOB_TYPE = "sandbox-clear";

    private static final Logger LOG = Logger.getLogger(SandboxClearJob.class);

    private final Database database;
    private final SandboxRepository sandboxes;
    private final IdentityGraphRepository graph;
    private final SandboxGenerations generations;
    private final Event<SandboxCleared> cleared;
    private final Clock clock;

    SandboxClearJob(Database database, SandboxRepository sandboxes, IdentityGraphRepository graph,
            SandboxGenerations generations, Event<SandboxCleared> cleared, Clock clock) {
        this.database = database;
        this.sandboxes = sandboxes;
        this.graph = graph;
        this.generations = generations;
        this.cleared = cleared;
        this.clock = clock;
    }

    @Override
    public String type() {
        return JOB_TYPE;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        Tenant tenant = job.tenant();
        // NOTE: one transaction removes the whole sandbox, so a large sandbox makes a large
        // transaction. The same transaction advances the sandbox generation, which other server
        // processes compare their caches against (see SandboxGenerations for how soon they do).
        boolean deleted = database.inTransaction(connection -> {
            graph.lockGraph(connection, tenant);
            Optional<SandboxInfo> sandbox = sandboxes.find(connection, tenant.orgId(), tenant.sandboxName());
            boolean deleting = sandbox.isPresent() && SandboxInfo.DELETING.equals(sandbox.get().state());
            sandboxes.clear(connection, tenant, job.id());
            generations.advance(connection, tenant);
            if (deleting) {
                sandboxes.delete(connection, tenant);
            } else if (sandbox.isPresent()) {
                sandboxes.setState(connection, tenant.orgId(), tenant.sandboxName(), SandboxInfo.ACTIVE,
                        clock.millis());
            }
            context.completeIn(connection);
            return deleting;
        });
        cleared.fire(new SandboxCleared(tenant, deleted));
        LOG.infof("sandbox %s of %s %s", tenant.sandboxName(), tenant.orgId(), deleted ? "deleted" : "reset");
    }

    @Override
    public void giveUp(Job job, String reason) {
        LOG.errorf("clearing sandbox %s of %s failed for good: %s", job.tenant().sandboxName(),
                job.tenant().orgId(), reason);
    }
}
