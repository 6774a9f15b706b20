package io.openprofile.server.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.ComputedAttributeValues;
import io.openprofile.server.entities.ProfileLookupService;
import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.identity.IdentityNode;
import io.openprofile.server.identity.NamespaceService;
import io.openprofile.server.merge.Fragment;
import io.openprofile.server.merge.IdentityGraphType;
import io.openprofile.server.merge.MergeEngine;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.merge.MergedProfile;
import io.openprofile.server.profile.EventQuery;
import io.openprofile.server.profile.ProfileDataRepository;
import io.openprofile.server.profile.StoredEvent;
import io.openprofile.server.profile.StoredFragment;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the exported lines of one person: the merged profile as a profile lookup returns its
 * entity, computed attributes included, restricted by {@code fields}, with an {@code eventList}
 * array when the request includes events.
 */
@ApplicationScoped
public class ExportLines {

    /** Persons linked to more identities are skipped, as profile lookups reject them. */
    static final int MAX_GRAPH_SIZE = 50;
    private static final int EVENT_PAGE = 1000;

    private final IdentityGraphRepository graph;
    private final ProfileDataRepository data;
    private final NamespaceService namespaces;
    private final ComputedAttributeValues computedValues;

    ExportLines(IdentityGraphRepository graph, ProfileDataRepository data, NamespaceService namespaces,
            ComputedAttributeValues computedValues) {
        this.graph = graph;
        this.data = data;
        this.namespaces = namespaces;
        this.computedValues = computedValues;
    }

    /**
     * Returns the lines of the person with cluster id {@code clusterId}: one line with a stitching
     * policy, one per primary identity with a profile record without stitching, and none when the
     * filters exclude the person or it links more than {@value #MAX_GRAPH_SIZE} identities. The
     * identities, profile records and events are read in {@code snapshot}; computed attribute
     * values are read as they are now.
     */
    public List<ObjectNode> linesOf(Database.Snapshot snapshot, Tenant tenant, String clusterId, MergePolicy policy,
            ExportRequest request) {
        List<IdentityNode> identities = snapshot.read(c -> graph.findCluster(c, tenant, clusterId,
                MAX_GRAPH_SIZE + 1));
        if (identities.isEmpty() || identities.size() > MAX_GRAPH_SIZE) {
            return List.of();
        }
        List<String> xids = identities.stream().map(IdentityNode::xid).toList();
        List<StoredFragment> stored = snapshot.read(c -> data.findFragments(c, tenant, xids));
        MergeEngine engine = new MergeEngine(namespaces.resolver(tenant));
        List<ObjectNode> lines = new ArrayList<>();
        if (policy.identityGraph() != IdentityGraphType.NONE) {
            lineOf(snapshot, tenant, identities, xids, stored, engine, policy, request).ifPresent(lines::add);
            return lines;
        }
        Map<String, List<StoredFragment>> byPrimary = new LinkedHashMap<>();
        for (StoredFragment fragment : stored) {
            byPrimary.computeIfAbsent(fragment.primaryXid(), key -> new ArrayList<>()).add(fragment);
        }
        for (IdentityNode identity : identities) {
            List<StoredFragment> own = byPrimary.getOrDefault(identity.xid(), List.of());
            lineOf(snapshot, tenant, List.of(identity), List.of(identity.xid()), own, engine, policy, request)
                    .ifPresent(lines::add);
        }
        return lines;
    }

    private java.util.Optional<ObjectNode> lineOf(Database.Snapshot snapshot, Tenant tenant,
            List<IdentityNode> identities, List<String> xids, List<StoredFragment> stored, MergeEngine engine,
            MergePolicy policy, ExportRequest request) {
        List<Fragment> fragments = stored.stream()
                .map(f -> new Fragment(f.datasetId(), f.primaryXid(), f.record(), f.recordTime(), f.ingestedAt()))
                .toList();
        MergedProfile merged = engine.merge(fragments, policy);
        boolean empty = merged.sources().isEmpty();
        if (empty && (!request.emptyProfiles() || !hasEvents(snapshot, tenant, xids))) {
            return java.util.Optional.empty();
        }
        // NOTE: an empty profile has no record ingestion time, so fromIngestTimestamp excludes it.
        if (request.fromIngestTimestamp() != null && (empty
                || merged.lastModifiedAt() < request.fromIngestTimestamp())) {
            return java.util.Optional.empty();
        }
        ObjectNode entity = empty ? identityMapOf(identities) : merged.entity();
        ProfileLookupService.mergeInto(entity, computedValues.valuesFor(tenant, xids));
        ObjectNode line = request.fields() == null ? entity : request.fields().select(entity);
        if (request.withEvents()) {
            line.set("eventList", eventsOf(snapshot, tenant, xids, request));
        }
        return java.util.Optional.of(line);
    }

    private boolean hasEvents(Database.Snapshot snapshot, Tenant tenant, List<String> xids) {
        EventQuery first = new EventQuery(null, null, false, 1, null);
        return !snapshot.read(c -> data.findEvents(c, tenant, xids, first)).isEmpty();
    }

    /**
     * Collects the person's events in event-time order, page by page. The array of one person is
     * held in memory, so a person's events must fit in memory.
     */
    private ArrayNode eventsOf(Database.Snapshot snapshot, Tenant tenant, List<String> xids,
            ExportRequest request) {
        ArrayNode events = Json.mapper().createArrayNode();
        EventQuery.Position after = null;
        while (true) {
            EventQuery query = new EventQuery(null, null, false, EVENT_PAGE, after);
            List<StoredEvent> page = snapshot.read(c -> data.findEvents(c, tenant, xids, query));
            for (StoredEvent event : page) {
                if (request.eventsFromIngestTimestamp() != null
                        && event.ingestedAt() < request.eventsFromIngestTimestamp()) {
                    continue;
                }
                events.add(request.eventFields() == null ? event.record() : request.eventFields().select(event.record()));
            }
            if (page.size() < EVENT_PAGE) {
                return events;
            }
            StoredEvent last = page.get(page.size() - 1);
            after = new EventQuery.Position(last.eventTime(), last.datasetId(), last.eventId(), last.primaryXid());
        }
    }

    /** Builds the entity of a person without profile records: its identities only. */
    private static ObjectNode identityMapOf(List<IdentityNode> identities) {
        ObjectNode entity = Json.object();
        ObjectNode identityMap = entity.putObject("identityMap");
        for (IdentityNode node : identities) {
            identityMap.withArray(node.namespaceCode()).addObject().put("id", node.value());
        }
        return entity;
    }
}
