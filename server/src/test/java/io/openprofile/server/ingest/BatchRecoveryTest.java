package io.openprofile.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Sql;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.tenancy.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Batches whose processing a stopped or crashed server left behind are finished by the next
 * process. The state a stop leaves is written directly: a batch in {@code processing} with its job
 * queued, or with its job leased by a process that no longer renews the lease.
 */
@QuarkusTest
class BatchRecoveryTest {

    private static final String RECORD = "{\"identityMap\": {\"Email\": [{\"id\": \"left@example.com\"}]}}";

    @Inject
    Database database;

    @Inject
    BatchRepository batches;

    @Inject
    JobRepository jobs;

    @Test
    void queuedBatchLeftByStoppedServerIsProcessed() {
        Flows flows = new Flows(Api.newSandbox());
        String batchId = leftBehindBatch(flows, null);

        assertEquals("success", flows.awaitBatch(batchId).status());
    }

    @Test
    void batchLeasedByDeadProcessIsProcessedAfterLeaseExpires() {
        Flows flows = new Flows(Api.newSandbox());
        String batchId = leftBehindBatch(flows, "worker-that-died");

        assertEquals("success", flows.awaitBatch(batchId).status());
    }

    private String leftBehindBatch(Flows flows, String deadOwner) {
        String dataset = flows.profileDataset();
        Tenant tenant = new Tenant(Api.ORG, flows.sandbox());
        String batchId = UUID.randomUUID().toString().replace("-", "");
        long now = System.currentTimeMillis();
        database.inTransaction(connection -> {
            batches.insert(connection, tenant, new Batch(batchId, dataset, BatchStatus.PROCESSING, "json", false,
                    null, null, null, null, now, now, now, null));
            batches.putFile(connection, tenant, batchId, "left.json", RECORD.getBytes(StandardCharsets.UTF_8), now);
            String jobId = jobs.enqueue(connection, tenant, BatchService.PROCESS_JOB, batchId, now);
            if (deadOwner != null) {
                Sql.update(connection, "UPDATE job SET status = 'RUNNING', attempts = 1, lease_owner = ?, "
                        + "lease_expires_at = ? WHERE id = ?", deadOwner, now - 1, jobId);
            }
            return null;
        });
        return batchId;
    }
}
