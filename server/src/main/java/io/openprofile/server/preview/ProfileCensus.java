package io.openprofile.server.preview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts the profiles of one sandbox for every report at once, one person at a time. A person is
 * a cluster of the identity graph, and a profile is a person with at least one profile fragment. A
 * person's records are its fragments and the events of its identities. A fragment or event whose
 * primary identity is not in the graph forms a person of its own.
 *
 * <p>The census keeps running totals only: its memory grows with the number of datasets,
 * namespaces and distinct dataset or namespace combinations, not with the number of persons.
 */
final class ProfileCensus {

    /** Periods of the unstitched report, in days without an event. */
    static final List<Integer> UNSTITCHED_DAYS = List.of(7, 30, 60, 90, 120);

    /** ISO 8601 in UTC without an offset, as Adobe's {@code reportTimestamp}. */
    static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    /** The SQL-like UTC form of the status resource's times, such as {@code 2020-08-01 17:57:57.0}. */
    static final DateTimeFormatter STATUS_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.S")
            .withZone(ZoneOffset.UTC);

    private static final long DAY_MILLIS = 86_400_000L;

    /** The facts about one person that the reports count. */
    static final class Person {
        final TreeSet<String> datasets = new TreeSet<>();
        final TreeSet<String> namespaces = new TreeSet<>();
        int identities;
        boolean hasFragment;
        long events;
        long newestEvent = Long.MIN_VALUE;
        String onlyNamespace;
    }

    /** Profiles and events of the single-identity persons without an event in one period. */
    private static final class Unstitched {
        long profiles;
        long events;
        final Map<String, long[]> perNamespace = new TreeMap<>();
    }

    private final long now;
    private long profiles;
    private long fragments;
    private long totalEvents;
    private final Map<String, Long> profilesPerDataset = new TreeMap<>();
    private final Map<String, Long> profilesPerNamespace = new TreeMap<>();
    private final Map<String, Long> fragmentsPerNamespace = new TreeMap<>();
    private final Map<String, Long> datasetOverlap = new TreeMap<>();
    private final Map<String, Long> namespaceOverlap = new TreeMap<>();
    private final Map<Integer, Unstitched> unstitched = new TreeMap<>();

    /** Starts a census as of {@code now}, epoch milliseconds, which the unstitched periods count back from. */
    ProfileCensus(long now) {
        this.now = now;
        for (int days : UNSTITCHED_DAYS) {
            unstitched.put(days, new Unstitched());
        }
    }

    /** Counts one fragment, by the namespace of its primary identity (null when not in the graph). */
    void countFragment(String namespaceCode) {
        fragments++;
        if (namespaceCode != null) {
            fragmentsPerNamespace.merge(namespaceCode, 1L, Long::sum);
        }
    }

    /** Counts one complete person. Each person must be added once. */
    void add(Person person) {
        totalEvents += person.events;
        if (person.hasFragment) {
            profiles++;
            person.datasets.forEach(dataset -> profilesPerDataset.merge(dataset, 1L, Long::sum));
            person.namespaces.forEach(code -> profilesPerNamespace.merge(code, 1L, Long::sum));
            datasetOverlap.merge(String.join(",", person.datasets), 1L, Long::sum);
            namespaceOverlap.merge(String.join(",", person.namespaces), 1L, Long::sum);
        }
        if (person.identities != 1) {
            return;
        }
        String namespace = person.onlyNamespace == null ? "unknown" : person.onlyNamespace;
        unstitched.forEach((days, period) -> {
            if (person.newestEvent >= now - days * DAY_MILLIS) {
                return;
            }
            period.profiles++;
            period.events += person.events;
            long[] sums = period.perNamespace.computeIfAbsent(namespace, code -> new long[2]);
            sums[0]++;
            sums[1] += person.events;
        });
    }

    long profiles() {
        return profiles;
    }

    long fragments() {
        return fragments;
    }

    /** Builds every report from the counts and the sandbox's catalog facts. */
    ObjectNode build(StoreContents store, Map<String, Integer> namespaceIds) {
        String reportTime = REPORT_TIME.format(Instant.ofEpochMilli(now));
        ObjectNode reports = Json.object();
        reports.set("status", status(store));
        reports.set("dataset", datasetReport(store, reportTime));
        reports.set("namespace", namespaceReport(namespaceIds, reportTime));
        reports.set("datasetOverlap", overlap(datasetOverlap, reportTime));
        reports.set("namespaceOverlap", overlap(namespaceOverlap, reportTime));
        reports.set("unstitchedProfiles", unstitchedReport(reportTime));
        return reports;
    }

