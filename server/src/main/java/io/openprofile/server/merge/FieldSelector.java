package io.openprofile.server.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Selection of profile fields in Adobe's {@code fields} syntax, which keeps only the requested parts of an entity.
 *
 * <p>The syntax is a comma-separated list of paths in dot notation, where parentheses sub-select:
 * {@code addresses(type,city.country)} equals {@code addresses.type,addresses.city.country}. Selecting an object
 * keeps all its children. A path through an array applies to every element, and elements in which nothing
 * matches are left out. Paths that match nothing are simply absent from the result, as are objects and arrays in
 * which nothing matched. Whitespace around field names is ignored. The selectors of edge projections use the
 * same syntax, so a selector that a projection accepts selects the same fields as {@code fields} in a lookup.
 */
public final class FieldSelector {

    private final Selection root;

    private FieldSelector(Selection root) {
        this.root = root;
    }

    /**
     * Parses a {@code fields} query parameter such as {@code identities,person.name,workEmail}.
     *
     * @throws IllegalArgumentException for unbalanced parentheses or an empty field name; the message gives the
     *     1-based position
     */
    public static FieldSelector parse(String fields) {
        return parse(fields, "fields");
    }

    /**
     * Parses a selection sent under another name, such as the {@code selector} of an edge projection, which
     * uses the same syntax as {@code fields}.
     *
     * @param parameterName name of the parameter or property that carried {@code text}, used in error messages
     * @throws IllegalArgumentException for unbalanced parentheses or an empty field name; the message names the
     *     parameter and gives the 1-based position
     */
    public static FieldSelector parse(String text, String parameterName) {
        Selection root = new Selection();
        new Parser(text, parameterName, root).parseAll();
        return new FieldSelector(root);
    }

    /**
     * Parses the {@code fields} array of a POST body, where each element may itself use the full syntax.
     *
     * @throws IllegalArgumentException if an element is invalid; the message names the element's index
     */
    public static FieldSelector parse(List<String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("fields must list at least one path; omit it to select all fields");
        }
        Selection root = new Selection();
        for (int i = 0; i < fields.size(); i++) {
            try {
                new Parser(fields.get(i), "fields", root).parseAll();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("fields[" + i + "] is invalid: " + e.getMessage(), e);
            }
        }
        return new FieldSelector(root);
    }

    /** Returns a new object containing the selected parts of {@code source}; {@code source} is not modified. */
    public ObjectNode select(ObjectNode source) {
        return selectObject(source, root);
    }

    private static ObjectNode selectObject(ObjectNode source, Selection selection) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, Selection> child : selection.children.entrySet()) {
            JsonNode value = source.get(child.getKey());
            JsonNode picked = value == null ? null : pick(value, child.getValue());
            if (picked != null) {
                result.set(child.getKey(), picked);
            }
        }
        return result;
    }

    /** Returns the selected part of {@code value}, or {@code null} when nothing in it matches. */
    private static JsonNode pick(JsonNode value, Selection selection) {
        if (selection.all) {
            return value.deepCopy();
        }
        if (value.isObject()) {
            ObjectNode picked = selectObject((ObjectNode) value, selection);
            return picked.isEmpty() ? null : picked;
        }
        if (value.isArray()) {
            ArrayNode picked = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value) {
                JsonNode pickedElement = pick(element, selection);
                if (pickedElement != null) {
                    picked.add(pickedElement);
                }
            }
            return picked.isEmpty() ? null : picked;
        }
        return null;
    }

    /** A node of the selection tree: either everything below it or only the named children. */
    private static final class Selection {

        private final Map<String, Selection> children = new LinkedHashMap<>();
        private boolean all;

        Selection child(String name) {
            return children.computeIfAbsent(name, ignored -> new Selection());
        }
    }

    /** Recursive-descent parser that adds the paths of one {@code fields} string to a selection tree. */
    private static final class Parser {

        private final String text;
        private final String parameterName;
        private final Selection root;
        private int position;

        Parser(String text, String parameterName, Selection root) {
            this.text = text;
            this.parameterName = parameterName;
            this.root = root;
        }

        void parseAll() {
            parseList(root, -1);
            if (position < text.length()) {
                throw error("unbalanced ')'");
            }
        }

        /** Parses items up to the end or up to a ')' that closes the '(' at {@code openedAt}. */
        private void parseList(Selection parent, int openedAt) {
            parseItem(parent);
            while (position < text.length() && text.charAt(position) == ',') {
                position++;
                parseItem(parent);
            }
            if (openedAt >= 0) {
                if (position >= text.length() || text.charAt(position) != ')') {
                    throw new IllegalArgumentException(invalid() + "missing ')' for the '('"
                            + " at position " + (openedAt + 1));
                }
                position++;
            }
        }

        private void parseItem(Selection parent) {
            Selection node = parent.child(parseName());
            while (position < text.length() && text.charAt(position) == '.') {
                position++;
                node = node.child(parseName());
            }
            if (position < text.length() && text.charAt(position) == '(') {
                int openedAt = position++;
                parseList(node, openedAt);
            } else {
                node.all = true;
            }
            if (position < text.length() && ",)".indexOf(text.charAt(position)) < 0) {
                throw error("expected ',' or ')'");
            }
        }

        private String parseName() {
            int start = position;
            while (position < text.length() && ".,()".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            String name = text.substring(start, position).trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(invalid() + "empty field name at position "
                        + (start + 1));
            }
            return name;
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(invalid() + problem + " at position " + (position + 1));
        }

        /** Returns the start of every syntax error message, such as {@code invalid fields "a(b": }. */
        private String invalid() {
            return "invalid " + parameterName + " \"" + text + "\": ";
        }
    }
}
