package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Run-time checks that an event's value fits the aggregated field's type. */
final class ValueTypes {

    private ValueTypes() {
    }

    /**
     * Returns whether {@code value} fits {@code type}: a string for string, date and date-time, a number for number,
     * a JSON integer for the integer types, a boolean for boolean and an array for array. When the type is unknown,
     * every value but an object fits.
     */
    static boolean fits(Optional<XdmType> type, JsonNode value) {
        if (type.isEmpty()) {
            return !value.isObject();
        }
        switch (type.get()) {
            case STRING:
            case DATE:
            case DATE_TIME:
                return value.isTextual();
            case NUMBER:
                return value.isNumber();
            case INTEGER:
            case LONG:
            case INT:
            case SHORT:
            case BYTE:
                return value.isIntegralNumber();
            case BOOLEAN:
                return value.isBoolean();
            case ARRAY:
                return value.isArray();
            default:
                return value.isObject();
        }
    }
}
