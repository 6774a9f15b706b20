package io.openprofile.server.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.computed.ComputedAttributesTest;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.ParquetRows;
import io.openprofile.server.support.Samples;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Computed attributes over Adobe's Luma web events (Parquet, 2018-11-05 to 2018-12-17), evaluated
 * as of {@value #EVALUATION_TIME}. The file has no {@code commerce.order.priceTotal}, so the order
 * total sums the purchases' {@code productListItems[].priceTotal}. The expected values are computed here from the raw file, read
 * with the Parquet library directly, for a few chosen ECIDs.
 */
@QuarkusTest
@TestProfile(LumaComputedAttributesTest.EvaluationTime.class)
class LumaComputedAttributesTest {

    static final String EVALUATION_TIME = "2018-12-10T00:00:00Z";
    private static final Instant NOW = Instant.parse(EVALUATION_TIME);
    private static final Instant FOUR_WEEKS_BEFORE = NOW.minus(Duration.ofDays(28));
    private static final String FILE = "luma-analytics-events/luma_post.snappy.parquet";

    /** Fixes the evaluation time inside the data's period. */
    public static class EvaluationTime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openprofile.computed-attributes.evaluation-time", EVALUATION_TIME);
        }
    }

    /** The fields of one row that the expressions read. */
    private record Row(String id, Instant timestamp, String ecid, String aaid, boolean purchase, BigDecimal orderTotal,
            boolean productView, boolean pageView, String pageName) {
    }

    private static Flows flows;
    private static Map<String, List<Row>> rowsByPerson;

    @BeforeEach
    void ingestAndEvaluateOnce() throws IOException {
        Path file = Samples.file(FILE);
        if (flows != null) {
            return;
        }
        rowsByPerson = byPerson(readRows(file));
        flows = new Flows(Api.newSandbox());
        String dataset = flows.eventDataset();
        assertEquals("success", flows.ingest(dataset, "parquet", "luma_post.snappy.parquet",
                Files.readAllBytes(file)).status());
        List<String> ids = List.of(
                create("orderTotal4Weeks", "xEvent[commerce.purchases.value > 0].sum(productListItems.priceTotal)",
                        Map.of("count", 4, "unit", "WEEKS")),
                create("productViews4Weeks", "xEvent[commerce.productViews.value > 0].count()",
                        Map.of("count", 4, "unit", "WEEKS")),
                create("lastPageName", "xEvent[web.webPageDetails.pageViews.value > 0].topN(timestamp, 1)"
                        + ".map({\"timestamp\": timestamp, \"value\": web.webPageDetails.name}).head()", null));
        for (String id : ids) {
            ComputedAttributesTest.awaitStatusIn(flows.sandbox(), id, "PROCESSED");
        }
    }

    @Test
    void orderTotalsMatchFile() {
        for (String ecid : chosenEcids()) {
            BigDecimal expected = rowsByPerson.get(ecid).stream()
                    .filter(row -> inFourWeeks(row) && row.purchase() && row.orderTotal() != null)
                    .map(Row::orderTotal)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);

            Object actual = values(ecid).get("orderTotal4Weeks");

            assertEquals(0, expected.compareTo(new BigDecimal(String.valueOf(actual == null ? 0 : actual))),
                    "order total of ECID " + ecid + ": expected " + expected + ", got " + actual);
        }
    }

    @Test
    void productViewCountsMatchFile() {
        for (String ecid : chosenEcids()) {
            long expected = rowsByPerson.get(ecid).stream()
                    .filter(row -> inFourWeeks(row) && row.productView())
                    .count();

            Object actual = values(ecid).get("productViews4Weeks");

            assertEquals(expected, actual == null ? 0L : ((Number) actual).longValue(),
                    "product views of ECID " + ecid);
        }
    }

    @Test
    void lastPageNameMatchesFile() {
        for (String ecid : chosenEcids()) {
            String expected = rowsByPerson.get(ecid).stream()
                    .filter(row -> row.pageView() && row.pageName() != null && !row.timestamp().isAfter(NOW))
                    .max(Comparator.comparing(Row::timestamp).thenComparing(Row::id))
                    .map(Row::pageName)
                    .orElse(null);

            assertEquals(expected, values(ecid).get("lastPageName"), "last page name of ECID " + ecid);
        }
    }

    /**
     * Returns three ECIDs: the person with the largest order total in the window, the one with the
     * most product views in it, and the first ECID of the file.
     */
    private static List<String> chosenEcids() {
        List<String> ecids = rowsByPerson.keySet().stream().filter(key -> !key.startsWith("AAID:")).sorted().toList();
        String biggestBuyer = ecids.stream().max(Comparator.comparing((String ecid) -> rowsByPerson.get(ecid).stream()
                .filter(row -> inFourWeeks(row) && row.purchase() && row.orderTotal() != null)
                .map(Row::orderTotal).reduce(BigDecimal.ZERO, BigDecimal::add))).orElseThrow();
        String mostViews = ecids.stream().max(Comparator.comparingLong((String ecid) -> rowsByPerson.get(ecid).stream()
                .filter(row -> inFourWeeks(row) && row.productView()).count())).orElseThrow();
        assertTrue(rowsByPerson.get(biggestBuyer).stream()
                .anyMatch(row -> inFourWeeks(row) && row.purchase() && row.orderTotal() != null
                        && row.orderTotal().signum() > 0), "a purchase with a total lies in the window");
        return List.of(biggestBuyer, mostViews, ecids.get(0));
    }

    private static boolean inFourWeeks(Row row) {
        return !row.timestamp().isBefore(FOUR_WEEKS_BEFORE) && !row.timestamp().isAfter(NOW);
    }

    /** Returns the computed values of the profile of an ECID. */
    private static Map<String, Object> values(String ecid) {
        JsonPath body = Api.as(flows.sandbox())
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", ecid, "entityIdNS", "ECID"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(200)
                .extract().jsonPath();
        String key = "'" + body.getMap("$").keySet().iterator().next() + "'";
        Map<String, Object> entity = body.getMap(key + ".entity");
        for (Map.Entry<String, Object> field : entity.entrySet()) {
            if (field.getKey().startsWith("_") && field.getValue() instanceof Map<?, ?> group
                    && group.get("ComputedAttributes") instanceof Map<?, ?> values) {
                Map<String, Object> result = new LinkedHashMap<>();
                values.forEach((name, value) -> result.put(String.valueOf(name), value));
                return result;
            }
        }
        return Map.of();
    }

    private static String create(String name, String expression, Map<String, Object> duration) {
        Map<String, Object> body = ComputedAttributesTest.attribute(name, expression, duration);
        body.put("status", "NEW");
        return Api.as(flows.sandbox()).contentType(ContentType.JSON).body(body)
                .when().post("/data/core/ca/attributes")
                .then().statusCode(200)
                .extract().path("id");
    }

    private static List<Row> readRows(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        ParquetRows.forEach(file, row -> {
            Group ids = ParquetRows.group(row, "endUserIDs", "_experience");
            Group commerce = ParquetRows.group(row, "commerce");
            Group page = ParquetRows.group(row, "web", "webPageDetails");
            rows.add(new Row(row.getString("_id", 0), ParquetRows.int96(row, "timestamp"),
                    ParquetRows.string(ParquetRows.group(ids, "mcid"), "id"),
                    ParquetRows.string(ParquetRows.group(ids, "aaid"), "id"),
                    positive(ParquetRows.group(commerce, "purchases")),
                    lineItemTotal(row),
                    positive(ParquetRows.group(commerce, "productViews")),
                    positive(ParquetRows.group(page, "pageViews")),
                    ParquetRows.string(page, "name")));
        });
        return rows;
    }

    /**
     * Returns the sum of {@code productListItems[].priceTotal}, or null when no line item has one.
     * The file has no {@code commerce.order.priceTotal}; an order's revenue is in its line items.
     */
    private static BigDecimal lineItemTotal(Group row) {
        if (row.getFieldRepetitionCount("productListItems") == 0) {
            return null;
        }
        Group list = row.getGroup("productListItems", 0);
        BigDecimal total = null;
        for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
            Group wrapper = list.getGroup("list", i);
            if (wrapper.getFieldRepetitionCount("element") == 0) {
                continue;
            }
            BigDecimal price = decimal(wrapper.getGroup("element", 0), "priceTotal");
            if (price != null) {
                total = total == null ? price : total.add(price);
            }
        }
        return total;
    }

    /** Returns whether a measure group such as {@code commerce.purchases} has a {@code value} above 0. */
    private static boolean positive(Group measure) {
        BigDecimal value = decimal(measure, "value");
        return value != null && value.signum() > 0;
    }

    private static BigDecimal decimal(Group group, String field) {
        if (group == null || !group.getType().containsField(field) || group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        return switch (group.getType().getType(field).asPrimitiveType().getPrimitiveTypeName()) {
            case DOUBLE -> BigDecimal.valueOf(group.getDouble(field, 0));
            case FLOAT -> new BigDecimal(Float.toString(group.getFloat(field, 0)));
            case INT32 -> BigDecimal.valueOf(group.getInteger(field, 0));
            case INT64 -> BigDecimal.valueOf(group.getLong(field, 0));
            default -> throw new IllegalStateException("unexpected type of " + field);
        };
    }

    /**
     * Groups rows by person: every ECID and AAID linked through some row is one person. Returns
     * each person's rows under each of their ECIDs, and under {@code AAID:<id>} for their AAIDs.
     */
    private static Map<String, List<Row>> byPerson(List<Row> rows) {
        Map<String, String> parent = new HashMap<>();
        for (Row row : rows) {
            List<String> keys = keys(row);
            keys.forEach(key -> parent.putIfAbsent(key, key));
            for (int i = 1; i < keys.size(); i++) {
                parent.put(root(parent, keys.get(i)), root(parent, keys.get(0)));
            }
        }
        Map<String, List<Row>> byRoot = new HashMap<>();
        for (Row row : rows) {
            byRoot.computeIfAbsent(root(parent, keys(row).get(0)), key -> new ArrayList<>()).add(row);
        }
        Map<String, List<Row>> byKey = new HashMap<>();
        parent.keySet().forEach(key -> byKey.put(key, byRoot.get(root(parent, key))));
        return byKey;
    }

    private static List<String> keys(Row row) {
        List<String> keys = new ArrayList<>();
        if (row.ecid() != null) {
            keys.add(row.ecid());
        }
        if (row.aaid() != null) {
            keys.add("AAID:" + row.aaid());
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
