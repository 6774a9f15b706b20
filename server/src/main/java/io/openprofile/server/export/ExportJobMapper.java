package io.openprofile.server.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.model.ExportJob;
import io.openprofile.server.store.Json;

/** Maps a stored export job to Adobe's job resource. */
final class ExportJobMapper {

    private ExportJobMapper() {
    }

    static ExportJob toModel(ExportJobRow row) {
        ObjectNode node = row.request().deepCopy();
        node.put("id", row.id());
        node.put("jobType", "BATCH");
        node.put("profileInstanceId", "ups");
        node.put("imsOrgId", row.tenant().orgId());
        node.put("status", row.status().name());
        ObjectNode destination = node.withObject("destination");
        if (row.batchId() != null) {
            destination.put("batchId", row.batchId());
        }
        ObjectNode metrics = node.putObject("metrics");
        ObjectNode total = metrics.putObject("totalTime").put("startTimeInMs", row.createdAt());
        if (row.startedAt() != null) {
            ObjectNode export = metrics.putObject("profileExportTime").put("startTimeInMs", row.startedAt());
            if (row.finishedAt() != null) {
                export.put("endTimeInMs", row.finishedAt()).put("totalTimeInMs", row.finishedAt() - row.startedAt());
            }
        }
        if (row.finishedAt() != null) {
            total.put("endTimeInMs", row.finishedAt()).put("totalTimeInMs", row.finishedAt() - row.createdAt());
        }
        ObjectNode progress = node.putObject("progress").put("profilesProcessed", row.profilesDone())
                .put("linesWritten", row.linesWritten());
        if (row.profilesTotal() != null) {
            progress.put("profilesTotal", row.profilesTotal());
        }
        if (row.errors() != null) {
            node.set("errors", row.errors());
        }
        node.put("creationTime", row.createdAt());
        node.put("updateTime", row.updatedAt());
        return Json.mapper().convertValue(node, ExportJob.class);
    }
}
