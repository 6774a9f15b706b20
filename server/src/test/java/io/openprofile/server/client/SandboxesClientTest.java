package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.openprofile.client.ApiException;
import io.openprofile.client.api.ProfilePreviewApi;
import io.openprofile.client.api.SandboxesApi;
import io.openprofile.client.model.DatasetReport;
import io.openprofile.client.model.PreviewSampleStatus;
import io.openprofile.client.model.Sandbox;
import io.openprofile.client.model.SandboxAction;
import io.openprofile.client.model.SandboxCreate;
import io.openprofile.client.model.SandboxList;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.openprofile.server.support.Flows;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Calls the Sandbox API and the profile reports through the generated Java client. */
@QuarkusTest
class SandboxesClientTest {

    @Test
    void createResetAndDeleteSandbox() throws Exception {
        SandboxesApi sandboxes = new SandboxesApi(Clients.forSandbox(Api.newSandbox()));
        String name = Api.newSandbox();

        Sandbox created = sandboxes.createSandbox(new SandboxCreate().name(name).title("Client test")
                .type(SandboxCreate.TypeEnum.DEVELOPMENT));
        Sandbox resetting = sandboxes.resetSandbox(name, new SandboxAction().action(SandboxAction.ActionEnum.RESET));
        Sandbox active = awaitActive(sandboxes, name);
        SandboxList listed = sandboxes.listSandboxes();
        Sandbox deleting = sandboxes.deleteSandbox(name);

        assertThat(created.getState()).isEqualTo(Sandbox.StateEnum.ACTIVE);
        assertThat(resetting.getState()).isEqualTo(Sandbox.StateEnum.RESETTING);
        assertThat(active.getTitle()).isEqualTo("Client test");
        assertThat(listed.getSandboxes()).extracting(Sandbox::getName).contains(name);
        assertThat(deleting.getState()).isEqualTo(Sandbox.StateEnum.DELETING);
    }

    @Test
    void reportsAfterOneBatch() throws Exception {
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        flows.ingestLines(dataset, "{\"identityMap\": {\"Email\": [{\"id\": \"eve@example.com\"}]}}");
        ProfilePreviewApi preview = new ProfilePreviewApi(Clients.forSandbox(flows.sandbox()));

        DatasetReport report = awaitReport(preview);
        PreviewSampleStatus status = preview.getPreviewSampleStatus();
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> preview.getPreviewNamespaceReport("2001-01-01"));

        assertThat(report.getData()).hasSize(1);
        assertThat(report.getData().get(0).getValue()).isEqualTo(dataset);
        assertThat(status.getTotalRows()).isEqualTo("1");
        assertThat(status.getSamplingRatio()).isEqualTo(1.0);
        assertThat(missing.getCode()).isEqualTo(404);
    }

    private static Sandbox awaitActive(SandboxesApi sandboxes, String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            Sandbox sandbox = sandboxes.getSandbox(name);
            if (sandbox.getState() == Sandbox.StateEnum.ACTIVE) {
                return sandbox;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sandbox " + name + " did not become active within a minute");
    }

    private static DatasetReport awaitReport(ProfilePreviewApi preview) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            try {
                return preview.getPreviewDatasetReport(null);
            } catch (ApiException e) {
                if (e.getCode() != 404) {
                    throw e;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no profile report appeared within a minute");
    }
}
