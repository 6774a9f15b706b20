package io.openprofile.server.computed.pql;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Time unit of a lookback: of an {@code occurs} clause and of the API's {@code duration}.
 *
 * <p>Hours, days and weeks are fixed lengths (3,600,000, 86,400,000 and 604,800,000 ms). Months are calendar
 * months in UTC: {@code 1 month before 2024-03-31T10:00Z} is {@code 2024-02-29T10:00Z}, the last day of the shorter
 * month, as {@link java.time.ZonedDateTime#minusMonths(long)} does it.
 *
 * <p>NOTE: every window here rolls with now. Adobe's overview states that its lookbacks count calendar weeks (from Sunday)
 * and calendar months and are refreshed daily to monthly, so its values can differ between refreshes.
 */
public enum LookbackUnit {
    HOURS(3_600_000L),
    DAYS(86_400_000L),
    WEEKS(604_800_000L),
    MONTHS(0L);

    /** Units that PQL defines but computed attributes do not support, named in error messages. */
    static final Set<String> OTHER_PQL_UNITS = Set.of("millisecond", "milliseconds", "second", "seconds", "minute",
            "minutes", "year", "years", "decade", "decades", "century", "centuries", "millennium", "millennia");

    private final long millis;

    LookbackUnit(long millis) {
        this.millis = millis;
    }

    /**
     * Returns the unit for a word of an {@code occurs} clause, singular or plural and in any case: {@code day},
     * {@code Days} and {@code DAYS} all give {@link #DAYS}.
     */
    static Optional<LookbackUnit> fromWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        for (LookbackUnit unit : values()) {
            String plural = unit.name().toLowerCase(Locale.ROOT);
            if (lower.equals(plural) || lower.equals(plural.substring(0, plural.length() - 1))) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the epoch milliseconds of {@code count} units before {@code now}, or {@link Long#MIN_VALUE} when that
     * lies before the range of {@link Instant}, so a huge count means "since ever" instead of an overflow.
     */
    public long millisBefore(Instant now, long count) {
        try {
            if (this == MONTHS) {
                return now.atZone(ZoneOffset.UTC).minusMonths(count).toInstant().toEpochMilli();
            }
            return Math.subtractExact(now.toEpochMilli(), Math.multiplyExact(count, millis));
        } catch (ArithmeticException | DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
