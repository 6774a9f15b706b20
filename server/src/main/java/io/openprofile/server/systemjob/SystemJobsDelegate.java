package io.openprofile.server.systemjob;

import io.openprofile.server.api.ProfileSystemJobsApi;
import io.openprofile.server.api.model.ProfileSystemJob;
import io.openprofile.server.api.model.ProfileSystemJobCreate;
import io.openprofile.server.api.model.ProfileSystemJobList;
import io.openprofile.server.api.model.ProfileSystemJobPage;
import io.openprofile.server.api.model.ProfileSystemJobProperties;
import io.openprofile.server.api.model.ProfileSystemJobSandbox;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.RequestContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jboss.resteasy.reactive.RestResponse;

/** Delete requests at Adobe's {@code /data/core/ups/system/jobs}, in the fields of all three generations. */
public class SystemJobsDelegate implements ProfileSystemJobsApi {

    /** ISO 8601 in UTC with microseconds, as Adobe's {@code createdAt} and {@code updatedAt}. */
    private static final DateTimeFormatter ISO_MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSX")
            .withZone(ZoneOffset.UTC);

    private final DeleteRequestService requests;
    private final RequestContext context;

    SystemJobsDelegate(DeleteRequestService requests, RequestContext context) {
        this.requests = requests;
        this.context = context;
    }

    @Override
    public RestResponse<ProfileSystemJob> createProfileSystemJob(ProfileSystemJobCreate body) {
        DeleteRequest created = requests.create(context.tenant(), body.getDataSetId(), body.getDatasetId(),
                body.getBatchId());
        return RestResponse.ok(toModel(created));
    }

    @Override
    public RestResponse<ProfileSystemJob> getProfileSystemJob(String jobId) {
        return RestResponse.ok(toModel(requests.get(context.tenant(), jobId)));
    }

    @Override
    public RestResponse<ProfileSystemJobList> listProfileSystemJobs(Integer start, Integer page, Integer limit,
            String sort) {
        int index = page != null ? page : start;
        DeleteRequestService.Page found = requests.list(context.tenant(), index, limit, sort);
        ProfileSystemJobPage pageInfo = new ProfileSystemJobPage().count(found.requests().size()).pageSize(limit)
                .start(Integer.toString(index)).totalCount((long) found.total());
        if ((long) (index + 1) * limit < found.total()) {
            pageInfo.next(index + 1);
        }
        return RestResponse.ok(new ProfileSystemJobList().page(pageInfo)
                .children(found.requests().stream().map(SystemJobsDelegate::toModel).toList()));
    }

    @Override
    public RestResponse<Void> deleteProfileSystemJob(String jobId) {
        requests.delete(context.tenant(), jobId);
        return RestResponse.ok();
    }

    private static ProfileSystemJob toModel(DeleteRequest request) {
        ProfileSystemJobProperties properties = new ProfileSystemJobProperties().datasetId(request.datasetId())
                .batchId(request.batchId());
        ProfileSystemJob job = new ProfileSystemJob()
                .id(request.id())
                .requestId(request.id())
                .imsOrgId(request.tenant().orgId())
                .jobType(ProfileSystemJob.JobTypeEnum.DELETE)
                .requestType(ProfileSystemJob.RequestTypeEnum.fromValue(request.type().name()))
                .status(ProfileSystemJob.StatusEnum.fromValue(request.status().name().replace('_', '-')))
                .properties(properties)
                .sandbox(new ProfileSystemJobSandbox().sandboxName(request.tenant().sandboxName()))
                .createEpoch(request.createdAt() / 1000)
                .updateEpoch(request.updatedAt() / 1000)
                .createdAt(ISO_MICROS.format(Instant.ofEpochMilli(request.createdAt())))
                .updatedAt(ISO_MICROS.format(Instant.ofEpochMilli(request.updatedAt())));
        if (request.batchId() == null) {
            job.dataSetId(request.datasetId());
        } else {
            job.batchId(request.batchId());
        }
        if (request.startedAt() != null) {
            long seconds = Math.max(0, request.updatedAt() - request.startedAt()) / 1000;
            job.metrics(Json.write(Json.object().put("recordsProcessed", request.recordsDeleted())
                    .put("timeTakenInSec", seconds)));
        }
        return job;
    }
}
