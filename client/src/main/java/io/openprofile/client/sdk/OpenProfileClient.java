package io.openprofile.client.sdk;

import io.openprofile.client.ApiClient;
import io.openprofile.client.api.BatchIngestionApi;
import io.openprofile.client.api.CatalogApi;
import io.openprofile.client.api.ComputedAttributesApi;
import io.openprofile.client.api.ComputedAttributesLegacyApi;
import io.openprofile.client.api.DataAccessApi;
import io.openprofile.client.api.EdgeProjectionsApi;
import io.openprofile.client.api.EntitiesApi;
import io.openprofile.client.api.IdentityGraphApi;
import io.openprofile.client.api.IdentityNamespacesApi;
import io.openprofile.client.api.MergePoliciesApi;
import io.openprofile.client.api.ProfileExportJobsApi;
import io.openprofile.client.api.ProfilePreviewApi;
import io.openprofile.client.api.ProfileSystemJobsApi;
import io.openprofile.client.api.SandboxesApi;
import io.openprofile.client.api.SchemaRegistryApi;
import io.openprofile.client.api.StreamingIngestionApi;
import io.openprofile.client.model.ComputedAttribute;
import io.openprofile.client.model.ExperienceEventRecord;
import io.openprofile.client.model.ExportJob;
import io.openprofile.client.model.MergePolicy;
import io.openprofile.client.model.ProfileSystemJob;
import java.io.IOException;
import java.util.List;

/**
 * An openprofile connection: the generated API classes, configured once with the base URL, the four
 * platform headers, timeouts and a {@link RetryPolicy}, plus iterators over the paged lists.
 *
 * <p>Every API class that this client hands out throws {@link OpenProfileException} subclasses for
 * error responses, declared as the generated {@code ApiException}. One instance can serve several
 * threads: the generated {@link ApiClient} keeps per-call state in thread-locals, and the default
 * HTTP client pools its connections. Close the client to release them.
 */
public final class OpenProfileClient implements AutoCloseable {

    private final RetryingApiClient apiClient;
    private final boolean ownsHttpClient;

    OpenProfileClient(RetryingApiClient apiClient, boolean ownsHttpClient) {
        this.apiClient = apiClient;
        this.ownsHttpClient = ownsHttpClient;
    }

    /** Returns a builder. Base URL, bearer token, API key and organization id are required. */
    public static OpenProfileClientBuilder builder() {
        return new OpenProfileClientBuilder();
    }

    /** Returns the configured generated client, for API classes created by hand. */
    public ApiClient apiClient() {
        return apiClient;
    }

    /** Returns the retry policy that every request of this client follows. */
    public RetryPolicy retryPolicy() {
        return apiClient.retryPolicy();
    }

    public EntitiesApi entities() {
        return new EntitiesApi(apiClient);
    }

    public MergePoliciesApi mergePolicies() {
        return new MergePoliciesApi(apiClient);
    }

    public ComputedAttributesApi computedAttributes() {
        return new ComputedAttributesApi(apiClient);
    }

    public ComputedAttributesLegacyApi legacyComputedAttributes() {
        return new ComputedAttributesLegacyApi(apiClient);
    }

    public ProfileExportJobsApi exportJobs() {
        return new ProfileExportJobsApi(apiClient);
    }

    /** Returns the API of delete requests, which Adobe calls profile system jobs. */
    public ProfileSystemJobsApi systemJobs() {
        return new ProfileSystemJobsApi(apiClient);
    }

    public BatchIngestionApi batchIngestion() {
        return new BatchIngestionApi(apiClient);
    }

    public StreamingIngestionApi streamingIngestion() {
        return new StreamingIngestionApi(apiClient);
    }

    public CatalogApi catalog() {
        return new CatalogApi(apiClient);
    }

    public DataAccessApi dataAccess() {
        return new DataAccessApi(apiClient);
    }

    public SchemaRegistryApi schemaRegistry() {
        return new SchemaRegistryApi(apiClient);
    }

    public IdentityNamespacesApi identityNamespaces() {
        return new IdentityNamespacesApi(apiClient);
    }

    public IdentityGraphApi identityGraph() {
        return new IdentityGraphApi(apiClient);
    }

    public ProfilePreviewApi profilePreview() {
        return new ProfilePreviewApi(apiClient);
    }

    public SandboxesApi sandboxes() {
        return new SandboxesApi(apiClient);
    }

    public EdgeProjectionsApi edgeProjections() {
        return new EdgeProjectionsApi(apiClient);
    }

    /** Returns every experience event of a profile, in the query's order, read page by page. */
    public PagedIterable<ExperienceEventRecord> allExperienceEvents(EventQuery query) {
        return PagedLists.experienceEvents(entities(), apiClient.getObjectMapper(), query);
    }

    /** Returns every merge policy of the sandbox, sorted by name, in pages of the server's default size. */
    public PagedIterable<MergePolicy> allMergePolicies() {
        return PagedLists.mergePolicies(mergePolicies(), null);
    }

    /** Returns every merge policy of the sandbox, sorted by name, in pages of {@code pageSize} (1 to 100). */
    public PagedIterable<MergePolicy> allMergePolicies(int pageSize) {
        return PagedLists.mergePolicies(mergePolicies(), pageSize);
    }

    /** Returns every computed attribute of the sandbox, newest update first, read page by page. */
    public PagedIterable<ComputedAttribute> allComputedAttributes() {
        return PagedLists.computedAttributes(computedAttributes(), null, null, null);
    }

    /**
     * Returns the computed attributes that match every filter, such as {@code status=contains(NEW,PROCESSED)},
     * sorted by {@code sortBy} (null for the server's order), in pages of {@code pageSize} (1 to 40).
     */
    public PagedIterable<ComputedAttribute> allComputedAttributes(int pageSize, String sortBy, List<String> filters) {
        return PagedLists.computedAttributes(computedAttributes(), pageSize, sortBy,
                filters == null || filters.isEmpty() ? null : List.copyOf(filters));
    }

    /** Returns every export job of the sandbox, newest first, read page by page. */
    public PagedIterable<ExportJob> allExportJobs() {
        return PagedLists.exportJobs(exportJobs(), null, null);
    }

    /**
     * Returns the export jobs in {@code status} ({@code NEW}, {@code PROCESSING}, {@code SUCCEEDED},
     * {@code FAILED}, or null for all), newest first, in pages of {@code pageSize} (1 to 100).
     */
    public PagedIterable<ExportJob> allExportJobs(int pageSize, String status) {
        return PagedLists.exportJobs(exportJobs(), pageSize, status);
    }

    /** Returns every delete request of the sandbox, oldest first, read page by page. */
    public PagedIterable<ProfileSystemJob> allSystemJobs() {
        return PagedLists.systemJobs(systemJobs(), null, null);
    }

    /**
     * Returns every delete request in the order {@code sort}, such as {@code createdAt:desc} (null
     * for oldest first), in pages of {@code pageSize} (1 to 1000).
     */
    public PagedIterable<ProfileSystemJob> allSystemJobs(int pageSize, String sort) {
        return PagedLists.systemJobs(systemJobs(), pageSize, sort);
    }

    /** Closes the HTTP client if the builder created it. An HTTP client passed to the builder stays open. */
    @Override
    public void close() throws IOException {
        if (ownsHttpClient) {
            apiClient.getHttpClient().close();
        }
    }
}
