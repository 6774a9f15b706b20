package io.openprofile.server.preview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.openprofile.server.api.ProfilePreviewApi;
import io.openprofile.server.api.model.DatasetReport;
import io.openprofile.server.api.model.NamespaceReport;
import io.openprofile.server.api.model.OverlapReport;
import io.openprofile.server.api.model.PreviewSampleStatus;
import io.openprofile.server.api.model.UnstitchedProfilesReport;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.RequestContext;
import java.io.UncheckedIOException;
import org.jboss.resteasy.reactive.RestResponse;

/** Profile reports at Adobe's {@code /data/core/ups/previewsamplestatus}, served from stored reports. */
public class PreviewDelegate implements ProfilePreviewApi {

    private final PreviewService preview;
    private final RequestContext context;

    PreviewDelegate(PreviewService preview, RequestContext context) {
        this.preview = preview;
        this.context = context;
    }

    @Override
    public RestResponse<PreviewSampleStatus> getPreviewSampleStatus() {
        return RestResponse.ok(convert(preview.status(context.tenant()), PreviewSampleStatus.class));
    }

    @Override
    public RestResponse<DatasetReport> getPreviewDatasetReport(String date) {
        return RestResponse.ok(read(PreviewService.Report.DATASET, date, DatasetReport.class));
    }

    @Override
    public RestResponse<NamespaceReport> getPreviewNamespaceReport(String date) {
        return RestResponse.ok(read(PreviewService.Report.NAMESPACE, date, NamespaceReport.class));
    }

    @Override
    public RestResponse<OverlapReport> getPreviewDatasetOverlap(String date) {
        return RestResponse.ok(read(PreviewService.Report.DATASET_OVERLAP, date, OverlapReport.class));
    }

    @Override
    public RestResponse<OverlapReport> getPreviewNamespaceOverlap(String date) {
        return RestResponse.ok(read(PreviewService.Report.NAMESPACE_OVERLAP, date, OverlapReport.class));
    }

    @Override
    public RestResponse<UnstitchedProfilesReport> getPreviewUnstitchedProfiles() {
        return RestResponse.ok(read(PreviewService.Report.UNSTITCHED_PROFILES, null,
                UnstitchedProfilesReport.class));
    }

    private <T> T read(PreviewService.Report report, String date, Class<T> type) {
        return convert(preview.report(context.tenant(), report, date), type);
    }

    private static <T> T convert(JsonNode report, Class<T> type) {
        try {
            return Json.mapper().treeToValue(report, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored profile report does not match " + type.getSimpleName(), e);
        }
    }
}
