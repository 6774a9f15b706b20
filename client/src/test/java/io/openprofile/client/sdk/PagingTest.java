package io.openprofile.client.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.openprofile.client.model.ComputedAttribute;
import io.openprofile.client.model.ExperienceEventRecord;
import io.openprofile.client.model.ExportJob;
import io.openprofile.client.model.MergePolicy;
import io.openprofile.client.model.ProfileSystemJob;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paged-list iterators, against a stub server that returns canned pages in order. */
class PagingTest {

    private static final String MERGE_POLICIES = "/data/core/ups/config/mergePolicies";
    private static final String ENTITIES = "/data/core/ups/access/entities";
    private static final String ATTRIBUTES = "/data/core/ca/attributes";
    private static final String EXPORT_JOBS = "/data/core/ups/export/jobs";
    private static final String SYSTEM_JOBS = "/data/core/ups/system/jobs";

    private StubServer stub;
    private OpenProfileClient client;

    @BeforeEach
    void startStub() throws Exception {
        stub = new StubServer();
        client = OpenProfileClient.builder().baseUrl(stub.baseUrl()).bearerToken("t").apiKey("k")
                .imsOrg("ACME@AdobeOrg").retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stopStub() throws Exception {
        client.close();
        stub.close();
    }

    @Test
    void mergePoliciesFollowCursorToLastPage() {
        stub.reply("GET", MERGE_POLICIES, 200, policyPage("c2", "a", "b"))
                .reply("GET", MERGE_POLICIES, 200, policyPage("c3", "c"))
                .reply("GET", MERGE_POLICIES, 200, policyPage(null, "d", "e"));

        List<String> ids = client.allMergePolicies(2).stream().map(MergePolicy::getId).toList();

        assertEquals(List.of("a", "b", "c", "d", "e"), ids);
        assertEquals(List.of("limit=2", "limit=2&start=c2", "limit=2&start=c3"), queries());
    }

    @Test
    void emptyListMakesOneRequest() {
        stub.reply("GET", MERGE_POLICIES, 200, policyPage(null));

        Iterator<MergePolicy> policies = client.allMergePolicies().iterator();

        assertFalse(policies.hasNext());
        assertEquals(1, stub.received().size());
    }

    @Test
    void pagesAreFetchedOnlyWhenNeeded() {
        stub.reply("GET", MERGE_POLICIES, 200, policyPage("c2", "a", "b"))
                .reply("GET", MERGE_POLICIES, 200, policyPage(null, "c"));

        PagedIterable<MergePolicy> policies = client.allMergePolicies();
        int beforeIteration = stub.received().size();
        String first = policies.stream().findFirst().map(MergePolicy::getId).orElseThrow();

        assertEquals(0, beforeIteration);
        assertEquals("a", first);
        assertEquals(1, stub.received().size());
    }

    @Test
    void emptyPageWithCursorIsSkipped() {
        stub.reply("GET", MERGE_POLICIES, 200, policyPage("c2"))
                .reply("GET", MERGE_POLICIES, 200, policyPage(null, "a"));

        List<String> ids = client.allMergePolicies().stream().map(MergePolicy::getId).toList();

        assertEquals(List.of("a"), ids);
        assertEquals(2, stub.received().size());
    }

    @Test
    void repeatedCursorStopsIteration() {
        stub.reply("GET", MERGE_POLICIES, 200, policyPage("c2", "a"))
                .reply("GET", MERGE_POLICIES, 200, policyPage("c2", "b"));
        Iterator<MergePolicy> policies = client.allMergePolicies().iterator();
        policies.next();

        IllegalStateException failure = assertThrows(IllegalStateException.class, policies::next);

        assertEquals("the server returned cursor 'c2' again for the next page, so paging stopped to avoid an "
                + "endless loop", failure.getMessage());
    }

    @Test
    void failedPageRequestIsUnchecked() {
        stub.reply("GET", MERGE_POLICIES, 200, policyPage("c2", "a"))
                .reply("GET", MERGE_POLICIES, 404, "{\"status\": 404, \"errorCode\": \"OP-404-NOT-FOUND\"}");
        Iterator<MergePolicy> policies = client.allMergePolicies().iterator();
        policies.next();

        UncheckedApiException failure = assertThrows(UncheckedApiException.class, policies::next);

        assertInstanceOf(NotFoundException.class, failure.getCause());
    }

    @Test
    void experienceEventsFollowPageNext() {
        stub.reply("GET", ENTITIES, 200, eventPage("n2", "e1", "e2"))
                .reply("GET", ENTITIES, 200, eventPage("", "e3"));

        List<ExperienceEventRecord> events = client.allExperienceEvents(
                EventQuery.forIdentity("jane@example.com", "Email").pageSize(2).orderBy("-timestamp")).stream()
                .toList();

        assertEquals(List.of("e1", "e2", "e3"), events.stream().map(ExperienceEventRecord::getEntityId).toList());
        assertEquals(1_700_000_000_000L, events.get(0).getTimestamp());
        assertEquals("view", events.get(0).getEntity().path("eventType").asText());
        assertEquals(2, stub.received().size());
        assertFalse(queries().get(0).contains("start="));
        assertEquals("n2", queryParameter(queries().get(1), "start"));
        assertEquals("jane%40example.com", queryParameter(queries().get(1), "relatedEntityId"));
        assertEquals("_xdm.context.experienceevent", queryParameter(queries().get(1), "schema.name"));
        assertEquals("2", queryParameter(queries().get(1), "limit"));
    }

    @Test
    void computedAttributesAdvanceOffset() {
        stub.reply("GET", ATTRIBUTES, 200, attributePage(0, 2, true, "a", "b"))
                .reply("GET", ATTRIBUTES, 200, attributePage(2, 2, false, "c"));

        List<String> ids = client.allComputedAttributes(2, "name", List.of("status=NEW")).stream()
                .map(ComputedAttribute::getId).toList();

        assertEquals(List.of("a", "b", "c"), ids);
        assertNull(queryParameter(queries().get(0), "offset"));
        assertEquals("2", queryParameter(queries().get(1), "offset"));
        assertEquals("name", queryParameter(queries().get(1), "sortBy"));
    }

    @Test
    void exportJobsFollowPageOffset() {
        stub.reply("GET", EXPORT_JOBS, 200, exportPage("1700_2", 1, 2))
                .reply("GET", EXPORT_JOBS, 200, exportPage("1600_3", 3));

        List<Long> ids = client.allExportJobs(2, "SUCCEEDED").stream().map(ExportJob::getId).toList();

        assertEquals(List.of(1L, 2L, 3L), ids);
        assertEquals("1700_2", queryParameter(queries().get(1), "offset"));
        assertEquals("SUCCEEDED", queryParameter(queries().get(1), "status"));
        assertEquals(2, stub.received().size());
    }

    @Test
    void systemJobsFollowPageIndex() {
        stub.reply("GET", SYSTEM_JOBS, 200, systemJobPage(1, "j1"))
                .reply("GET", SYSTEM_JOBS, 200, systemJobPage(2, "j2"))
                .reply("GET", SYSTEM_JOBS, 200, systemJobPage(null, "j3"));

        List<String> ids = client.allSystemJobs(1, "createdAt:asc").stream().map(ProfileSystemJob::getId).toList();

        assertEquals(List.of("j1", "j2", "j3"), ids);
        assertNull(queryParameter(queries().get(0), "start"));
        assertEquals("1", queryParameter(queries().get(1), "start"));
        assertEquals("2", queryParameter(queries().get(2), "start"));
    }

    @Test
    void eachIterationStartsAtFirstPage() {
        stub.reply("GET", MERGE_POLICIES, 200, policyPage(null, "a"));
        PagedIterable<MergePolicy> policies = client.allMergePolicies();

        long first = policies.stream().count();
        long second = policies.stream().count();

        assertEquals(1, first);
        assertEquals(1, second);
        assertEquals(2, stub.received().size());
    }

    private List<String> queries() {
        return stub.received().stream().map(StubServer.Received::query).toList();
    }

    private static String queryParameter(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (pair.substring(0, equals).equals(name)) {
                return pair.substring(equals + 1);
            }
        }
        return null;
    }