    private ObjectNode status(StoreContents store) {
        String documents = Long.toString(fragments + totalEvents);
        ObjectNode status = Json.object();
        status.put("numRowsToRead", Long.toString(profiles));
        status.put("docCount", documents);
        status.put("cosmosDocCount", documents);
        status.put("totalFragmentCount", fragments);
        if (store.lastBatch() != null) {
            status.put("lastSuccessfulBatchTimestamp",
                    STATUS_TIME.format(Instant.ofEpochMilli(store.lastBatch().completedAt())));
            status.put("lastBatchId", store.lastBatch().id());
        }
        status.put("streamingDriven", "false");
        status.put("totalRows", Long.toString(profiles));
        status.put("status", "TASK_FINISHED");
        status.put("samplingRatio", 1.0);
        status.put("mergeStrategy", "identityGraph");
        status.put("lastSampledTimestamp", STATUS_TIME.format(Instant.ofEpochMilli(now)));
        return status;
    }

    private ObjectNode datasetReport(StoreContents store, String reportTime) {
        ArrayNode data = Json.mapper().createArrayNode();
        profilesPerDataset.forEach((datasetId, count) -> {
            StoreContents.DatasetInfo info = store.datasets().get(datasetId);
            double share = (double) count / profiles;
            ObjectNode entry = data.addObject();
            entry.put("sampleCount", count);
            entry.put("samplePercentage", share);
            entry.put("fullIDsCount", count);
            entry.put("fullIDsPercentage", share);
            entry.put("name", info == null ? datasetId : info.name());
            if (info != null && info.description() != null) {
                entry.put("description", info.description());
            }
            entry.put("value", datasetId);
            entry.put("streamingIngestionEnabled", Boolean.toString(store.streamingDatasets().contains(datasetId)));
            entry.put("reportTimestamp", reportTime);
        });
        return withTime(data, reportTime);
    }

    private ObjectNode namespaceReport(Map<String, Integer> namespaceIds, String reportTime) {
        ArrayNode data = Json.mapper().createArrayNode();
        profilesPerNamespace.forEach((code, count) -> {
            double share = (double) count / profiles;
            ObjectNode entry = data.addObject();
            entry.put("sampleCount", count);
            entry.put("samplePercentage", share);
            entry.put("fullIDsFragmentCount", fragmentsPerNamespace.getOrDefault(code, 0L));
            entry.put("fullIDsCount", count);
            entry.put("fullIDsPercentage", share);
            entry.put("code", code);
            Integer id = namespaceIds.get(code);
            entry.put("value", id == null ? "" : id.toString());
            entry.put("reportTimestamp", reportTime);
        });
        return withTime(data, reportTime);
    }

    private static ObjectNode overlap(Map<String, Long> counts, String reportTime) {
        ObjectNode data = Json.object();
        counts.forEach(data::put);
        return withTime(data, reportTime);
    }

    private ObjectNode unstitchedReport(String reportTime) {
        ObjectNode periods = Json.object();
        unstitched.forEach((days, counts) -> {
            ObjectNode period = periods.putObject(days + "days");
            period.put("countOfProfiles", counts.profiles);
            period.put("eventsAssociated", counts.events);
            ObjectNode distribution = period.putObject("nsDistribution");
            counts.perNamespace.forEach((code, sums) -> distribution.putObject(code).put("countOfProfiles", sums[0])
                    .put("eventsAssociated", sums[1]));
        });
        ObjectNode data = Json.object();
        data.put("totalNumberOfProfiles", profiles);
        data.put("totalNumberOfEvents", totalEvents);
        data.set("unstitchedProfiles", periods);
        return withTime(data, reportTime);
    }

    private static ObjectNode withTime(com.fasterxml.jackson.databind.JsonNode data, String reportTime) {
        ObjectNode report = Json.object();
        report.set("data", data);
        report.put("reportTimestamp", reportTime);
        return report;
    }
}
