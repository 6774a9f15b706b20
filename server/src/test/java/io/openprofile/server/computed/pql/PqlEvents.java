package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds experience events for the tests from JSON written with single quotes. */
final class PqlEvents {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private PqlEvents() {
    }

    /** Returns an event with {@code _id} and {@code timestamp} set and the fields of {@code fields}. */
    static ExperienceEvent event(String id, Instant time, String fields) {
        ObjectNode body = json(fields);
        body.put("_id", id);
        body.put("timestamp", time.toString());
        return new ExperienceEvent(body, time.toEpochMilli());
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
