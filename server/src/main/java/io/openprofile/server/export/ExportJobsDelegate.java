package io.openprofile.server.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.ProfileExportJobsApi;
import io.openprofile.server.api.model.ExportJob;
import io.openprofile.server.api.model.ExportJobCancellation;
import io.openprofile.server.api.model.ExportJobCreate;
import io.openprofile.server.api.model.ExportJobLinks;
import io.openprofile.server.api.model.ExportJobList;
import io.openprofile.server.api.model.ExportJobPage;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Profile export jobs: create, list, get and cancel, with Adobe's job shape. */
public class ExportJobsDelegate implements ProfileExportJobsApi {

    static final String BASE = "/data/core/ups/export/jobs";

    private final ExportJobService service;
    private final RequestContext context;

    ExportJobsDelegate(ExportJobService service, RequestContext context) {
        this.service = service;
        this.context = context;
    }

    @Override
    public RestResponse<ExportJob> createExportJob(ExportJobCreate request, String profileInstanceId) {
        ObjectNode body = Json.mapper().valueToTree(request);
        ExportJobRow created = service.create(context.tenant(), body);
        return RestResponse.ResponseBuilder.ok(ExportJobMapper.toModel(created))
                .header("X-Location", BASE + "/" + created.id())
                .build();
    }

    @Override
    public RestResponse<ExportJobList> listExportJobs(Integer limit, String offset, String status) {
        Tenant tenant = context.tenant();
        ExportJobService.Page page = service.list(tenant, limit, offset, status);
        List<ExportJob> records = page.jobs().stream().map(ExportJobMapper::toModel).toList();
        int size = limit == null ? 20 : limit;
        String next = page.nextOffset() == null ? "" : BASE + "?limit=" + size + "&offset=" + page.nextOffset()
                + (status == null ? "" : "&status=" + status);
        ExportJobList list = new ExportJobList()
                .records(records)
                .page(new ExportJobPage().sortField("createdTime").sort("desc").pageOffset(page.nextOffset())
                        .pageSize(records.size()))
                .link(new ExportJobLinks().next(next));
        return RestResponse.ok(list);
    }

    @Override
    public RestResponse<ExportJob> getExportJob(Long exportJobId) {
        return RestResponse.ok(ExportJobMapper.toModel(service.get(context.tenant(), exportJobId)));
    }

    @Override
    public RestResponse<ExportJobCancellation> cancelExportJob(Long exportJobId) {
        boolean marked = service.cancel(context.tenant(), exportJobId);
        String message = marked ? "export job " + exportJobId + " is marked for cancelling"
                : "export job " + exportJobId + " has already ended; nothing to cancel";
        return RestResponse.ok(new ExportJobCancellation().status(marked).message(message));
    }
}