    private static String policyPage(String next, String... ids) {
        String children = json(ids, id -> "{\"id\": \"" + id + "\", \"name\": \"Policy " + id + "\"}");
        String nextField = next == null ? "" : ", \"next\": \"" + next + "\"";
        String href = next == null ? "" : MERGE_POLICIES + "?start=" + next;
        return "{\"_page\": {\"totalCount\": 9, \"pageSize\": " + ids.length + ", \"count\": " + ids.length
                + nextField + "}, \"children\": [" + children + "], \"_links\": {\"next\": {\"href\": \"" + href
                + "\"}}}";
    }

    private static String eventPage(String next, String... ids) {
        String children = json(ids, id -> "{\"relatedEntityId\": \"p1\", \"entityId\": \"" + id
                + "\", \"timestamp\": 1700000000000, \"entity\": {\"eventType\": \"view\"}}");
        String href = next.isEmpty() ? "" : "/entities?start=" + next;
        return "{\"_page\": {\"orderby\": \"-timestamp\", \"count\": " + ids.length + ", \"next\": \"" + next
                + "\"}, \"children\": [" + children + "], \"_links\": {\"next\": {\"href\": \"" + href + "\"}}}";
    }

    private static String attributePage(int offset, int limit, boolean hasNext, String... ids) {
        String items = json(ids, id -> "{\"id\": \"" + id + "\", \"name\": \"attr" + id + "\"}");
        String next = hasNext ? ", \"next\": {\"href\": \"/attributes?offset=" + (offset + limit) + "\"}" : "";
        return "{\"_links\": {\"self\": {\"href\": \"/attributes\"}" + next + "}, \"computedAttributes\": [" + items
                + "], \"_page\": {\"offset\": " + offset + ", \"limit\": " + limit + ", \"count\": " + ids.length
                + ", \"totalCount\": 3}}";
    }

    private static String exportPage(String pageOffset, long... ids) {
        String records = java.util.Arrays.stream(ids).mapToObj(id -> "{\"id\": " + id + "}")
                .collect(Collectors.joining(", "));
        boolean last = ids.length < 2;
        String next = last ? "" : EXPORT_JOBS + "?offset=" + pageOffset;
        return "{\"records\": [" + records + "], \"page\": {\"pageOffset\": \"" + pageOffset + "\", \"pageSize\": "
                + ids.length + "}, \"link\": {\"next\": \"" + next + "\"}}";
    }

    private static String systemJobPage(Integer next, String... ids) {
        String children = json(ids, id -> "{\"id\": \"" + id + "\"}");
        String nextField = next == null ? "" : ", \"next\": " + next;
        return "{\"_page\": {\"count\": " + ids.length + ", \"pageSize\": 1, \"start\": \"0\", \"totalCount\": 3"
                + nextField + "}, \"children\": [" + children + "]}";
    }

    private static String json(String[] ids, java.util.function.Function<String, String> item) {
        return java.util.Arrays.stream(ids).map(item).collect(Collectors.joining(", "));
    }
}
