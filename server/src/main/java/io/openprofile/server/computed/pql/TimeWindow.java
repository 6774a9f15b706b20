package io.openprofile.server.computed.pql;

import io.openprofile.server.xdm.ComparisonOperator;
import java.time.Instant;
import java.util.List;

/**
 * The times that the expression's top-level {@code timestamp occurs} clauses admit, joined by {@code and}. An event
 * outside the window can never match the filter, so an engine that keeps partial states per time bucket can drop
 * the buckets that end before {@link #rangeAt(Instant)} starts.
 */
public final class TimeWindow {

    private final List<TimeClause> clauses;

    TimeWindow(List<TimeClause> clauses) {
        for (TimeClause clause : clauses) {
            if (clause.operator() == ComparisonOperator.NOT_EQUAL) {
                throw new IllegalArgumentException("a != clause admits two ranges and cannot be part of a window");
            }
        }
        this.clauses = List.copyOf(clauses);
    }

    /** Returns the inclusive range of event times, in epoch milliseconds, that every clause admits at {@code now}. */
    public TimeRange rangeAt(Instant now) {
        TimeRange range = TimeRange.ALL;
        for (TimeClause clause : clauses) {
            range = range.intersect(clause.rangeAt(now).orElseThrow());
        }
        return range;
    }

    public boolean contains(long timestampMillis, Instant now) {
        return rangeAt(now).contains(timestampMillis);
    }

    @Override
    public String toString() {
        return "TimeWindow" + clauses;
    }
}
