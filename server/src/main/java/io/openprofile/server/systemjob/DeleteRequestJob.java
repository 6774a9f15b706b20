package io.openprofile.server.systemjob;

import io.openprofile.server.computed.ComputedAttributeValues;
import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobContext;
import io.openprofile.server.jobs.JobHandler;
import io.openprofile.server.preview.PreviewRefresh;
import io.openprofile.server.profile.ProfileDataRepository;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Carries out one delete request. The rows go in chunks of a few hundred primary identities,
 * fragments first and then events. Each chunk is one transaction under the sandbox's identity
 * graph lock, so it cannot interleave with ingestion, and it also adds its count to the request
 * and brings computed attributes up to date for the identities that lost events. A chunk that
 * ran before a crash left nothing to find, so a resumed job continues where the last committed
 * chunk ended. The identity graph is not touched. The last transaction queues a new profile
 * report of the sandbox.
 */
@ApplicationScoped
public class DeleteRequestJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(DeleteRequestJob.class);

    private final Database database;
    private final DeleteRequestRepository requests;
    private final ProfileDataRepository data;
    private final IdentityGraphRepository graph;
    private final ComputedAttributeValues computed;
    private final PreviewRefresh previews;
    private final Clock clock;
    private final int chunkSize;
    private final Duration chunkPause;

    DeleteRequestJob(Database database, DeleteRequestRepository requests, ProfileDataRepository data,
            IdentityGraphRepository graph, ComputedAttributeValues computed, PreviewRefresh previews, Clock clock,
            @ConfigProperty(name = "openprofile.jobs.delete-chunk-size") int chunkSize,
            @ConfigProperty(name = "openprofile.jobs.delete-chunk-pause") Duration chunkPause) {
        this.database = database;
        this.requests = requests;
        this.data = data;
        this.graph = graph;
        this.computed = computed;
        this.previews = previews;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.chunkPause = chunkPause;
    }

    @Override
    public String type() {
        return DeleteRequestRepository.JOB_TYPE;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        Tenant tenant = job.tenant();
        String id = job.subjectId();
        long deleted = 0;
        while (true) {
            Optional<Integer> chunk = database.inTransaction(connection -> deleteChunk(connection, tenant, id,
                    context));
            if (chunk.isEmpty()) {
                break;
            }
            deleted += chunk.get();
            context.progress(deleted, null);
            pause();
        }
        LOG.infof("delete request %s in %s/%s finished after deleting %d rows in this attempt", id,
                tenant.orgId(), tenant.sandboxName(), deleted);
    }

    /**
     * Deletes one chunk and returns how many rows went, or returns empty after completing the job
     * because nothing is left or the request was removed.
     */
    private Optional<Integer> deleteChunk(Connection connection, Tenant tenant, String id, JobContext context)
            throws SQLException {
        graph.lockGraph(connection, tenant);
        Optional<DeleteRequest> found = requests.find(connection, tenant, id);
        if (found.isEmpty()) {
            LOG.infof("delete request %s in %s/%s was removed; stopping", id, tenant.orgId(), tenant.sandboxName());
            context.completeIn(connection);
            return Optional.empty();
        }
        DeleteRequest request = found.get();
        long now = clock.millis();
        if (request.batchId() == null) {
            List<String> xids = data.fragmentIdentities(connection, tenant, request.datasetId(), chunkSize);
            if (!xids.isEmpty()) {
                int removed = data.deleteDatasetFragments(connection, tenant, request.datasetId(), xids);
                requests.addDeleted(connection, tenant, id, removed, now);
                return Optional.of(removed);
            }
        }
        List<String> xids = data.eventIdentities(connection, tenant, request.datasetId(), request.batchId(),
                chunkSize);
        if (xids.isEmpty()) {
            requests.addDeleted(connection, tenant, id, 0, now);
            previews.request(connection, tenant, now);
            context.completeIn(connection);
            return Optional.empty();
        }
        int removed = data.deleteDatasetEvents(connection, tenant, request.datasetId(), request.batchId(), xids);
        computed.eventsDeleted(connection, tenant, xids);
        requests.addDeleted(connection, tenant, id, removed, now);
        return Optional.of(removed);
    }

    private void pause() throws InterruptedException {
        if (!chunkPause.isZero()) {
            Thread.sleep(chunkPause.toMillis());
        }
    }

    @Override
    public void giveUp(Job job, String reason) {
        LOG.errorf("delete request %s in %s/%s failed for good: %s", job.subjectId(), job.tenant().orgId(),
                job.tenant().sandboxName(), reason);
    }
}
