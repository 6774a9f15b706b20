package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openprofile.client.ApiException;
import io.openprofile.client.api.ProfileSystemJobsApi;
import io.openprofile.client.model.ProfileSystemJob;
import io.openprofile.client.model.ProfileSystemJobCreate;
import io.openprofile.client.model.ProfileSystemJobList;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls every delete request operation through the generated Java client. */
@QuarkusTest
class ProfileSystemJobsClientTest {

    private ProfileSystemJobsApi jobs;
    private String dataset;

    @BeforeEach
    void ingestOnePerson() {
        Flows flows = new Flows(Api.newSandbox());
        dataset = flows.profileDataset();
        flows.ingestLines(dataset, "{\"identityMap\": {\"Email\": [{\"id\": \"dora@example.com\"}]}}");
        jobs = new ProfileSystemJobsApi(Clients.forSandbox(flows.sandbox()));
    }

    @Test
    void createGetListAndDelete() throws Exception {
        ProfileSystemJob created = jobs.createProfileSystemJob(new ProfileSystemJobCreate().dataSetId(dataset));

        ProfileSystemJob finished = awaitSuccess(created.getId());
        ProfileSystemJobList listed = jobs.listProfileSystemJobs(null, null, 10, "createdAt:desc");
        jobs.deleteProfileSystemJob(created.getId());
        ApiException readAfterDelete = catchThrowableOfType(ApiException.class, () -> jobs.getProfileSystemJob(created.getId()));

        assertThat(created.getStatus()).isEqualTo(ProfileSystemJob.StatusEnum.NEW);
        assertThat(created.getRequestType()).isEqualTo(ProfileSystemJob.RequestTypeEnum.TRUNCATE_DATASET);
        assertThat(finished.getProperties().getDatasetId()).isEqualTo(dataset);
        assertThat(finished.getMetrics()).contains("\"recordsProcessed\":1");
        assertThat(listed.getChildren()).extracting(ProfileSystemJob::getId).containsExactly(created.getId());
        assertThat(listed.getPage().getTotalCount()).isEqualTo(1L);
        assertThat(readAfterDelete.getCode()).isEqualTo(404);
    }

    @Test
    void batchOfRecordDatasetIsApiException() {
        ApiException rejected = catchThrowableOfType(ApiException.class, () -> jobs.createProfileSystemJob(
                new ProfileSystemJobCreate().datasetId(dataset).batchId("no-such-batch")));

        assertThat(rejected.getCode()).isEqualTo(400);
        assertThat(rejected.getResponseBody()).contains("\"errors\":{\"400\":[");
    }

    private ProfileSystemJob awaitSuccess(String id) throws ApiException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            ProfileSystemJob job = jobs.getProfileSystemJob(id);
            if (job.getStatus() == ProfileSystemJob.StatusEnum.SUCCESS) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("delete request " + id + " did not finish within a minute");
    }
}
