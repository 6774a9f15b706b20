package io.openprofile.contract.compat;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Flattens a body schema into its property paths and their types, such as
 * {@code children[].id -> string}.
 *
 * <p>{@code allOf}, {@code oneOf} and {@code anyOf} contribute the properties of every branch.
 * Array items add {@code []} to the path, and a map's values ({@code additionalProperties})
 * add {@code {key}}. Paths stop at {@link #MAX_DEPTH} levels and at a schema that contains
 * itself.
 */
public final class SchemaFields {

    /** Levels of nesting compared below the top of a body. */
    public static final int MAX_DEPTH = 4;

    /** The type given to a schema that declares none, which is never reported as different. */
    static final String ANY = "any";

    private SchemaFields() {
    }

    /** Returns the schema of the JSON media type of {@code content}, or of its first media type. */
    public static Schema<?> bodySchema(Content content) {
        if (content == null || content.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
            if (entry.getKey().contains("json") && entry.getValue().getSchema() != null) {
                return entry.getValue().getSchema();
            }
        }
        return content.values().iterator().next().getSchema();
    }

    /** Maps each property path of {@code schema} to its type, in path order. */
    public static Map<String, String> flatten(Schema<?> schema) {
        Map<String, String> fields = new TreeMap<>();
        walk(schema, "", 0, fields, Collections.newSetFromMap(new IdentityHashMap<>()));
        return fields;
    }

    /** Returns a short type name: {@code string}, {@code array<object>}, {@code integer|string}. */
    static String typeOf(Schema<?> schema) {
        if (schema == null) {
            return ANY;
        }
        String type = declaredType(schema);
        if ("array".equals(type)) {
            return "array<" + typeOf(schema.getItems()) + ">";
        }
        if (type != null) {
            return type;
        }
        if (schema.getProperties() != null || schema.getAllOf() != null || schema.getAdditionalProperties() != null) {
            return "object";
        }
        Set<String> alternatives = new TreeSet<>();
        for (Schema<?> branch : branches(schema.getOneOf(), schema.getAnyOf())) {
            alternatives.add(typeOf(branch));
        }
        if (alternatives.isEmpty() || alternatives.contains(ANY)) {
            return ANY;
        }
        return String.join("|", alternatives);
    }

    private static String declaredType(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        // OpenAPI 3.1 documents put the type in a list.
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return String.join("|", new TreeSet<>(schema.getTypes()));
        }
        return null;
    }

    private static void walk(Schema<?> schema, String prefix, int depth, Map<String, String> fields,
            Set<Schema<?>> enclosing) {
        if (schema == null || depth >= MAX_DEPTH || !enclosing.add(schema)) {
            return;
        }
        for (Schema<?> branch : branches(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            walk(branch, prefix, depth, fields, enclosing);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                String path = prefix.isEmpty() ? name : prefix + "." + name;
                fields.putIfAbsent(path, typeOf(property));
                walk(property, path, depth + 1, fields, enclosing);
            });
        }
        if (schema.getItems() != null) {
            walk(schema.getItems(), prefix + "[]", depth, fields, enclosing);
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            walk(values, prefix.isEmpty() ? "{key}" : prefix + ".{key}", depth + 1, fields, enclosing);
        }
        enclosing.remove(schema);
    }

    @SafeVarargs
    private static List<Schema<?>> branches(List<Schema>... lists) {
        List<Schema<?>> all = new ArrayList<>();
        for (List<Schema> list : lists) {
            if (list != null) {
                list.forEach(all::add);
            }
        }
        return all;
    }
}
