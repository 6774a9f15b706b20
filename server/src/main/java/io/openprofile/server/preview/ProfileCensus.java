package io.openprofile.server.preview;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts the profiles of one sandbox for every report at once. A person is a cluster of the
 * identity graph, and a profile is a person with at least one profile fragment. A person's
 * records are its fragments and the events of its identities. A fragment or event whose primary
 * identity is not in the graph forms a person of its own.
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
    private static final class Person {
        final TreeSet<String> datasets = new TreeSet<>();
        final TreeSet<String> namespaces = new TreeSet<>();
        int identities;
        boolean hasFragment;
        long events;
        long newestEvent = Long.MIN_VALUE;
        String onlyNamespace;
    }

    private ProfileCensus() {
    }

    /** Builds every report from the store's contents as of {@code now}, epoch milliseconds. */
    static ObjectNode build(StoreContents store, Map<String, Integer> namespaceIds, long now) {
        Map<String, StoreContents.Node> nodes = new HashMap<>();
        Map<String, Person> persons = new HashMap<>();
        for (StoreContents.Node node : store.nodes()) {
            nodes.put(node.xid(), node);
            Person person = persons.computeIfAbsent(node.clusterId(), id -> new Person());
            person.identities++;
            person.namespaces.add(node.namespaceCode());
            person.onlyNamespace = node.namespaceCode();
        }
        Map<String, Long> fragmentsPerNamespace = new TreeMap<>();
        for (StoreContents.FragmentRow fragment : store.fragments()) {
            Person person = personOf(fragment.primaryXid(), nodes, persons);
            person.hasFragment = true;
            person.datasets.add(fragment.datasetId());
            StoreContents.Node node = nodes.get(fragment.primaryXid());
            if (node != null) {
                fragmentsPerNamespace.merge(node.namespaceCode(), 1L, Long::sum);
            }
        }
        long totalEvents = 0;
        for (StoreContents.EventGroup group : store.events()) {
            Person person = personOf(group.primaryXid(), nodes, persons);
            person.datasets.add(group.datasetId());
            person.events += group.count();
            person.newestEvent = Math.max(person.newestEvent, group.newestEventTime());
            totalEvents += group.count();
        }

        List<Person> profiles = persons.values().stream().filter(person -> person.hasFragment).toList();
        String reportTime = REPORT_TIME.format(Instant.ofEpochMilli(now));
        ObjectNode reports = Json.object();
        reports.set("status", status(store, profiles.size(), totalEvents, now));
        reports.set("dataset", datasetReport(store, profiles, reportTime));
        reports.set("namespace", namespaceReport(profiles, fragmentsPerNamespace, namespaceIds, reportTime));
        reports.set("datasetOverlap", overlap(profiles, true, reportTime));
        reports.set("namespaceOverlap", overlap(profiles, false, reportTime));
        reports.set("unstitchedProfiles", unstitched(persons, profiles.size(), totalEvents, now, reportTime));
        return reports;
    }

    private static Person personOf(String xid, Map<String, StoreContents.Node> nodes, Map<String, Person> persons) {
        StoreContents.Node node = nodes.get(xid);
        if (node != null) {
            return persons.get(node.clusterId());
        }
        return persons.computeIfAbsent("xid:" + xid, key -> {
            Person alone = new Person();
            alone.identities = 1;
            return alone;
        });
    }

    private static ObjectNode status(StoreContents store, int profiles, long totalEvents, long now) {
        String documents = Long.toString(store.fragments().size() + totalEvents);
        ObjectNode status = Json.object();
        status.put("numRowsToRead", Integer.toString(profiles));
        status.put("docCount", documents);
        status.put("cosmosDocCount", documents);
        status.put("totalFragmentCount", (long) store.fragments().size());
        if (store.lastBatch() != null) {
            status.put("lastSuccessfulBatchTimestamp",
                    STATUS_TIME.format(Instant.ofEpochMilli(store.lastBatch().completedAt())));
            status.put("lastBatchId", store.lastBatch().id());
        }
        status.put("streamingDriven", "false");
        status.put("totalRows", Integer.toString(profiles));
        status.put("status", "TASK_FINISHED");
        status.put("samplingRatio", 1.0);
        status.put("mergeStrategy", "identityGraph");
        status.put("lastSampledTimestamp", STATUS_TIME.format(Instant.ofEpochMilli(now)));
        return status;
    }

    private static ObjectNode datasetReport(StoreContents store, List<Person> profiles, String reportTime) {
        Map<String, Long> counts = new TreeMap<>();
        for (Person profile : profiles) {
            profile.datasets.forEach(dataset -> counts.merge(dataset, 1L, Long::sum));
        }
        ArrayNode data = Json.mapper().createArrayNode();
        counts.forEach((datasetId, count) -> {
            StoreContents.DatasetInfo info = store.datasets().get(datasetId);
            double share = (double) count / profiles.size();
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

    private static ObjectNode namespaceReport(List<Person> profiles, Map<String, Long> fragmentsPerNamespace,
            Map<String, Integer> namespaceIds, String reportTime) {
        Map<String, Long> counts = new TreeMap<>();
        for (Person profile : profiles) {
            profile.namespaces.forEach(code -> counts.merge(code, 1L, Long::sum));
        }
        ArrayNode data = Json.mapper().createArrayNode();
        counts.forEach((code, count) -> {
            double share = (double) count / profiles.size();
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

    private static ObjectNode overlap(List<Person> profiles, boolean byDataset, String reportTime) {
        Map<String, Long> counts = new TreeMap<>();
        for (Person profile : profiles) {
            counts.merge(String.join(",", byDataset ? profile.datasets : profile.namespaces), 1L, Long::sum);
        }
        ObjectNode data = Json.object();
        counts.forEach(data::put);
        return withTime(data, reportTime);
    }

    private static ObjectNode unstitched(Map<String, Person> persons, int profiles, long totalEvents, long now,
            String reportTime) {
        ObjectNode periods = Json.object();
        for (int days : UNSTITCHED_DAYS) {
            long cutoff = now - days * DAY_MILLIS;
            long count = 0;
            long events = 0;
            Map<String, long[]> perNamespace = new TreeMap<>();
            for (Person person : persons.values()) {
                if (person.identities != 1 || person.newestEvent >= cutoff) {
                    continue;
                }
                count++;
                events += person.events;
                String namespace = person.onlyNamespace == null ? "unknown" : person.onlyNamespace;
                long[] sums = perNamespace.computeIfAbsent(namespace, code -> new long[2]);
                sums[0]++;
                sums[1] += person.events;
            }
            ObjectNode period = periods.putObject(days + "days");
            period.put("countOfProfiles", count);
            period.put("eventsAssociated", events);
            ObjectNode distribution = period.putObject("nsDistribution");
            perNamespace.forEach((code, sums) -> distribution.putObject(code).put("countOfProfiles", sums[0])
                    .put("eventsAssociated", sums[1]));
        }
        ObjectNode data = Json.object();
        data.put("totalNumberOfProfiles", (long) profiles);
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
