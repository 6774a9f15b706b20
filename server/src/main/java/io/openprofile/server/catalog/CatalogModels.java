package io.openprofile.server.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openprofile.server.tenancy.Tenant;

/** Maps datasets to the Catalog objects of the contract. */
final class CatalogModels {

    private CatalogModels() {
    }

    static io.openprofile.server.api.model.Dataset dataset(ObjectMapper mapper, Tenant tenant, Dataset dataset) {
        io.openprofile.server.api.model.Dataset model = mapper.convertValue(dataset.body(),
                io.openprofile.server.api.model.Dataset.class);
        return model.sandboxId(tenant.sandboxName());
    }
}
