package io.openprofile.server.error;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Describes where in a request body Jackson failed, in the dotted form users write. */
final class JsonPaths {

    private static final Pattern MISSING_PROPERTY = Pattern.compile("Missing required creator property '([^']+)'");
    private static final Pattern UNEXPECTED_VALUE = Pattern.compile("Unexpected value '(.*)'", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("`[^`]*`");

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
        if (e instanceof ValueInstantiationException instantiation && e.getCause() != null) {
            Class<?> type = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
            if (type != null && type.isEnum()) {
                Matcher unexpected = UNEXPECTED_VALUE.matcher(String.valueOf(e.getCause().getMessage()));
                String got = unexpected.find() ? ", got '" + unexpected.group(1) + "'" : "";
                return "must be one of " + allowedValues(type) + got;
            }
            return e.getCause().getMessage();
        }
        if (e.getCause() instanceof IllegalArgumentException illegal) {
            return illegal.getMessage();
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher missing = MISSING_PROPERTY.matcher(message);
        if (missing.find()) {
            return "required property '" + missing.group(1) + "' is missing";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + simpleType(mismatch.getTargetType());
        }
        String cleaned = withoutClassNames(message);
        return cleaned.isBlank() ? "unreadable value" : cleaned;
    }

    /** Returns a Jackson message without the class names and source locations it quotes. */
    static String withoutClassNames(String message) {
        String cleaned = CLASS_NAME.matcher(message == null ? "" : message).replaceAll("a value");
        int source = cleaned.indexOf(" at [Source");
        return source > 0 ? cleaned.substring(0, source).trim() : cleaned.trim();
    }

    /** Lists an enum's values as written in JSON, which is what the generated enums' toString returns. */
    private static String allowedValues(Class<?> type) {
        StringBuilder out = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(constant);
        }
        return out.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        return "a JSON object";
    }
}
