package io.openprofile.server.xdm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Conversions between the XDM source compact form and the plain form that the rest of openprofile reads. */
public final class XdmRecords {

    /** Prefix that XDM source files put on standard field names, as in {@code xdm:identityMap}. */
    public static final String SOURCE_PREFIX = "xdm:";

    private static final String SOURCE_ID_KEY = "@id";
    private static final String ID_KEY = "_id";

    private XdmRecords() {
    }

    /**
     * Returns a deep copy of the record with every {@code xdm:} key prefix removed and every {@code @id} key
     * renamed to {@code _id}, at any depth and inside arrays.
     *
     * <p>When a record holds both spellings of one field (say {@code xdm:city} and {@code city}), the one that
     * comes later in the document wins. Other prefixes such as {@code schema:} and full-URI keys are kept as
     * they are.
     */
    public static ObjectNode normalize(ObjectNode record) {
        return normalizeObject(record);
    }

    private static JsonNode normalizeNode(JsonNode node) {
        if (node.isObject()) {
            return normalizeObject((ObjectNode) node);
        }
        if (node.isArray()) {
            return normalizeArray((ArrayNode) node);
        }
        return node.deepCopy();
    }

    private static ObjectNode normalizeObject(ObjectNode source) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            copy.set(plainKey(field.getKey()), normalizeNode(field.getValue()));
        }
        return copy;
    }

    private static ArrayNode normalizeArray(ArrayNode source) {
        ArrayNode copy = JsonNodeFactory.instance.arrayNode(source.size());
        for (JsonNode element : source) {
            copy.add(normalizeNode(element));
        }
        return copy;
    }

    private static String plainKey(String key) {
        if (key.equals(SOURCE_ID_KEY)) {
            return ID_KEY;
        }
        if (key.startsWith(SOURCE_PREFIX)) {
            return key.substring(SOURCE_PREFIX.length());
        }
        return key;
    }
}
