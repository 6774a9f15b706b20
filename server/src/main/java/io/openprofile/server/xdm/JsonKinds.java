package io.openprofile.server.xdm;

import com.fasterxml.jackson.databind.JsonNode;

/** Names the JSON type of a value for error messages. */
public final class JsonKinds {

    private JsonKinds() {
    }

    /** Returns "an object", "a string", "null" and so on for the node's JSON type. */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        switch (node.getNodeType()) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case STRING:
                return "a string";
            case NUMBER:
                return "a number";
            case BOOLEAN:
                return "a boolean";
            case NULL:
                return "null";
            default:
                return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
