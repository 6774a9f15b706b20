package io.openprofile.server.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.ParquetRows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Adobe's Luma web events (23,055 rows of Analytics data in Parquet, identities in the legacy
 * {@code endUserIDs} field group and INT96 timestamps) ingest as one batch. The expected values come from reading
 * the file with the Parquet library directly, not through the server's reader.
 */
@QuarkusTest
class LumaParquetSampleTest {

    private static final String FILE = "luma-analytics-events/luma_post.snappy.parquet";
    private static final String ECID_WITH_TWO_AAIDS = "69960801606195929931106976567378624601";
    private static final int ROWS = 23_055;
    private static final int MAX_PAGE = 1000;

    /** One row of the file, read independently of the server. */
    private record Event(String id, Instant timestamp, String ecid, String aaid, String pageName) {
    }

    // The sample is ingested once per test JVM, because it takes most of the time of these tests.
    private static Flows flows;
    private static Flows.BatchOutcome outcome;
    private static List<Event> events;
    private static Map<String, List<Event>> eventsByIdentity;

    @BeforeEach
    void ingestOnce() throws IOException {
        Path file = Samples.file(FILE);
        if (flows != null) {
            return;
        }
        events = readEvents(file);
        eventsByIdentity = groupByPerson(events);
        flows = new Flows(Api.newSandbox());
        String dataset = flows.eventDataset();
        outcome = flows.ingest(dataset, "parquet", "luma_post.snappy.parquet", Files.readAllBytes(file));
    }

    @Test
    void everyRowIsWritten() {
        assertEquals(ROWS, events.size());
        assertEquals("success", outcome.status());
        JsonPath batch = Api.as(flows.sandbox())
                .when().get("/data/foundation/catalog/batches/" + outcome.batchId())
                .then().statusCode(200)
                .extract().jsonPath();
        assertEquals(ROWS, batch.getInt("'" + outcome.batchId() + "'.metrics.recordsRead"));
        assertEquals(ROWS, batch.getInt("'" + outcome.batchId() + "'.metrics.recordsWritten"));
    }

    @Test
    void eventsOfChosenEcidsMatchFile() {
        for (String ecid : chosenEcids()) {
            List<Event> expected = eventsByIdentity.get("ECID:" + ecid);
            assertTrue(expected.size() <= MAX_PAGE, "one page holds the events of ECID " + ecid);

            JsonPath page = eventsOf(ecid, "ECID");

            Instant first = expected.stream().map(Event::timestamp).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = expected.stream().map(Event::timestamp).max(Comparator.naturalOrder()).orElseThrow();
            int count = page.getInt("_page.count");
            assertEquals(expected.size(), count, "events of ECID " + ecid);
            assertEquals(first.toEpochMilli(), page.getLong("children[0].timestamp"), "first event of " + ecid);
            assertEquals(first, Instant.parse(page.getString("children[0].entity.timestamp")), "first of " + ecid);
            assertEquals(last.toEpochMilli(), page.getLong("children[" + (count - 1) + "].timestamp"),
                    "last event of " + ecid);

            Event withPage = expected.stream().filter(event -> event.pageName() != null).findFirst().orElseThrow();
            String path = "children.find { it.entityId == '" + withPage.id() + "' }.entity.web.webPageDetails.name";
            assertEquals(withPage.pageName(), page.getString(path), "page name of event " + withPage.id());
        }
    }

    @Test
    void ecidWithTwoAaidsStitchesBoth() {
        Set<String> aaids = new LinkedHashSet<>();
        for (Event event : eventsByIdentity.get("ECID:" + ECID_WITH_TWO_AAIDS)) {
            if (ECID_WITH_TWO_AAIDS.equals(event.ecid()) && event.aaid() != null) {
                aaids.add(event.aaid());
            }
        }
        assertEquals(2, aaids.size(), "AAIDs of ECID " + ECID_WITH_TWO_AAIDS + " in the file");
        int byEcid = eventsOf(ECID_WITH_TWO_AAIDS, "ECID").getInt("_page.count");

        for (String aaid : aaids) {
            assertEquals(byEcid, eventsOf(aaid, "AAID").getInt("_page.count"), "events found by AAID " + aaid);
        }
    }

