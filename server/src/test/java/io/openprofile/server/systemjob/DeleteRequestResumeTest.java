package io.openprofile.server.systemjob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobContext;
import io.openprofile.server.jobs.JobStatus;
import io.openprofile.server.store.Database;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.tenancy.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs a delete request's job directly, stops it after two chunks as a crash would, and runs it
 * again. The request row is written without a stored job, so the job runner never claims it.
 * The test profile deletes two identities per chunk.
 */
@QuarkusTest
class DeleteRequestResumeTest {

    @Inject
    DeleteRequestJob handler;

    @Inject
    DeleteRequestRepository requests;

    @Inject
    Database database;

    @Test
    void interruptedDeleteResumesToSameResult() throws Exception {
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        for (int i = 0; i < 5; i++) {
            flows.ingestLines(dataset, SystemJobsTest.person("p" + i + "@example.com", "P" + i));
        }
        Tenant tenant = new Tenant(Api.ORG, flows.sandbox());
        String id = UUID.randomUUID().toString();
        database.inTransaction(connection -> {
            requests.insert(connection, tenant, id, dataset, null, DeleteRequestType.TRUNCATE_DATASET, 0);
            return null;
        });
        Job job = new Job(UUID.randomUUID().toString(), tenant, DeleteRequestRepository.JOB_TYPE, id,
                JobStatus.RUNNING, 1, "test", null, null, null, null, 0, 0);

        RecordingContext crashing = new RecordingContext(2);
        assertThrows(IllegalStateException.class, () -> handler.run(job, crashing));

        assertEquals(4, deleted(tenant, id));
        assertEquals(1, remainingProfiles(flows));

        RecordingContext resumed = new RecordingContext(Integer.MAX_VALUE);
        handler.run(job, resumed);

        assertTrue(resumed.completed);
        assertEquals(5, deleted(tenant, id));
        assertEquals(0, remainingProfiles(flows));
    }

    private long deleted(Tenant tenant, String id) {
        return database.inTransaction(connection -> requests.find(connection, tenant, id)).orElseThrow()
                .recordsDeleted();
    }

    private static int remainingProfiles(Flows flows) {
        int found = 0;
        for (int i = 0; i < 5; i++) {
            if (SystemJobsTest.profileLookup(flows.sandbox(), "p" + i + "@example.com").statusCode() == 200) {
                found++;
            }
        }
        return found;
    }

    /** Records completion, and throws on the given progress report as a crash after that chunk would. */
    private static final class RecordingContext implements JobContext {
        private final int failAtReport;
        private int reports;
        private boolean completed;

        RecordingContext(int failAtReport) {
            this.failAtReport = failAtReport;
        }

        @Override
        public void progress(long done, Long total) {
            reports++;
            if (reports == failAtReport) {
                throw new IllegalStateException("simulated crash after chunk " + reports);
            }
        }

        @Override
        public void completeIn(Connection connection) {
            completed = true;
        }
    }
}
