package io.openprofile.server.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.CatalogApi;
import io.openprofile.server.api.model.Batch;
import io.openprofile.server.api.model.DatasetCreate;
import io.openprofile.server.api.model.DatasetPatch;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.ingest.BatchMapper;
import io.openprofile.server.ingest.BatchService;
import io.openprofile.server.ingest.BatchStatus;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Catalog endpoints for datasets ({@link DatasetService}) and batch reads ({@link BatchService}). */
public class CatalogDelegate implements CatalogApi {

    private final DatasetService datasets;
    private final BatchService batches;
    private final RequestContext context;
    private final ObjectMapper mapper;

    CatalogDelegate(DatasetService datasets, BatchService batches, RequestContext context, ObjectMapper mapper) {
        this.datasets = datasets;
        this.batches = batches;
        this.context = context;
        this.mapper = mapper;
    }

    @Override
    public RestResponse<List<String>> createDataset(DatasetCreate request) {
        Dataset dataset = datasets.create(context.tenant(), mapper.valueToTree(request));
        return RestResponse.status(RestResponse.Status.CREATED, objectPath(dataset));
    }

    @Override
    public RestResponse<Map<String, io.openprofile.server.api.model.Dataset>> listDatasets(Integer limit,
            Integer start, String name) {
        Tenant tenant = context.tenant();
        Map<String, io.openprofile.server.api.model.Dataset> byId = new LinkedHashMap<>();
        for (Dataset dataset : datasets.list(tenant, name, start, limit)) {
            byId.put(dataset.id(), CatalogModels.dataset(mapper, tenant, dataset));
        }
        return RestResponse.ok(byId);
    }

    @Override
    public RestResponse<Map<String, io.openprofile.server.api.model.Dataset>> getDataset(String dataSetId) {
        Tenant tenant = context.tenant();
        Dataset dataset = datasets.get(tenant, dataSetId);
        return RestResponse.ok(Map.of(dataset.id(), CatalogModels.dataset(mapper, tenant, dataset)));
    }

    @Override
    public RestResponse<List<String>> updateDataset(String dataSetId, DatasetPatch changes) {
        ObjectNode patch = mapper.valueToTree(changes);
        return RestResponse.ok(objectPath(datasets.patch(context.tenant(), dataSetId, patch)));
    }

    @Override
    public RestResponse<Map<String, Batch>> listBatches(String dataSet, String status, Integer limit,
            Integer start) {
        Tenant tenant = context.tenant();
        Map<String, Batch> byId = new LinkedHashMap<>();
        for (var batch : batches.list(tenant, dataSet, batchStatus(status), start, limit)) {
            byId.put(batch.id(), BatchMapper.toModel(batch, tenant));
        }
        return RestResponse.ok(byId);
    }

    @Override
    public RestResponse<Map<String, Batch>> getBatch(String batchId) {
        Tenant tenant = context.tenant();
        var batch = batches.get(tenant, batchId);
        return RestResponse.ok(Map.of(batch.id(), BatchMapper.toModel(batch, tenant)));
    }

    private static List<String> objectPath(Dataset dataset) {
        return List.of("@/dataSets/" + dataset.id());
    }

    private static BatchStatus batchStatus(String status) {
        if (status == null) {
            return null;
        }
        return Arrays.stream(BatchStatus.values())
                .filter(candidate -> candidate.wireName().equals(status))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("status", status, "must be one of "
                        + Arrays.stream(BatchStatus.values()).map(BatchStatus::wireName).toList()));
    }
}
