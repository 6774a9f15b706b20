package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * An experience event in the form that filters and aggregators read.
 *
 * @param body the event in plain XDM form, with {@code _id} and the fields that paths point into
 * @param timestampMillis the event's {@code timestamp} in epoch milliseconds, as read at ingestion
 */
public record ExperienceEvent(ObjectNode body, long timestampMillis) {

    public ExperienceEvent {
        Objects.requireNonNull(body, "body");
    }

    /** Returns the event's {@code _id} as text, or an empty string when it has none. */
    public String id() {
        JsonNode id = body.get("_id");
        return id == null || id.isNull() ? "" : id.asText();
    }
}
