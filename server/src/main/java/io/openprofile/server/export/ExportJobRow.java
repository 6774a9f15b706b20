package io.openprofile.server.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.ingest.BatchFormat;
import io.openprofile.server.tenancy.Tenant;

/**
 * A stored export job: the request as the client sent it, the file format of its output, its
 * status, and the resume cursor of the running export ({@code cursorCluster}, {@code chunksWritten}).
 */
public record ExportJobRow(
        long id,
        Tenant tenant,
        ExportStatus status,
        ObjectNode request,
        String datasetId,
        BatchFormat format,
        String batchId,
        String cursorCluster,
        int chunksWritten,
        long profilesDone,
        Long profilesTotal,
        long linesWritten,
        boolean cancelRequested,
        ArrayNode errors,
        long createdAt,
        long updatedAt,
        Long startedAt,
        Long finishedAt) {
}
