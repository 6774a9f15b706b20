package io.openprofile.server.computed;

import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobContext;
import io.openprofile.server.jobs.JobHandler;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Evaluates one computed attribute over every stored event of its sandbox: {@code NEW} becomes
 * {@code INITIALIZING}, the partial aggregates of every identity with events are rebuilt in
 * chunks, and the attribute becomes {@code PROCESSED}. Each chunk holds the sandbox's identity
 * graph lock, so it cannot interleave with ingestion, which keeps the same aggregates current.
 * Rebuilding a chunk again after a crash gives the same result, so a retried job is harmless.
 */
@ApplicationScoped
public class AttributeEvaluationJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(AttributeEvaluationJob.class);
    private static final int CHUNK = 200;

    private final Database database;
    private final ComputedAttributeRepository attributes;
    private final ComputedValueRepository values;
    private final ComputedValues computed;
    private final IdentityGraphRepository graph;
    private final ActiveAttributes active;
    private final Clock clock;

    AttributeEvaluationJob(Database database, ComputedAttributeRepository attributes, ComputedValueRepository values,
            ComputedValues computed, IdentityGraphRepository graph, ActiveAttributes active, Clock clock) {
        this.database = database;
        this.attributes = attributes;
        this.values = values;
        this.computed = computed;
        this.graph = graph;
        this.active = active;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ComputedAttributeService.EVALUATION_JOB;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        Tenant tenant = job.tenant();
        String id = job.subjectId();
        Optional<ComputedAttribute> found = database.inTransaction(c -> attributes.find(c, tenant, id));
        if (found.isEmpty() || !isEvaluating(found.get().status())) {
            // deleted or disabled since the job was queued
            database.inTransaction(connection -> {
                context.completeIn(connection);
                return null;
            });
            return;
        }
        ComputedAttributeStatus running = startedStatus(tenant, found.get());
        EvaluatedAttribute attribute = EvaluatedAttribute.of(found.get());

        long total = database.inTransaction(c -> values.countEventIdentities(c, tenant));
        long done = 0;
        String after = null;
        long started = clock.millis();
        while (true) {
            String from = after;
            List<String> xids = database.inTransaction(c -> values.eventIdentities(c, tenant, from, CHUNK));
            if (xids.isEmpty()) {
                break;
            }
            database.inTransaction(connection -> {
                graph.lockGraph(connection, tenant);
                computed.rebuild(connection, tenant, attribute, xids);
                return null;
            });
            done += xids.size();
            after = xids.get(xids.size() - 1);
            context.progress(done, total);
        }

        long finished = clock.millis();
        boolean completed = database.inTransaction(connection -> {
            boolean moved = attributes.transition(connection, tenant, id, running, ComputedAttributeStatus.PROCESSED,
                    finished, finished);
            context.completeIn(connection);
            return moved;
        });
        active.invalidate(tenant);
        if (completed) {
            LOG.infof("evaluated computed attribute %s over %d identities in %d ms in %s/%s", id, done,
                    finished - started, tenant.orgId(), tenant.sandboxName());
        } else {
            LOG.infof("computed attribute %s changed status during its evaluation; its result was not published", id);
        }
    }

    @Override
    public void giveUp(Job job, String reason) {
        Tenant tenant = job.tenant();
        database.inTransaction(connection -> {
            long now = clock.millis();
            for (ComputedAttributeStatus status : List.of(ComputedAttributeStatus.NEW,
                    ComputedAttributeStatus.INITIALIZING, ComputedAttributeStatus.PROCESSING)) {
                attributes.transition(connection, tenant, job.subjectId(), status, ComputedAttributeStatus.FAILED,
                        null, now);
            }
            return null;
        });
        active.invalidate(tenant);
        LOG.errorf("evaluation of computed attribute %s in %s/%s failed for good: %s", job.subjectId(),
                tenant.orgId(), tenant.sandboxName(), reason);
    }

    private static boolean isEvaluating(ComputedAttributeStatus status) {
        return status == ComputedAttributeStatus.NEW || status == ComputedAttributeStatus.INITIALIZING
                || status == ComputedAttributeStatus.PROCESSING;
    }

    /** Moves {@code NEW} to {@code INITIALIZING} and returns the status the evaluation runs in. */
    private ComputedAttributeStatus startedStatus(Tenant tenant, ComputedAttribute attribute) {
        if (attribute.status() != ComputedAttributeStatus.NEW) {
            return attribute.status();
        }
        database.inTransaction(connection -> attributes.transition(connection, tenant, attribute.id(),
                ComputedAttributeStatus.NEW, ComputedAttributeStatus.INITIALIZING, null, clock.millis()));
        return ComputedAttributeStatus.INITIALIZING;
    }
}
