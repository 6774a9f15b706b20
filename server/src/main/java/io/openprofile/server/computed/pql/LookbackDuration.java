package io.openprofile.server.computed.pql;

import java.time.Instant;

/**
 * Lookback period of a computed attribute, the API's {@code duration {count, unit}}: only events from
 * {@code count} units before now up to now take part, both ends included.
 *
 * <p>The API's ranges per unit (hours 1–24, days 1–7, weeks 1–4, months 1–6) are not checked here, because they
 * belong to the request validation of the service. This type only requires a count of 1 or more.
 */
public record LookbackDuration(long count, LookbackUnit unit) {

    public LookbackDuration {
        if (count < 1) {
            throw new IllegalArgumentException("duration count must be 1 or more, got " + count);
        }
        if (unit == null) {
            throw new IllegalArgumentException("duration unit is missing");
        }
    }

    /** Returns the inclusive range of event times in epoch milliseconds that this lookback admits at {@code now}. */
    public TimeRange rangeAt(Instant now) {
        return new TimeRange(unit.millisBefore(now, count), now.toEpochMilli());
    }
}
