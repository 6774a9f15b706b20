package io.openprofile.server.internal;

import io.openprofile.server.api.BatchIngestionApi;
import io.openprofile.server.api.CatalogApi;
import io.openprofile.server.api.ComputedAttributesApi;
import io.openprofile.server.api.ComputedAttributesLegacyApi;
import io.openprofile.server.api.DataAccessApi;
import io.openprofile.server.api.EdgeProjectionsApi;
import io.openprofile.server.api.EntitiesApi;
import io.openprofile.server.api.IdentityGraphApi;
import io.openprofile.server.api.IdentityNamespacesApi;
import io.openprofile.server.api.MergePoliciesApi;
import io.openprofile.server.api.ProfileExportJobsApi;
import io.openprofile.server.api.ProfilePreviewApi;
import io.openprofile.server.api.ProfileSystemJobsApi;
import io.openprofile.server.api.SandboxesApi;
import io.openprofile.server.api.SchemaRegistryApi;
import io.openprofile.server.api.StreamingIngestionApi;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers the generated API interfaces for reflection in a native image: the error mapper reads
 * their parameter annotations to name the query, path or header parameter a violation is about.
 */
@RegisterForReflection(targets = {
    BatchIngestionApi.class,
    CatalogApi.class,
    ComputedAttributesApi.class,
    ComputedAttributesLegacyApi.class,
    DataAccessApi.class,
    EdgeProjectionsApi.class,
    EntitiesApi.class,
    IdentityGraphApi.class,
    IdentityNamespacesApi.class,
    MergePoliciesApi.class,
    ProfileExportJobsApi.class,
    ProfilePreviewApi.class,
    ProfileSystemJobsApi.class,
    SandboxesApi.class,
    SchemaRegistryApi.class,
    StreamingIngestionApi.class
})
final class ReflectionRegistrations {

    private ReflectionRegistrations() {
    }
}
