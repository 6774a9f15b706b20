package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.openprofile.server.api.model.BatchError;
import io.openprofile.server.api.model.BatchMetrics;
import io.openprofile.server.api.model.InputFormat;
import io.openprofile.server.api.model.RelatedObject;
import io.openprofile.server.tenancy.Tenant;
import java.util.ArrayList;
import java.util.List;

/** Maps stored batches to the contract's Catalog batch object. */
public final class BatchMapper {

    private BatchMapper() {
    }

    public static io.openprofile.server.api.model.Batch toModel(Batch batch, Tenant tenant) {
        io.openprofile.server.api.model.Batch model = new io.openprofile.server.api.model.Batch()
                .id(batch.id())
                .status(batch.status().wireName())
                .created(batch.createdAt())
                .updated(batch.updatedAt())
                .completed(batch.completedAt())
                .imsOrg(tenant.orgId())
                .relatedObjects(List.of(new RelatedObject().type("dataSet").id(batch.datasetId())))
                .inputFormat(new InputFormat().format(batch.inputFormat()).isMultiLineJson(batch.multiLineJson()));
        if (batch.startedAt() != null || batch.recordsRead() != null) {
            model.metrics(new BatchMetrics()
                    .recordsRead(batch.recordsRead())
                    .recordsWritten(batch.recordsWritten())
                    .failedRecordCount(batch.recordsFailed())
                    .startTime(batch.startedAt())
                    .endTime(batch.completedAt()));
        }
        model.errors(errors(batch));
        return model;
    }

    private static List<BatchError> errors(Batch batch) {
        List<BatchError> errors = new ArrayList<>();
        if (batch.errors() == null) {
            return errors;
        }
        for (JsonNode error : batch.errors()) {
            errors.add(new BatchError()
                    .code(error.path("code").asText())
                    .description(error.path("description").asText())
                    .recordCount(error.path("recordCount").asLong(0)));
        }
        return errors;
    }
}
