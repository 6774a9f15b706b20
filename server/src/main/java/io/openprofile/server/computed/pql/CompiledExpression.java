package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A parsed and checked computed-attribute expression, ready to evaluate. Instances are immutable and safe to
 * share between threads.
 */
public final class CompiledExpression {

    private final String text;
    private final AggregationSpec aggregation;
    private final EventFilter filter;
    private final Optional<TimeWindow> timeWindow;
    private final Optional<Predicate<ObjectNode>> timeIndependentFilter;
    private final Aggregator aggregator;

    CompiledExpression(String text, AggregationSpec aggregation, EventFilter filter, Optional<TimeWindow> timeWindow,
            Optional<Predicate<ObjectNode>> timeIndependentFilter, Aggregator aggregator) {
        this.text = text;
        this.aggregation = aggregation;
        this.filter = filter;
        this.timeWindow = timeWindow;
        this.timeIndependentFilter = timeIndependentFilter;
        this.aggregator = aggregator;
    }

    /** Returns the expression as it was written. */
    public String text() {
        return text;
    }

    public AggregationKind kind() {
        return aggregation.kind();
    }

    /** Returns the API's {@code mergeFunction.value}: {@code SUM}, {@code MIN}, {@code MAX} or {@code MOST_RECENT}. */
    public String mergeFunction() {
        return aggregation.kind().mergeFunction();
    }

    /** Returns the type that the API reports as {@code returnSchema.meta:xdmType}. */
    public XdmType returnType() {
        return aggregation.returnType();
    }

    /** Returns the dotted path of the aggregated field, empty for {@code count()}. */
    public Optional<String> field() {
        return aggregation.field().map(Ast.FieldPath::path);
    }

    /** Returns the whole condition in brackets; it matches every event when the expression has none. */
    public EventFilter filter() {
        return filter;
    }

    /**
     * Returns the window of event times that the top-level {@code timestamp occurs} clauses admit, empty when the
     * expression has no such clause. It does not include the API's {@code duration}.
     */
    public Optional<TimeWindow> timeWindow() {
        return timeWindow;
    }

    /**
     * Returns the part of the filter that does not depend on now, when the filter is exactly that part joined by
     * {@code and} with {@link #timeWindow()}. An engine can then apply it once when an event arrives and keep
     * partial states per time bucket. It is empty when an {@code occurs} clause sits under {@code or} or
     * {@code not}, uses {@code !=}, or tests a field other than {@code timestamp}: such an expression must be
     * evaluated again over the events of its lookback whenever now moves.
     */
    public Optional<Predicate<ObjectNode>> timeIndependentFilter() {
        return timeIndependentFilter;
    }

    /** Returns the operations on partial states of this expression's aggregation. */
    public Aggregator aggregator() {
        return aggregator;
    }

    /** Returns whether {@code event} takes part at {@code now}: it matches the filter and lies in the lookback. */
    public boolean matches(ExperienceEvent event, Instant now, Optional<LookbackDuration> duration) {
        if (duration.isPresent() && !duration.get().rangeAt(now).contains(event.timestampMillis())) {
            return false;
        }
        return filter.matches(event, now);
    }

    /**
     * Aggregates the events that take part at {@code now} into one partial state.
     *
     * @param now the evaluation time from the caller's clock, because this class never reads a clock
     * @param duration the API's lookback {@code duration}, applied on top of the expression's {@code occurs} clauses
     */
    public PartialAggregate aggregate(Collection<ExperienceEvent> events, Instant now,
            Optional<LookbackDuration> duration) {
        Objects.requireNonNull(now, "now");
        PartialAggregate state = aggregator.empty();
        for (ExperienceEvent event : events) {
            if (matches(event, now, duration)) {
                state = aggregator.add(state, event);
            }
        }
        return state;
    }

    /** Returns the computed value at {@code now}, as {@link Aggregator#result} describes it. */
    public Optional<JsonNode> evaluate(Collection<ExperienceEvent> events, Instant now,
            Optional<LookbackDuration> duration) {
        return aggregator.result(aggregate(events, now, duration));
    }

    @Override
    public String toString() {
        return "CompiledExpression[" + text + "]";
    }
}
