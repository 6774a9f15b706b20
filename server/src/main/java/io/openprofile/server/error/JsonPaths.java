package io.openprofile.server.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;

/** Describes where in a request body Jackson failed, in the dotted form users write. */
final class JsonPaths {

    private JsonPaths() {
    }

    /** Returns a path such as {@code identities[0].entityIdNS.code}, or "" for the root. */
    static String describe(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** Returns the reason without Jackson's class names and source locations. */
    static String reason(JsonMappingException e) {
        if (e instanceof InvalidFormatException format) {
            return "value '" + format.getValue() + "' cannot be read as " + simpleType(format.getTargetType());
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e.getCause() instanceof IllegalArgumentException illegal) {
            return illegal.getMessage();
        }
        String message = e.getOriginalMessage();
        int classMention = message == null ? -1 : message.indexOf(" of type `");
        if (classMention > 0) {
            return message.substring(0, classMention).trim();
        }
        return message == null ? "unreadable value" : message;
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }
}
