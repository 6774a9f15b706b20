package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.pql.PartialAggregate.Count;
import java.util.Optional;

/** {@code count()}: the number of matching events. JSON form: {@code {"count": 3}}. */
final class CountAggregator implements Aggregator {

    private static final String COUNT = "count";

    @Override
    public AggregationKind kind() {
        return AggregationKind.COUNT;
    }

    @Override
    public PartialAggregate empty() {
        return new Count(0);
    }

    @Override
    public PartialAggregate add(PartialAggregate state, ExperienceEvent event) {
        return new Count(count(state) + 1);
    }

    @Override
    public PartialAggregate merge(PartialAggregate left, PartialAggregate right) {
        return new Count(count(left) + count(right));
    }

    @Override
    public Optional<JsonNode> result(PartialAggregate state) {
        return Optional.of(LongNode.valueOf(count(state)));
    }

    @Override
    public ObjectNode toJson(PartialAggregate state) {
        return StateJson.object().put(COUNT, count(state));
    }

    @Override
    public PartialAggregate fromJson(JsonNode json) {
        long count = StateJson.longField(json, COUNT, kind());
        if (count < 0) {
            throw StateJson.invalid(json, kind(), "count must not be negative");
        }
        return new Count(count);
    }

    private long count(PartialAggregate state) {
        return StateJson.cast(state, Count.class, kind()).count();
    }
}
