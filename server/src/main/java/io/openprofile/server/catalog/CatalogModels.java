package io.openprofile.server.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openprofile.server.api.model.Batch;
import io.openprofile.server.api.model.BatchError;
import io.openprofile.server.api.model.BatchMetrics;
import io.openprofile.server.api.model.InputFormat;
import io.openprofile.server.api.model.RelatedObject;
import io.openprofile.server.tenancy.Tenant;
import java.util.ArrayList;
import java.util.List;

/** Maps datasets and batches to the Catalog objects of the contract. */
final class CatalogModels {

    private CatalogModels() {
    }

    static io.openprofile.server.api.model.Dataset dataset(ObjectMapper mapper, Tenant tenant, Dataset dataset) {
        io.openprofile.server.api.model.Dataset model = mapper.convertValue(dataset.body(),
                io.openprofile.server.api.model.Dataset.class);
        return model.sandboxId(tenant.sandboxName());
    }

    static Batch batch(ObjectMapper mapper, Tenant tenant, io.openprofile.server.ingest.Batch batch) {
        Batch model = new Batch()
                .id(batch.id())
                .status(batch.status().wireName())
                .created(batch.createdAt())
                .updated(batch.updatedAt())
                .completed(batch.completedAt())
                .imsOrg(tenant.orgId())
                .relatedObjects(List.of(new RelatedObject().type("dataSet").id(batch.datasetId())))
                .inputFormat(new InputFormat().format(batch.inputFormat()).isMultiLineJson(batch.multiLineJson()))
                .errors(errors(mapper, batch));
        if (batch.startedAt() != null || batch.recordsRead() != null) {
            model.metrics(new BatchMetrics()
                    .recordsRead(batch.recordsRead())
                    .recordsWritten(batch.recordsWritten())
                    .failedRecordCount(batch.recordsFailed())
                    .startTime(batch.startedAt())
                    .endTime(batch.completedAt()));
        }
        return model;
    }

    private static List<BatchError> errors(ObjectMapper mapper, io.openprofile.server.ingest.Batch batch) {
        List<BatchError> errors = new ArrayList<>();
        if (batch.errors() != null) {
            batch.errors().forEach(error -> errors.add(mapper.convertValue(error, BatchError.class)));
        }
        return errors;
    }
}
