package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/** Helpers for the JSON form of partial states and for type checks of states passed to an aggregator. */
final class StateJson {

    private StateJson() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Returns {@code state} as {@code type}, or throws when it belongs to another kind of aggregation. */
    static <T extends PartialAggregate> T cast(PartialAggregate state, Class<T> type, AggregationKind kind) {
        if (!type.isInstance(state)) {
            throw new IllegalArgumentException("a " + kind + " aggregation cannot use the state " + state);
        }
        return type.cast(state);
    }

    static JsonNode field(JsonNode json, String name, AggregationKind kind) {
        if (json == null || !json.isObject()) {
            throw invalid(json, kind, "a state is a JSON object");
        }
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            throw invalid(json, kind, "the field " + name + " is missing");
        }
        return value;
    }

    static long longField(JsonNode json, String name, AggregationKind kind) {
        JsonNode value = field(json, name, kind);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid(json, kind, name + " must be a whole number");
        }
        return value.longValue();
    }

    static boolean booleanField(JsonNode json, String name, AggregationKind kind) {
        JsonNode value = field(json, name, kind);
        if (!value.isBoolean()) {
            throw invalid(json, kind, name + " must be true or false");
        }
        return value.booleanValue();
    }

    static String textField(JsonNode json, String name, AggregationKind kind) {
        JsonNode value = field(json, name, kind);
        if (!value.isTextual()) {
            throw invalid(json, kind, name + " must be a string");
        }
        return value.textValue();
    }

    /** Reads a decimal written as text, which keeps every digit that a JSON double would round away. */
    static BigDecimal decimalField(JsonNode json, String name, AggregationKind kind) {
        String text = textField(json, name, kind);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid(json, kind, name + " must be a decimal number in a string");
        }
    }

    static IllegalArgumentException invalid(JsonNode json, AggregationKind kind, String reason) {
        return new IllegalArgumentException("invalid " + kind + " state " + json + ": " + reason);
    }
}
