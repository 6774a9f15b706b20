package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The condition in the brackets of {@code xEvent[...]}, as a predicate over one event. */
@FunctionalInterface
public interface EventFilter {

    /**
     * Returns whether the event matches.
     *
     * @param event the event body
     * @param timestampMillis the event time that {@code timestamp occurs} clauses compare, in epoch milliseconds
     * @param now the evaluation time that {@code before now} refers to
     */
    boolean matches(ObjectNode event, long timestampMillis, Instant now);

    default boolean matches(ExperienceEvent event, Instant now) {
        return matches(event.body(), event.timestampMillis(), now);
    }
}