    @Test
    void rowWithOnlyAaidIsAccepted() {
        List<Event> aaidOnly = events.stream().filter(event -> event.ecid() == null).toList();
        assertEquals(1, aaidOnly.size(), "rows without an ECID in the file");
        Event event = aaidOnly.get(0);
        assertNotNull(event.aaid());

        JsonPath page = eventsOf(event.aaid(), "AAID");

        List<String> ids = page.getList("children.entityId");
        assertTrue(ids.contains(event.id()), "events of AAID " + event.aaid() + ": " + ids);
        assertEquals(eventsByIdentity.get("AAID:" + event.aaid()).size(), page.getInt("_page.count"));
    }

    /** Returns the ECID of the first row, the ECID with two AAIDs, and the ECID of the person with most events. */
    private static List<String> chosenEcids() {
        String busiest = events.stream()
                .map(Event::ecid)
                .filter(ecid -> ecid != null)
                .distinct()
                .max(Comparator.comparingInt((String ecid) -> eventsByIdentity.get("ECID:" + ecid).size())
                        .thenComparing(Comparator.reverseOrder()))
                .orElseThrow();
        return List.of(events.get(0).ecid(), ECID_WITH_TWO_AAIDS, busiest);
    }

    private static JsonPath eventsOf(String id, String namespace) {
        return Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.experienceevent",
                        "relatedSchema.name", "_xdm.context.profile", "relatedEntityId", id,
                        "relatedEntityIdNS", namespace, "limit", MAX_PAGE, "orderby", "+timestamp"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<Event> readEvents(Path file) throws IOException {
        List<Event> rows = new ArrayList<>();
        ParquetRows.forEach(file, row -> {
            Group ids = ParquetRows.group(row, "endUserIDs", "_experience");
            String ecid = ParquetRows.string(ParquetRows.group(ids, "mcid"), "id");
            String aaid = ParquetRows.string(ParquetRows.group(ids, "aaid"), "id");
            String pageName = ParquetRows.string(ParquetRows.group(row, "web", "webPageDetails"), "name");
            rows.add(new Event(row.getString("_id", 0), ParquetRows.int96(row, "timestamp"), ecid, aaid, pageName));
        });
        return rows;
    }

    /**
     * Groups events by person, where a person is every ECID and AAID linked through some row, and returns each
     * person's events under each of their identities, written {@code NAMESPACE:id}.
     */
    private static Map<String, List<Event>> groupByPerson(List<Event> rows) {
        Map<String, String> parent = new HashMap<>();
        for (Event event : rows) {
            List<String> keys = keys(event);
            for (String key : keys) {
                parent.putIfAbsent(key, key);
            }
            for (int i = 1; i < keys.size(); i++) {
                parent.put(root(parent, keys.get(i)), root(parent, keys.get(0)));
            }
        }
        Map<String, List<Event>> byRoot = new HashMap<>();
        for (Event event : rows) {
            byRoot.computeIfAbsent(root(parent, keys(event).get(0)), key -> new ArrayList<>()).add(event);
        }
        Map<String, List<Event>> byIdentity = new HashMap<>();
        for (String key : parent.keySet()) {
            byIdentity.put(key, byRoot.get(root(parent, key)));
        }
        return byIdentity;
    }

    private static List<String> keys(Event event) {
        List<String> keys = new ArrayList<>();
        if (event.ecid() != null) {
            keys.add("ECID:" + event.ecid());
        }
        if (event.aaid() != null) {
            keys.add("AAID:" + event.aaid());
        }
        return keys;
    }

    private static String root(Map<String, String> parent, String key) {
        String current = key;
        while (!parent.get(current).equals(current)) {
            current = parent.get(current);
        }
        return current;
    }
}
