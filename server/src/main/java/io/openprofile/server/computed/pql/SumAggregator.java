package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.pql.PartialAggregate.Sum;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * {@code sum(field)}. A path through an array sums the value of every element, so
 * {@code sum(productListItems.priceTotal)} totals the line items of each event. The total is a {@link BigDecimal} because decimal addition is exact and therefore
 * associative: merging bucket states in any order gives the same digits as one pass, which doubles would not, and a
 * long would overflow or lose fractions. The result stays a JSON integer while every value added is a JSON integer
 * and becomes a decimal number after the first value that is not. JSON form:
 * {@code {"sum": "12.50", "integral": false}}, with the total as text so no digit is lost to a double.
 */
final class SumAggregator implements Aggregator {

    private static final String SUM = "sum";
    private static final String INTEGRAL = "integral";

    private final String[] segments;
    private final Optional<XdmType> fieldType;

    SumAggregator(String[] segments, Optional<XdmType> fieldType) {
        this.segments = segments;
        this.fieldType = fieldType;
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.SUM;
    }

    @Override
    public PartialAggregate empty() {
        return new Sum(BigDecimal.ZERO, true);
    }

    @Override
    public PartialAggregate add(PartialAggregate state, ExperienceEvent event) {
        Sum sum = sum(state);
        for (JsonNode value : JsonValues.lookupAll(event.body(), segments)) {
            if (value.isNumber() && ValueTypes.fits(fieldType, value)) {
                sum = new Sum(sum.total().add(value.decimalValue()), sum.integral() && value.isIntegralNumber());
            }
        }
        return sum;
    }

    @Override
    public PartialAggregate merge(PartialAggregate left, PartialAggregate right) {
        Sum first = sum(left);
        Sum second = sum(right);
        return new Sum(first.total().add(second.total()), first.integral() && second.integral());
    }

    @Override
    public Optional<JsonNode> result(PartialAggregate state) {
        Sum sum = sum(state);
        return Optional.of(JsonValues.numberNode(sum.total(), sum.integral()));
    }

    @Override
    public ObjectNode toJson(PartialAggregate state) {
        Sum sum = sum(state);
        return StateJson.object().put(SUM, sum.total().toString()).put(INTEGRAL, sum.integral());
    }

    @Override
    public PartialAggregate fromJson(JsonNode json) {
        BigDecimal total = StateJson.decimalField(json, SUM, kind());
        boolean integral = StateJson.booleanField(json, INTEGRAL, kind());
        if (integral && total.stripTrailingZeros().scale() > 0) {
            throw StateJson.invalid(json, kind(), "an integral sum cannot have a fraction");
        }
        return new Sum(total, integral);
    }

    private Sum sum(PartialAggregate state) {
        return StateJson.cast(state, Sum.class, kind());
    }
}
