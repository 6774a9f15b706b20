package io.openprofile.client.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.client.api.ComputedAttributesApi;
import io.openprofile.client.api.EntitiesApi;
import io.openprofile.client.api.MergePoliciesApi;
import io.openprofile.client.api.ProfileExportJobsApi;
import io.openprofile.client.api.ProfileSystemJobsApi;
import io.openprofile.client.model.ComputedAttribute;
import io.openprofile.client.model.ComputedAttributeList;
import io.openprofile.client.model.ExperienceEventRecord;
import io.openprofile.client.model.ExportJob;
import io.openprofile.client.model.ExportJobList;
import io.openprofile.client.model.MergePolicy;
import io.openprofile.client.model.MergePolicyList;
import io.openprofile.client.model.ProfileSystemJob;
import io.openprofile.client.model.ProfileSystemJobList;
import io.openprofile.client.sdk.PagedIterable.Page;
import java.util.List;

/**
 * The page sources of the contract's paged lists. Each list has its own paging shape, so each
 * source reads the cursor that the list's next link carries and sends it back with the caller's
 * other parameters.
 */
final class PagedLists {

    private static final String EVENT_CLASS = "_xdm.context.experienceevent";
    private static final String PROFILE_CLASS = "_xdm.context.profile";
    private static final TypeReference<List<ExperienceEventRecord>> EVENT_LIST = new TypeReference<>() {
    };

    private PagedLists() {
    }

    /**
     * Pages of events: the cursor is {@code _page.next}, sent as {@code start}, and the last page has
     * an empty {@code _links.next.href}.
     */
    static PagedIterable<ExperienceEventRecord> experienceEvents(EntitiesApi api, ObjectMapper mapper,
            EventQuery query) {
        return PagedIterable.<String, ExperienceEventRecord>of(start -> {
            ObjectNode page = api.getEntities(EVENT_CLASS, null, null, PROFILE_CLASS, query.entityId(),
                    query.namespace(), query.fields(), query.mergePolicyId(), query.startTime(), query.endTime(),
                    query.pageSize(), query.orderBy(), null, query.filters(), start, null);
            JsonNode children = page.path("children");
            List<ExperienceEventRecord> events = children.isArray() ? mapper.convertValue(children, EVENT_LIST)
                    : List.of();
            String next = page.path("_page").path("next").asText("");
            String href = page.path("_links").path("next").path("href").asText("");
            return new Page<>(events, next.isEmpty() || href.isEmpty() ? null : next);
        });
    }

    /**
     * Pages of merge policies: the cursor is {@code _page.next}, sent as {@code start}, and absent on
     * the last page.
     */
    static PagedIterable<MergePolicy> mergePolicies(MergePoliciesApi api, Integer pageSize) {
        return PagedIterable.<String, MergePolicy>of(start -> {
            MergePolicyList page = api.listMergePolicies(null, null, null, null, null, null, pageSize, start, null,
                    null);
            String next = page.getPage() == null ? null : page.getPage().getNext();
            return new Page<>(page.getChildren(), next == null || next.isEmpty() ? null : next);
        });
    }

    /**
     * Pages of computed attributes: the list is paged by {@code offset}, and {@code _links.next} is
     * absent on the last page. The next offset is this page's offset plus its limit, as in the link.
     */
    static PagedIterable<ComputedAttribute> computedAttributes(ComputedAttributesApi api, Integer pageSize,
            String sortBy, List<String> filters) {
        return PagedIterable.<Integer, ComputedAttribute>of(offset -> {
            ComputedAttributeList page = api.listComputedAttributes(pageSize, offset, sortBy, filters);
            boolean hasNext = page.getLinks() != null && page.getLinks().getNext() != null && page.getPage() != null;
            Integer next = hasNext ? page.getPage().getOffset() + page.getPage().getLimit() : null;
            return new Page<>(page.getComputedAttributes(), next);
        });
    }

    /**
     * Pages of export jobs: the cursor is {@code page.pageOffset}, sent as {@code offset}, and the last
     * page has an empty {@code link.next}.
     */
    static PagedIterable<ExportJob> exportJobs(ProfileExportJobsApi api, Integer pageSize, String status) {
        return PagedIterable.<String, ExportJob>of(offset -> {
            ExportJobList page = api.listExportJobs(pageSize, offset, status);
            boolean hasNext = page.getLink() != null && page.getLink().getNext() != null
                    && !page.getLink().getNext().isEmpty() && page.getPage() != null;
            return new Page<>(page.getRecords(), hasNext ? page.getPage().getPageOffset() : null);
        });
    }

    /**
     * Pages of delete requests: the cursor is the 0-based page index {@code _page.next}, sent as
     * {@code start}, and absent on the last page.
     */
    static PagedIterable<ProfileSystemJob> systemJobs(ProfileSystemJobsApi api, Integer pageSize, String sort) {
        return PagedIterable.<Integer, ProfileSystemJob>of(index -> {
            ProfileSystemJobList page = api.listProfileSystemJobs(index, null, pageSize, sort);
            Integer next = page.getPage() == null ? null : page.getPage().getNext();
            return new Page<>(page.getChildren(), next);
        });
    }
}
