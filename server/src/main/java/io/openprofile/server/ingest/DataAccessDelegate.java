package io.openprofile.server.ingest;

import io.openprofile.server.api.DataAccessApi;
import io.openprofile.server.api.model.DataSetFile;
import io.openprofile.server.api.model.DataSetFileContents;
import io.openprofile.server.api.model.DataSetFileEntry;
import io.openprofile.server.api.model.DataSetFileList;
import io.openprofile.server.api.model.FailedFile;
import io.openprofile.server.api.model.FailedFileLink;
import io.openprofile.server.api.model.FailedFileLinks;
import io.openprofile.server.api.model.FailedFileList;
import io.openprofile.server.api.model.FailedFilePage;
import io.openprofile.server.api.model.FileLinks;
import io.openprofile.server.api.model.FileLinksSelf;
import io.openprofile.server.api.model.FilePage;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.export.ExportedFiles;
import io.openprofile.server.tenancy.Tenant;
import io.openprofile.server.tenancy.RequestContext;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Data Access: the failed-record files of failed batches, and the files that profile export jobs
 * wrote, streamed.
 */
public class DataAccessDelegate implements DataAccessApi {

    static final String BASE = "/data/foundation/export/batches/";
    static final String FILES = "/data/foundation/export/files/";
    private static final int MAX_FILES = 100;

    private final FailedRecordFiles files;
    private final ExportedFiles exported;
    private final RequestContext context;

    DataAccessDelegate(FailedRecordFiles files, ExportedFiles exported, RequestContext context) {
        this.files = files;
        this.exported = exported;
        this.context = context;
    }

    @Override
    public RestResponse<DataSetFileList> listDatasetFiles(String batchId) {
        List<DataSetFile> data = new ArrayList<>();
        for (ExportedFiles.DataSetFile file : exported.list(context.tenant(), batchId)) {
            String time = Long.toString(file.job().finishedAt());
            data.add(new DataSetFile().dataSetFileId(file.id()).dataSetViewId(file.job().datasetId())
                    .version("1.0.0").created(time).updated(time)
                    .records(Long.toString(file.job().linesWritten())).size(Long.toString(file.size()))
                    .isValid(true).links(link(FILES + file.id())));
        }
        return RestResponse.ok(new DataSetFileList().data(data)
                .page(new FilePage().limit(MAX_FILES).count(data.size())).links(Map.of()));
    }

    @Override
    public RestResponse<DataSetFileContents> getDatasetFile(String dataSetFileId) {
        Tenant tenant = context.tenant();
        List<DataSetFileEntry> data = new ArrayList<>();
        for (ExportedFiles.Entry entry : exported.entries(tenant, dataSetFileId)) {
            data.add(new DataSetFileEntry().name(entry.name()).length(Long.toString(entry.size()))
                    .links(link(FILES + dataSetFileId + "?path=" + entry.name())));
        }
        // NOTE: every part file is listed on one page, so _page.limit can be below _page.count for a
        // Parquet export of more than MAX_FILES chunks.
        return RestResponse.ok(new DataSetFileContents().data(data)
                .page(new FilePage().limit(MAX_FILES).count(data.size())).links(Map.of()));
    }

    @Override
    public RestResponse<InputStream> downloadDatasetFile(String dataSetFileId, String fileName) {
        InputStream content = exported.open(context.tenant(), dataSetFileId, fileName);
        return RestResponse.ResponseBuilder.ok(content, MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }

    private static FileLinks link(String href) {
        return new FileLinks().self(new FileLinksSelf().href(href));
    }

    @Override
    public RestResponse<FailedFileList> listFailedRecords(String batchId) {
        List<FailedFile> data = new ArrayList<>();
        for (FailedRecordFiles.FileSummary file : files.list(context.tenant(), batchId)) {
            String href = BASE + batchId + "/failed/" + file.name();
            data.add(new FailedFile().name(file.name()).length(file.length())
                    .links(new FailedFileLinks().self(new FailedFileLink().href(href))));
        }
        FailedFileList list = new FailedFileList().data(data)
                .page(new FailedFilePage().limit(FailedRecordFiles.MAX_FILES).count(data.size()));
        return RestResponse.ok(list);
    }

    @Override
    public RestResponse<String> getFailedRecordsFile(String batchId, String fileName) {
        byte[] content = files.content(context.tenant(), batchId, fileName)
                .orElseThrow(() -> DomainException.notFound("failed-record file", fileName));
        return RestResponse.ResponseBuilder.ok(new String(content, StandardCharsets.UTF_8),
                MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }
}
