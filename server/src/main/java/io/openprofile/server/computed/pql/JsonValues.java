package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.openprofile.server.xdm.ComparisonOperator;
import io.openprofile.server.xdm.XdmTimestamps;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads and compares the JSON values of events at run time. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * Returns the value at a dotted path, or null when a segment is missing or a value on the way is not an
     * object. Arrays are not searched: {@code productListItems.SKU} finds nothing when {@code productListItems}
     * is an array. A JSON null counts as missing.
     */
    static JsonNode lookup(JsonNode event, String[] segments) {
        JsonNode current = event;
        for (String segment : segments) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(segment);
        }
        return current == null || current.isNull() ? null : current;
    }

    /**
     * Returns every value at a dotted path, descending into arrays on the way: for
     * {@code productListItems.priceTotal} it returns the {@code priceTotal} of each line item. An
     * array at the end of the path contributes its elements. Missing values and JSON nulls are left out.
     */
    static List<JsonNode> lookupAll(JsonNode event, String[] segments) {
        List<JsonNode> found = new ArrayList<>();
        collect(event, segments, 0, found);
        return found;
    }

    private static void collect(JsonNode current, String[] segments, int index, List<JsonNode> found) {
        if (current == null || current.isNull()) {
            return;
        }
        if (current.isArray()) {
            current.forEach(element -> collect(element, segments, index, found));
            return;
        }
        if (index == segments.length) {
            found.add(current);
            return;
        }
        if (current.isObject()) {
            collect(current.get(segments[index]), segments, index + 1, found);
        }
    }

    /**
     * Compares two values. Numbers compare by value ({@code 5 = 5.0}), strings by UTF-16 code units, and booleans
     * only with {@code =} and {@code !=}. Every other pair, including a missing value or values of two kinds, is
     * false for every operator, {@code !=} included, so a value of the wrong type never matches.
     */
    static boolean compare(JsonNode left, ComparisonOperator operator, JsonNode right) {
        if (left == null || right == null) {
            return false;
        }
        if (left.isNumber() && right.isNumber()) {
            return operator.test(left.decimalValue().compareTo(right.decimalValue()));
        }
        if (left.isTextual() && right.isTextual()) {
            return operator.test(left.textValue().compareTo(right.textValue()));
        }
        if (left.isBoolean() && right.isBoolean() && !operator.isOrdering()) {
            return operator.test(left.booleanValue() == right.booleanValue() ? 0 : 1);
        }
        return false;
    }

    /** Returns true when two literal values are equal, numbers by value. */
    static boolean sameValue(JsonNode left, JsonNode right) {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue()) == 0;
        }
        return left.equals(right);
    }

    /**
     * Returns a time value in epoch milliseconds: an ISO-8601 date or date-time string (UTC when it has no
     * offset) or a whole number of epoch milliseconds. Returns empty for anything else.
     */
    static OptionalLong epochMillis(JsonNode value) {
        if (value == null) {
            return OptionalLong.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return OptionalLong.of(value.longValue());
        }
        if (value.isTextual()) {
            var parsed = XdmTimestamps.parse(value.textValue());
            if (parsed.isPresent()) {
                return OptionalLong.of(parsed.get().toInstant().toEpochMilli());
            }
        }
        return OptionalLong.empty();
    }

    /** Returns a JSON integer when {@code integral}, as a long when it fits, else a JSON decimal. */
    static JsonNode numberNode(BigDecimal value, boolean integral) {
        if (!integral) {
            return DecimalNode.valueOf(value);
        }
        try {
            return LongNode.valueOf(value.longValueExact());
        } catch (ArithmeticException e) {
            return BigIntegerNode.valueOf(value.toBigIntegerExact());
        }
    }
}
