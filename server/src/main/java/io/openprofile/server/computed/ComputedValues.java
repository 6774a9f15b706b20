package io.openprofile.server.computed;

import com.fasterxml.jackson.databind.JsonNode;
import io.openprofile.server.computed.pql.Aggregator;
import io.openprofile.server.computed.pql.ExperienceEvent;
import io.openprofile.server.computed.pql.PartialAggregate;
import io.openprofile.server.computed.pql.TimeRange;
import io.openprofile.server.profile.EventQuery;
import io.openprofile.server.profile.ProfileDataRepository;
import io.openprofile.server.profile.StoredEvent;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Computes attribute values from partial aggregates per identity and time bucket.
 *
 * <p>A bucket's state is always recomputed from the raw events in the bucket, never incremented,
 * so that applying the same change twice (a retried batch, a re-evaluation racing ingestion) gives
 * the same state. A read merges the states of the buckets that lie wholly inside the attribute's
 * time range and aggregates the raw events of the two partial buckets at its edges. So values are
 * exact at the moment of the read, and a read never scans a person's whole history. Expressions
 * whose filter cannot be split per bucket are evaluated over the raw events of their range.
 */
@ApplicationScoped
public class ComputedValues {

    private static final int EVENT_PAGE = 1000;

    private final ComputedValueRepository values;
    private final ProfileDataRepository events;

    ComputedValues(ComputedValueRepository values, ProfileDataRepository events) {
        this.values = values;
        this.events = events;
    }

    /** An event whose bucket must be recomputed. */
    public record Touch(String primaryXid, long eventTime) {
    }

    /**
     * Recomputes the buckets of the touched events for every attribute, inside the caller's
     * transaction, which must hold the sandbox's identity graph lock.
     */
    public void refresh(Connection connection, Tenant tenant, List<EvaluatedAttribute> attributes,
            Collection<Touch> touches) throws SQLException {
        for (EvaluatedAttribute attribute : attributes) {
            if (!attribute.isBucketable()) {
                continue;
            }
            Map<String, Set<Long>> buckets = new HashMap<>();
            for (Touch touch : touches) {
                buckets.computeIfAbsent(touch.primaryXid(), xid -> new TreeSet<>())
                        .add(attribute.bucketStart(touch.eventTime()));
            }
            for (Map.Entry<String, Set<Long>> entry : buckets.entrySet()) {
                for (long bucket : entry.getValue()) {
                    recomputeBucket(connection, tenant, attribute, entry.getKey(), bucket);
                }
            }
        }
    }

    /** Recomputes every bucket of the given identities for one attribute, from their raw events. */
    public void rebuild(Connection connection, Tenant tenant, EvaluatedAttribute attribute, Collection<String> xids)
            throws SQLException {
        values.deleteFor(connection, tenant, attribute.attribute().id(), xids);
        if (!attribute.isBucketable()) {
            return;
        }
        Aggregator aggregator = attribute.expression().aggregator();
        for (String xid : xids) {
            Map<Long, PartialAggregate> states = new LinkedHashMap<>();
            forEachEvent(connection, tenant, List.of(xid), null, null, event -> {
                if (matchesIgnoringTime(attribute, event)) {
                    long bucket = attribute.bucketStart(event.timestampMillis());
                    states.put(bucket, aggregator.add(states.getOrDefault(bucket, aggregator.empty()), event));
                }
            });
            for (Map.Entry<Long, PartialAggregate> state : states.entrySet()) {
                values.put(connection, tenant, new ComputedValueRepository.StoredState(xid,
                        attribute.attribute().id(), state.getKey(), aggregator.toJson(state.getValue())));
            }
        }
    }

    /** Deletes every partial aggregate of the given identities, whose events were deleted. */
    public void forget(Connection connection, Tenant tenant, Collection<String> xids) throws SQLException {
        values.deleteFor(connection, tenant, xids);
    }

    /**
     * Returns the values of the attributes for a person whose events have the primary identities
     * {@code xids}, at {@code now}. Attributes without a value (no matching event, or a minimum of
     * no values) are left out.
     */
    public Map<EvaluatedAttribute, JsonNode> valuesFor(Connection connection, Tenant tenant,
            List<EvaluatedAttribute> attributes, Collection<String> xids, Instant now) throws SQLException {
        Map<EvaluatedAttribute, JsonNode> result = new LinkedHashMap<>();
        if (attributes.isEmpty() || xids.isEmpty()) {
            return result;
        }
        Map<String, List<ComputedValueRepository.StoredState>> stored = new HashMap<>();
        List<String> bucketable = attributes.stream().filter(EvaluatedAttribute::isBucketable)
                .map(attribute -> attribute.attribute().id()).toList();
        for (ComputedValueRepository.StoredState state : values.find(connection, tenant, xids, bucketable)) {
            stored.computeIfAbsent(state.attributeId(), id -> new ArrayList<>()).add(state);
        }
        for (EvaluatedAttribute attribute : attributes) {
            PartialAggregate state = attribute.isBucketable()
                    ? fromBuckets(connection, tenant, attribute, xids, stored.getOrDefault(attribute.attribute().id(),
                            List.of()), now)
                    : fromEvents(connection, tenant, attribute, xids, now);
            Optional<JsonNode> value = attribute.expression().aggregator().result(state);
            value.ifPresent(json -> result.put(attribute, json));
        }
        return result;
    }

