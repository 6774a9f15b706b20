package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Operations of one aggregation on its {@link PartialAggregate} states. The states form a commutative monoid:
 * {@link #merge} is associative and commutative and {@link #empty()} is its identity. So an engine may aggregate
 * the events of each time bucket on its own, store the states, drop expired buckets and merge the rest in any order,
 * and it gets the same result as one pass over the same events.
 *
 * <p>{@link #add} does not apply the expression's filter: callers pass only events that match it. A value of the
 * wrong type is skipped: a sum or min over a string, or a most recent value that does not fit the field's known
 * type, leaves the state as it was. A count counts every event it is given.
 */
public interface Aggregator {

    AggregationKind kind();

    /** Returns the state of no events. */
    PartialAggregate empty();

    /** Returns {@code state} with one more event added. */
    PartialAggregate add(PartialAggregate state, ExperienceEvent event);

    /**
     * Returns the state of the events of both states together.
     *
     * @throws IllegalArgumentException when a state belongs to another kind of aggregation
     */
    PartialAggregate merge(PartialAggregate left, PartialAggregate right);

    /**
     * Returns the computed value. Count gives an integer. Sum gives a number, which is an integer when every value
     * added was an integer and 0 for no values. Min, max and most recent give the chosen value, or empty when they
     * saw no value.
     */
    Optional<JsonNode> result(PartialAggregate state);

    /** Returns a compact JSON form of {@code state} that {@link #fromJson} reads back. */
    ObjectNode toJson(PartialAggregate state);

    /**
     * Reads a state written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when {@code json} is not a state of this aggregation
     */
    PartialAggregate fromJson(JsonNode json);
}
