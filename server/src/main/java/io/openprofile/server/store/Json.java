package io.openprofile.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Reads and writes the JSON documents that the store keeps in text columns. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /** Parses a stored object; stored documents were written by {@link #write}, so failure is a bug. */
    public static ObjectNode readObject(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("stored JSON document is not an object", e);
        }
    }

    /** Parses a stored array of strings, as written by {@link #writeStrings}. */
    public static List<String> readStrings(String text) {
        try {
            return MAPPER.readValue(text, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON document is not an array of strings", e);
        }
    }

    public static String writeStrings(List<String> values) {
        return write(MAPPER.valueToTree(values));
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
