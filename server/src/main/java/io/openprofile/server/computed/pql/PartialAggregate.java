package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Immutable partial state of an aggregation over some events, such as the events of one time bucket. States
 * of the same aggregation combine with {@link Aggregator#merge}, and {@link Aggregator#toJson} stores them.
 */
public sealed interface PartialAggregate {

    /** State of min, max and most recent before any value was seen. */
    PartialAggregate NO_VALUE = new NoValue();

    /** Number of events counted. */
    record Count(long count) implements PartialAggregate {
    }

    /**
     * Exact running sum.
     *
     * @param integral true while every value added was a JSON integer, so the result is an integer
     */
    record Sum(BigDecimal total, boolean integral) implements PartialAggregate {

        public Sum {
            Objects.requireNonNull(total, "total");
        }
    }

    /** No value yet. */
    record NoValue() implements PartialAggregate {
    }

    /**
     * Smallest or largest number so far.
     *
     * @param integral whether the number was a JSON integer
     */
    record NumberExtreme(BigDecimal value, boolean integral) implements PartialAggregate {

        public NumberExtreme {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Earliest or latest time so far.
     *
     * @param epochMillis the time compared
     * @param value the value as the event wrote it, which the result returns
     */
    record TimeExtreme(long epochMillis, JsonNode value) implements PartialAggregate {

        public TimeExtreme {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Value of the latest event so far.
     *
     * @param timestampMillis the event time
     * @param eventId the event's {@code _id}, which breaks ties between equal times
     * @param value the field's value in that event
     */
    record MostRecent(long timestampMillis, String eventId, JsonNode value) implements PartialAggregate {

        public MostRecent {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(value, "value");
        }
    }
}
