package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.openprofile.client.ApiClient;
import io.openprofile.client.ApiException;
import io.openprofile.client.api.CatalogApi;
import io.openprofile.client.api.DataAccessApi;
import io.openprofile.client.api.ProfileExportJobsApi;
import io.openprofile.client.model.DataSetFileContents;
import io.openprofile.client.model.DataSetFileList;
import io.openprofile.client.model.DatasetCreate;
import io.openprofile.client.model.ExportDestination;
import io.openprofile.client.model.ExportJob;
import io.openprofile.client.model.ExportJobCreate;
import io.openprofile.client.model.ExportSchema;
import io.openprofile.client.model.FileDescription;
import io.openprofile.client.model.SchemaRef;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.ParquetRows;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs export jobs and downloads their files through the generated Java client. */
@QuarkusTest
class ExportJobsClientTest {

    private Flows flows;
    private ProfileExportJobsApi exports;
    private DataAccessApi dataAccess;
    private CatalogApi catalog;

    @BeforeEach
    void createClients() {
        flows = new Flows(Api.newSandbox());
        ApiClient client = Clients.forSandbox(flows.sandbox());
        exports = new ProfileExportJobsApi(client);
        dataAccess = new DataAccessApi(client);
        catalog = new CatalogApi(client);
    }

    @Test
    void exportJobOperations() throws ApiException, IOException, InterruptedException {
        String profiles = flows.profileDataset();
        flows.ingestLines(profiles, "{\"identityMap\": {\"Email\": [{\"id\": \"ann@example.com\", \"primary\": true}]}, "
                + "\"person\": {\"name\": {\"firstName\": \"Ann\"}}}");
        String destination = flows.profileDataset();

        ExportJob created = exports.createExportJob(new ExportJobCreate()
                .destination(new ExportDestination().datasetId(destination))
                .schema(new ExportSchema().name("_xdm.context.profile")), null);
        ExportJob finished = awaitEnd(created.getId());

        assertThat(created.getStatus()).isEqualTo(ExportJob.StatusEnum.NEW);
        assertThat(finished.getStatus()).isEqualTo(ExportJob.StatusEnum.SUCCEEDED);
        assertThat(exports.listExportJobs(10, null, null).getRecords()).extracting(ExportJob::getId)
                .contains(created.getId());
        assertThat(exports.cancelExportJob(created.getId()).getStatus()).isFalse();

        DataSetFileList files = dataAccess.listDatasetFiles(finished.getDestination().getBatchId());
        String fileId = files.getData().get(0).getDataSetFileId();
        DataSetFileContents contents = dataAccess.getDatasetFile(fileId);
        File download = dataAccess.downloadDatasetFile(fileId, contents.getData().get(0).getName());
        List<String> lines = Files.readAllLines(download.toPath());

        assertThat(files.getData()).hasSize(1);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("\"firstName\":\"Ann\"");
    }

    @Test
    void parquetExportDownloads() throws ApiException, IOException, InterruptedException {
        String profiles = flows.profileDataset();
        flows.ingestLines(profiles, "{\"identityMap\": {\"Email\": [{\"id\": \"ann@example.com\", \"primary\": true}]}, "
                + "\"person\": {\"name\": {\"firstName\": \"Ann\"}}}");
        String schemaId = flows.createClassSchema("Parquet export " + System.nanoTime(),
                "https://ns.adobe.com/xdm/context/profile");
        List<String> refs = catalog.createDataset(new DatasetCreate().name("parquet export")
                .schemaRef(new SchemaRef().id(schemaId))
                .fileDescription(new FileDescription().persisted(true).format("parquet")));
        String destination = refs.get(0).substring(refs.get(0).lastIndexOf('/') + 1);

        ExportJob created = exports.createExportJob(new ExportJobCreate()
                .destination(new ExportDestination().datasetId(destination))
                .schema(new ExportSchema().name("_xdm.context.profile")), null);
        ExportJob finished = awaitEnd(created.getId());
        DataSetFileList files = dataAccess.listDatasetFiles(finished.getDestination().getBatchId());
        String fileId = files.getData().get(0).getDataSetFileId();
        DataSetFileContents contents = dataAccess.getDatasetFile(fileId);
        String name = contents.getData().get(0).getName();
        File download = dataAccess.downloadDatasetFile(fileId, name);
        List<Group> rows = new ArrayList<>();
        ParquetRows.forEach(download.toPath(), rows::add);

        assertThat(finished.getStatus()).isEqualTo(ExportJob.StatusEnum.SUCCEEDED);
        assertThat(contents.getData()).hasSize(1);
        assertThat(name).isEqualTo("part-00001.parquet");
        assertThat(rows).hasSize(1);
        assertThat(ParquetRows.string(ParquetRows.group(rows.get(0), "person", "name"), "firstName"))
                .isEqualTo("Ann");
    }

    private ExportJob awaitEnd(long id) throws ApiException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            ExportJob job = exports.getExportJob(id);
            if (job.getStatus() == ExportJob.StatusEnum.SUCCEEDED || job.getStatus() == ExportJob.StatusEnum.FAILED) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("export job " + id + " still running after one minute");
    }
}
