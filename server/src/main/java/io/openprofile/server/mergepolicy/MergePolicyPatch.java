package io.openprofile.server.mergepolicy;

import com.fasterxml.jackson.databind.JsonNode;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.merge.MergePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PATCH body of a merge policy. Two forms circulate: one operation object (Adobe's guide) and
 * an array of operations (Adobe's API reference). Paths are Adobe's dotted form
 * ({@code /identityGraph.type}) or JSON Pointers ({@code /identityGraph/type}), and booleans may
 * arrive as the strings {@code "true"} and {@code "false"}.
 */
public final class MergePolicyPatch {

    /**
     * Patchable fields, keyed by their dotted path without the leading slash. Adobe's API reference
     * spells the edge flag's path {@code /idActiveOnEdge}, so scripts copied from it are accepted too.
     */
    private static final Map<String, Field> FIELDS = Map.of(
            "name", Field.NAME,
            "identitygraph.type", Field.IDENTITY_GRAPH,
            "attributemerge.type", Field.ATTRIBUTE_MERGE,
            "attributemerge.order", Field.ORDER,
            "schema.name", Field.SCHEMA,
            "version", Field.VERSION,
            "default", Field.DEFAULT,
            "isactiveonedge", Field.ACTIVE_ON_EDGE,
            "idactiveonedge", Field.ACTIVE_ON_EDGE);

    private static final String ALLOWED_PATHS = "/name, /identityGraph.type, /attributeMerge.type, "
            + "/attributeMerge.order, /schema.name, /version, /default or /isActiveOnEdge "
            + "(or their JSON Pointer form, such as /identityGraph/type)";

    private MergePolicyPatch() {
    }

    /** A patchable field of a merge policy. */
    enum Field {
        NAME, IDENTITY_GRAPH, ATTRIBUTE_MERGE, ORDER, SCHEMA, VERSION, DEFAULT, ACTIVE_ON_EDGE
    }

    /**
     * One parsed operation.
     *
     * @param field the field to set
     * @param value the new value as sent
     * @param location where the operation sits in the body, for error messages, such as {@code [1]}
     */
    public record Operation(Field field, JsonNode value, String location) {
    }

    /**
     * The policy after the operations, and the version that a {@code /version} operation requires,
     * or null when none was sent.
     */
    record Result(MergePolicyDraft draft, Integer expectedVersion) {
    }

    /**
     * Parses a PATCH body into operations. Anything but an operation object or a non-empty array
     * of them is a 400 naming the offending part.
     */
    public static List<Operation> parse(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw DomainException.missing("body", "send an operation such as {\"op\": \"add\", \"path\": \"/default\", "
                    + "\"value\": \"true\"} or an array of them");
        }
        if (body.isObject()) {
            return List.of(parseOne(body, ""));
        }
        if (!body.isArray() || body.isEmpty()) {
            throw DomainException.invalid("body", abbreviate(body), "must be an operation object or a non-empty array "
                    + "of operation objects");
        }
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            operations.add(parseOne(body.get(i), "[" + i + "]"));
        }
        return operations;
    }

    private static Operation parseOne(JsonNode node, String location) {
        String prefix = location.isEmpty() ? "" : location + ".";
        if (!node.isObject()) {
            throw DomainException.invalid(location, abbreviate(node), "must be an object with op, path and value");
        }
        JsonNode op = node.get("op");
        if (op == null || op.isNull()) {
            throw DomainException.missing(prefix + "op", "use add or replace");
        }
        String opText = op.asText();
        if (!op.isTextual() || !(opText.equals("add") || opText.equals("replace"))) {
            throw DomainException.invalid(prefix + "op", abbreviate(op), "must be add or replace");
        }
        JsonNode path = node.get("path");
        if (path == null || path.isNull()) {
            throw DomainException.missing(prefix + "path", "use one of " + ALLOWED_PATHS);
        }
        Field field = path.isTextual() ? FIELDS.get(normalize(path.asText())) : null;
        if (field == null) {
            throw DomainException.invalid(prefix + "path", abbreviate(path), "must be one of " + ALLOWED_PATHS);
        }
        JsonNode value = node.get("value");
        if (value == null) {
            throw DomainException.missing(prefix + "value", "give the new value of " + path.asText());
        }
        return new Operation(field, value, prefix + "value");
    }

    /** Turns {@code /identityGraph/type} and {@code /identityGraph.type} into {@code identitygraph.type}. */
    private static String normalize(String path) {
        if (!path.startsWith("/")) {
            return "";
        }
        return path.substring(1).replace('/', '.').toLowerCase(Locale.ROOT);
    }

    /** Applies operations in order to the client-set fields of {@code current}. */
    static Result apply(MergePolicy current, List<Operation> operations) {
        String name = current.name();
        String schema = current.schemaName();
        String graph = current.identityGraph().apiValue();
        String attributeMerge = current.attributeMerge().apiValue();
        List<String> order = current.datasetOrder();
        boolean isDefault = current.defaultPolicy();
        boolean activeOnEdge = current.activeOnEdge();
        Integer expectedVersion = null;
        for (Operation operation : operations) {
            JsonNode value = operation.value();
            String field = operation.location();
            switch (operation.field()) {
                case NAME -> name = text(value, field);
                case SCHEMA -> schema = text(value, field);
                case IDENTITY_GRAPH -> graph = text(value, field);
                case ATTRIBUTE_MERGE -> attributeMerge = text(value, field);
                case ORDER -> order = strings(value, field);
                case DEFAULT -> isDefault = bool(value, field);
                case ACTIVE_ON_EDGE -> activeOnEdge = bool(value, field);
                case VERSION -> expectedVersion = integer(value, field);
            }
        }
        return new Result(new MergePolicyDraft(name, schema, graph, attributeMerge, order, isDefault, activeOnEdge),
                expectedVersion);
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw DomainException.invalid(field, abbreviate(value), "must be a string");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode value, String field) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw DomainException.invalid(field, abbreviate(value), "must be true or false");
    }

    private static int integer(JsonNode value, String field) {
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().matches("[0-9]{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        throw DomainException.invalid(field, abbreviate(value), "must be the current version, a whole number");
    }

    private static List<String> strings(JsonNode value, String field) {
        if (!value.isArray()) {
            throw DomainException.invalid(field, abbreviate(value), "must be an array of dataset ids");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw DomainException.invalid(field + "[" + i + "]", abbreviate(element), "must be a dataset id");
            }
            values.add(element.asText());
        }
        return values;
    }

    /** Returns the JSON text of a value, cut to a length that fits an error message. */
    private static String abbreviate(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
