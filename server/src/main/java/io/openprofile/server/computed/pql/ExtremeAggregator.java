package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.pql.PartialAggregate.NumberExtreme;
import io.openprofile.server.computed.pql.PartialAggregate.TimeExtreme;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code min(field)} and {@code max(field)} over numbers or over times.
 *
 * <p>Numbers compare by value. Equal values written differently ({@code 5} and {@code 5.0}) are ordered so that
 * the result does not depend on the order of events: a JSON integer wins over a decimal, then the decimal with fewer
 * fraction digits. Times are ISO-8601 strings or epoch milliseconds, compared as instants, and equal instants
 * written differently go to the JSON text that sorts first. JSON forms: {@code {}} for no value,
 * {@code {"number": "5.5", "integral": false}}, and {@code {"millis": 1700000000000, "value": "2023-11-14T22:13:20Z"}}.
 */
final class ExtremeAggregator extends ChoosingAggregator {

    private static final String NUMBER = "number";
    private static final String INTEGRAL = "integral";
    private static final String MILLIS = "millis";
    private static final String VALUE = "value";

    private final AggregationKind kind;
    private final String[] segments;
    private final Optional<XdmType> fieldType;
    private final boolean temporal;

    ExtremeAggregator(AggregationKind kind, String[] segments, Optional<XdmType> fieldType, boolean temporal) {
        this.kind = kind;
        this.segments = segments;
        this.fieldType = fieldType;
        this.temporal = temporal;
    }

    @Override
    public AggregationKind kind() {
        return kind;
    }

    @Override
    public PartialAggregate add(PartialAggregate state, ExperienceEvent event) {
        PartialAggregate result = check(state);
        // A path through an array offers the value of every element.
        for (JsonNode value : JsonValues.lookupAll(event.body(), segments)) {
            Optional<PartialAggregate> candidate = temporal ? timeValue(value) : numberValue(value);
            if (candidate.isPresent()) {
                result = merge(result, candidate.get());
            }
        }
        return result;
    }

    private Optional<PartialAggregate> numberValue(JsonNode value) {
        if (value == null || !value.isNumber() || !ValueTypes.fits(fieldType, value)) {
            return Optional.empty();
        }
        return Optional.of(new NumberExtreme(value.decimalValue(), value.isIntegralNumber()));
    }

    /** Reads a time. A field typed date or date-time must contain a string, but an untyped one may be epoch millis. */
    private Optional<PartialAggregate> timeValue(JsonNode value) {
        OptionalLong millis = JsonValues.epochMillis(value);
        if (millis.isEmpty() || (fieldType.isPresent() && !value.isTextual())) {
            return Optional.empty();
        }
        return Optional.of(new TimeExtreme(millis.getAsLong(), value.deepCopy()));
    }

    @Override
    Class<? extends PartialAggregate> valueStateType() {
        return temporal ? TimeExtreme.class : NumberExtreme.class;
    }

    @Override
    PartialAggregate choose(PartialAggregate first, PartialAggregate second) {
        int order = temporal
                ? compareTimes((TimeExtreme) first, (TimeExtreme) second)
                : compareNumbers((NumberExtreme) first, (NumberExtreme) second);
        return order <= 0 ? first : second;
    }

    /** Returns a negative number when {@code first} is the better result of this aggregation. */
    private int compareNumbers(NumberExtreme first, NumberExtreme second) {
        int byValue = first.value().compareTo(second.value());
        if (byValue != 0) {
            return kind == AggregationKind.MIN ? byValue : -byValue;
        }
        if (first.integral() != second.integral()) {
            return first.integral() ? -1 : 1;
        }
        return Integer.compare(first.value().scale(), second.value().scale());
    }

    private int compareTimes(TimeExtreme first, TimeExtreme second) {
        int byTime = Long.compare(first.epochMillis(), second.epochMillis());
        if (byTime != 0) {
            return kind == AggregationKind.MIN ? byTime : -byTime;
        }
        return first.value().toString().compareTo(second.value().toString());
    }

    @Override
    JsonNode resultOf(PartialAggregate chosen) {
        if (chosen instanceof NumberExtreme number) {
            return JsonValues.numberNode(number.value(), number.integral());
        }
        return ((TimeExtreme) chosen).value();
    }

    @Override
    void writeJson(PartialAggregate chosen, ObjectNode json) {
        if (chosen instanceof NumberExtreme number) {
            json.put(NUMBER, number.value().toString()).put(INTEGRAL, number.integral());
        } else {
            TimeExtreme time = (TimeExtreme) chosen;
            json.put(MILLIS, time.epochMillis());
            json.set(VALUE, time.value());
        }
    }

    @Override
    PartialAggregate readJson(JsonNode json) {
        if (temporal) {
            return new TimeExtreme(StateJson.longField(json, MILLIS, kind), StateJson.field(json, VALUE, kind));
        }
        return new NumberExtreme(StateJson.decimalField(json, NUMBER, kind),
                StateJson.booleanField(json, INTEGRAL, kind));
    }
}
