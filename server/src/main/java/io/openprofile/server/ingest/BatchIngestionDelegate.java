package io.openprofile.server.ingest;

import io.openprofile.server.api.BatchIngestionApi;
import io.openprofile.server.api.model.BatchCreate;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import java.io.InputStream;
import java.util.Locale;
import org.jboss.resteasy.reactive.RestResponse;

/** Batch ingestion: create a batch, upload its files, then COMPLETE or ABORT it. */
public class BatchIngestionDelegate implements BatchIngestionApi {

    private final BatchService batches;
    private final RequestContext context;

    BatchIngestionDelegate(BatchService batches, RequestContext context) {
        this.batches = batches;
        this.context = context;
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.Batch> createBatch(BatchCreate request) {
        Tenant tenant = context.tenant();
        String format = request.getInputFormat() == null ? null : request.getInputFormat().getFormat();
        Boolean multiLine = request.getInputFormat() == null ? null : request.getInputFormat().getIsMultiLineJson();
        Batch batch = batches.create(tenant, request.getDatasetId(), format, multiLine);
        return RestResponse.status(RestResponse.Status.CREATED, BatchMapper.toModel(batch, tenant));
    }

    @Override
    public RestResponse<Void> uploadBatchFile(String batchId, String datasetId, String filePath, InputStream body) {
        batches.upload(context.tenant(), batchId, datasetId, filePath, body);
        return RestResponse.ok();
    }

    @Override
    public RestResponse<Void> actOnBatch(String batchId, String action) {
        switch (action.toUpperCase(Locale.ROOT)) {
            case "COMPLETE" -> batches.complete(context.tenant(), batchId);
            case "ABORT" -> batches.abort(context.tenant(), batchId);
            default -> throw DomainException.invalid("action", action, "must be COMPLETE or ABORT");
        }
        return RestResponse.ok();
    }
}
