package io.openprofile.server.computed;

import io.openprofile.server.computed.pql.CompiledExpression;
import io.openprofile.server.computed.pql.LookbackDuration;
import io.openprofile.server.computed.pql.LookbackUnit;
import io.openprofile.server.computed.pql.Pql;
import io.openprofile.server.computed.pql.TimeRange;
import java.time.Instant;
import java.util.Optional;

/**
 * A computed attribute with its compiled expression and the time buckets its partial aggregates
 * are kept in: an hour when the lookback is measured in hours, a day otherwise.
 */
public record EvaluatedAttribute(ComputedAttribute attribute, CompiledExpression expression,
        Optional<LookbackDuration> lookback, long bucketMillis) {

    static final long HOUR_MILLIS = 3_600_000L;
    static final long DAY_MILLIS = 24 * HOUR_MILLIS;

    /** Compiles a stored attribute, whose expression was checked when it was stored. */
    public static EvaluatedAttribute of(ComputedAttribute attribute) {
        CompiledExpression expression = Pql.compile(attribute.expression());
        Optional<LookbackDuration> lookback = Optional.ofNullable(attribute.duration())
                .map(duration -> new LookbackDuration(duration.count(), LookbackUnit.valueOf(duration.unit())));
        long bucket = attribute.duration() != null && "HOURS".equals(attribute.duration().unit()) ? HOUR_MILLIS
                : DAY_MILLIS;
        return new EvaluatedAttribute(attribute, expression, lookback, bucket);
    }

    /**
     * Returns the event times that count at {@code now}: the lookback and the expression's
     * {@code occurs} clauses, and never events after {@code now}.
     */
    public TimeRange rangeAt(Instant now) {
        TimeRange range = new TimeRange(Long.MIN_VALUE, now.toEpochMilli());
        if (lookback.isPresent()) {
            range = range.intersect(lookback.get().rangeAt(now));
        }
        if (expression.timeWindow().isPresent()) {
            range = range.intersect(expression.timeWindow().get().rangeAt(now));
        }
        return range;
    }

    /** Returns whether partial aggregates per bucket can serve this expression, see {@link CompiledExpression}. */
    public boolean isBucketable() {
        return expression.timeIndependentFilter().isPresent();
    }

    public long bucketStart(long eventTime) {
        return Math.floorDiv(eventTime, bucketMillis) * bucketMillis;
    }
}