    private PartialAggregate fromBuckets(Connection connection, Tenant tenant, EvaluatedAttribute attribute,
            Collection<String> xids, List<ComputedValueRepository.StoredState> stored, Instant now)
            throws SQLException {
        Aggregator aggregator = attribute.expression().aggregator();
        TimeRange range = attribute.rangeAt(now);
        if (range.isEmpty()) {
            return aggregator.empty();
        }
        long size = attribute.bucketMillis();
        // Buckets [b, b + size) with firstFull <= b < endFull lie wholly inside the range.
        long firstFull = range.fromMillis() == Long.MIN_VALUE ? Long.MIN_VALUE
                : Math.floorDiv(range.fromMillis() + size - 1, size) * size;
        long endFull = Math.floorDiv(range.toMillis() + 1, size) * size;
        PartialAggregate[] state = {aggregator.empty()};
        if (firstFull >= endFull) {
            addEvents(connection, tenant, attribute, xids, range, state);
            return state[0];
        }
        for (ComputedValueRepository.StoredState bucket : stored) {
            if (bucket.bucketStart() >= firstFull && bucket.bucketStart() < endFull) {
                state[0] = aggregator.merge(state[0], aggregator.fromJson(bucket.state()));
            }
        }
        if (firstFull != Long.MIN_VALUE && range.fromMillis() < firstFull) {
            addEvents(connection, tenant, attribute, xids, new TimeRange(range.fromMillis(), firstFull - 1), state);
        }
        if (endFull <= range.toMillis()) {
            addEvents(connection, tenant, attribute, xids, new TimeRange(endFull, range.toMillis()), state);
        }
        return state[0];
    }

    private PartialAggregate fromEvents(Connection connection, Tenant tenant, EvaluatedAttribute attribute,
            Collection<String> xids, Instant now) throws SQLException {
        Aggregator aggregator = attribute.expression().aggregator();
        TimeRange range = attribute.rangeAt(now);
        PartialAggregate[] state = {aggregator.empty()};
        if (range.isEmpty()) {
            return state[0];
        }
        Long from = range.fromMillis() == Long.MIN_VALUE ? null : range.fromMillis();
        forEachEvent(connection, tenant, xids, from, range.toMillis() + 1, event -> {
            if (attribute.expression().matches(event, now, attribute.lookback())) {
                state[0] = aggregator.add(state[0], event);
            }
        });
        return state[0];
    }

    /** Adds the raw events of {@code range} that match the time-independent filter to {@code state[0]}. */
    private void addEvents(Connection connection, Tenant tenant, EvaluatedAttribute attribute, Collection<String> xids,
            TimeRange range, PartialAggregate[] state) throws SQLException {
        Aggregator aggregator = attribute.expression().aggregator();
        forEachEvent(connection, tenant, xids, range.fromMillis(), range.toMillis() + 1, event -> {
            if (matchesIgnoringTime(attribute, event)) {
                state[0] = aggregator.add(state[0], event);
            }
        });
    }

    private void recomputeBucket(Connection connection, Tenant tenant, EvaluatedAttribute attribute, String xid,
            long bucket) throws SQLException {
        Aggregator aggregator = attribute.expression().aggregator();
        PartialAggregate[] state = {aggregator.empty()};
        boolean[] any = {false};
        forEachEvent(connection, tenant, List.of(xid), bucket, bucket + attribute.bucketMillis(), event -> {
            if (matchesIgnoringTime(attribute, event)) {
                state[0] = aggregator.add(state[0], event);
                any[0] = true;
            }
        });
        if (any[0]) {
            values.put(connection, tenant, new ComputedValueRepository.StoredState(xid, attribute.attribute().id(),
                    bucket, aggregator.toJson(state[0])));
        } else {
            values.delete(connection, tenant, xid, attribute.attribute().id(), bucket);
        }
    }

    private static boolean matchesIgnoringTime(EvaluatedAttribute attribute, ExperienceEvent event) {
        return attribute.expression().timeIndependentFilter().orElseThrow().test(event.body());
    }

    /** Calls {@code action} for each event of {@code xids} with a time in [from, to), in time order. */
    private void forEachEvent(Connection connection, Tenant tenant, Collection<String> xids, Long from, Long to,
            Consumer<ExperienceEvent> action) throws SQLException {
        EventQuery.Position after = null;
        while (true) {
            List<StoredEvent> page = events.findEvents(connection, tenant, xids,
                    new EventQuery(from, to, false, EVENT_PAGE, after));
            for (StoredEvent event : page) {
                action.accept(new ExperienceEvent(event.record(), event.eventTime()));
            }
            if (page.size() < EVENT_PAGE) {
                return;
            }
            StoredEvent last = page.get(page.size() - 1);
            after = new EventQuery.Position(last.eventTime(), last.datasetId(), last.eventId(), last.primaryXid());
        }
    }
}
