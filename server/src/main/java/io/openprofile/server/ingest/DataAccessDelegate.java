package io.openprofile.server.ingest;

import io.openprofile.server.api.DataAccessApi;
import io.openprofile.server.api.model.FailedFile;
import io.openprofile.server.api.model.FailedFileLink;
import io.openprofile.server.api.model.FailedFileLinks;
import io.openprofile.server.api.model.FailedFileList;
import io.openprofile.server.api.model.FailedFilePage;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.tenancy.RequestContext;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Data Access for failed batches: the list of failed-record files, and each file as JSON Lines. */
public class DataAccessDelegate implements DataAccessApi {

    static final String BASE = "/data/foundation/export/batches/";

    private final FailedRecordFiles files;
    private final RequestContext context;

    DataAccessDelegate(FailedRecordFiles files, RequestContext context) {
        this.files = files;
        this.context = context;
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
