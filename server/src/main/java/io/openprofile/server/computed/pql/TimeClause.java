package io.openprofile.server.computed.pql;

import io.openprofile.server.xdm.ComparisonOperator;
import java.time.Instant;
import java.util.Optional;

/**
 * The comparison of an {@code occurs} clause: {@code occurs <operator> <count> <unit> before now}.
 *
 * <p>The clause compares the time {@code t} with the boundary {@code b}, which lies {@code count} units before
 * now. {@code <= 7 days} admits {@code b <= t <= now}, {@code < 7 days} admits {@code b < t <= now},
 * {@code >= 7 days} admits {@code t <= b}, {@code > 7 days} admits {@code t < b}, {@code =} admits {@code t = b} to
 * the millisecond, and {@code !=} admits every {@code t <= now} other than {@code b}. A time after now never matches,
 * because the clause speaks of times before now.
 *
 * <p>NOTE: Adobe does not document the precision of {@code =}. It may compare whole units, as in "3 days ago",
 * which this class does not do.
 */
record TimeClause(ComparisonOperator operator, long count, LookbackUnit unit) {

    boolean matches(long timestampMillis, Instant now) {
        if (operator == ComparisonOperator.NOT_EQUAL) {
            return timestampMillis <= now.toEpochMilli()
                    && timestampMillis != unit.millisBefore(now, count);
        }
        return rangeAt(now).orElseThrow().contains(timestampMillis);
    }

    /** Returns the times this clause admits at {@code now}, or empty for {@code !=}, which admits two ranges. */
    Optional<TimeRange> rangeAt(Instant now) {
        long boundary = unit.millisBefore(now, count);
        long nowMillis = now.toEpochMilli();
        switch (operator) {
            case LESS:
                return Optional.of(new TimeRange(saturatedIncrement(boundary), nowMillis));
            case LESS_OR_EQUAL:
                return Optional.of(new TimeRange(boundary, nowMillis));
            case GREATER:
                if (boundary == Long.MIN_VALUE) {
                    return Optional.of(new TimeRange(Long.MAX_VALUE, Long.MIN_VALUE));
                }
                return Optional.of(new TimeRange(Long.MIN_VALUE, boundary - 1));
            case GREATER_OR_EQUAL:
                return Optional.of(new TimeRange(Long.MIN_VALUE, boundary));
            case EQUAL:
                return Optional.of(new TimeRange(boundary, boundary));
            default:
                return Optional.empty();
        }
    }

    private static long saturatedIncrement(long value) {
        return value == Long.MAX_VALUE ? value : value + 1;
    }
}
