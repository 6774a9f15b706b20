package io.openprofile.server.ingest;

import io.openprofile.server.catalog.Dataset;
import io.openprofile.server.catalog.DatasetService;
import io.openprofile.server.identity.NamespaceService;
import io.openprofile.server.schema.SchemaRegistryService;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the ingestion view of a dataset: its class, identity descriptors and namespaces. */
@ApplicationScoped
public class IngestTargets {

    private final DatasetService datasets;
    private final SchemaRegistryService schemas;
    private final NamespaceService namespaces;

    IngestTargets(DatasetService datasets, SchemaRegistryService schemas, NamespaceService namespaces) {
        this.datasets = datasets;
        this.schemas = schemas;
        this.namespaces = namespaces;
    }

    public IngestTarget forDataset(Tenant tenant, String datasetId) {
        Dataset dataset = datasets.get(tenant, datasetId);
        return new IngestTarget(dataset.id(), dataset.schemaClass(),
                schemas.identityFields(tenant, dataset.schemaId()), namespaces.resolver(tenant));
    }
}
