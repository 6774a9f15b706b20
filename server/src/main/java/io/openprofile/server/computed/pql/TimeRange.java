package io.openprofile.server.computed.pql;

/**
 * Inclusive range of event times in epoch milliseconds. The range is empty when {@code fromMillis} is greater
 * than {@code toMillis}. {@link Long#MIN_VALUE} as {@code fromMillis} means no lower bound.
 */
public record TimeRange(long fromMillis, long toMillis) {

    /** Range that admits every event time. */
    public static final TimeRange ALL = new TimeRange(Long.MIN_VALUE, Long.MAX_VALUE);

    public boolean contains(long timestampMillis) {
        return fromMillis <= timestampMillis && timestampMillis <= toMillis;
    }

    public boolean isEmpty() {
        return fromMillis > toMillis;
    }

    /** Returns the range of times that both ranges admit. */
    public TimeRange intersect(TimeRange other) {
        return new TimeRange(Math.max(fromMillis, other.fromMillis), Math.min(toMillis, other.toMillis));
    }
}
