package io.openprofile.server.xdm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Parses the date-time strings found in XDM records. */
public final class XdmTimestamps {

    // ISO-8601 local date-time with an optional offset written as Z, +01:00 or +0100.
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            // The default SMART style would turn 2020-02-30 into 2020-02-29 instead of rejecting it.
            .withResolverStyle(ResolverStyle.STRICT);

    private XdmTimestamps() {
    }

    /**
     * Parses an ISO-8601 date-time such as {@code 2017-09-26T15:52:25+00:00}, {@code 2020-08-11T00:00:00Z} or
     * {@code 2024-03-09 12:21:43.0} (a space in place of {@code T} occurs in Adobe's B2B data). A date-time without
     * an offset is taken as UTC, and a bare date such as {@code 2020-07-20} as its start in UTC.
     *
     * @return the date-time with the offset it was written in, or empty when the text is not such a date-time
     */
    public static Optional<OffsetDateTime> parse(String text) {
        String candidate = text.trim();
        if (candidate.length() > 10 && candidate.charAt(10) == ' ') {
            candidate = candidate.substring(0, 10) + 'T' + candidate.substring(11);
        }
        try {
            if (candidate.length() == 10) {
                return Optional.of(LocalDate.parse(candidate).atStartOfDay().atOffset(ZoneOffset.UTC));
            }
            var parsed = DATE_TIME.parseBest(candidate, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offsetDateTime) {
                return Optional.of(offsetDateTime);
            }
            return Optional.of(((LocalDateTime) parsed).atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
