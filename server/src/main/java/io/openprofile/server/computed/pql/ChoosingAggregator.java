package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.pql.PartialAggregate.NoValue;
import java.util.Optional;

/**
 * Base of the aggregations that choose one value among the events: min, max and most recent. Their empty state is
 * {@link PartialAggregate#NO_VALUE}, written as {@code {}}, and merging keeps the better of two chosen values.
 */
abstract class ChoosingAggregator implements Aggregator {

    /** Returns the state type that contains a chosen value of this aggregation. */
    abstract Class<? extends PartialAggregate> valueStateType();

    /** Returns the better of two chosen values; the choice must be a total order, so merging is commutative. */
    abstract PartialAggregate choose(PartialAggregate first, PartialAggregate second);

    abstract JsonNode resultOf(PartialAggregate chosen);

    abstract void writeJson(PartialAggregate chosen, ObjectNode json);

    abstract PartialAggregate readJson(JsonNode json);

    @Override
    public final PartialAggregate empty() {
        return PartialAggregate.NO_VALUE;
    }

    @Override
    public final PartialAggregate merge(PartialAggregate left, PartialAggregate right) {
        PartialAggregate first = check(left);
        PartialAggregate second = check(right);
        if (first instanceof NoValue) {
            return second;
        }
        if (second instanceof NoValue) {
            return first;
        }
        return choose(first, second);
    }

    @Override
    public final Optional<JsonNode> result(PartialAggregate state) {
        PartialAggregate checked = check(state);
        return checked instanceof NoValue ? Optional.empty() : Optional.of(resultOf(checked));
    }

    @Override
    public final ObjectNode toJson(PartialAggregate state) {
        PartialAggregate checked = check(state);
        ObjectNode json = StateJson.object();
        if (!(checked instanceof NoValue)) {
            writeJson(checked, json);
        }
        return json;
    }

    @Override
    public final PartialAggregate fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw StateJson.invalid(json, kind(), "a state is a JSON object");
        }
        return json.isEmpty() ? PartialAggregate.NO_VALUE : readJson(json);
    }

    /** Returns {@code state} after checking that it is a state of this aggregation. */
    final PartialAggregate check(PartialAggregate state) {
        return state instanceof NoValue ? state : StateJson.cast(state, valueStateType(), kind());
    }
}
