package io.openprofile.server.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.xdm.JsonKinds;
import io.openprofile.server.xdm.RecordError;
import io.openprofile.server.xdm.RecordErrorCode;
import io.openprofile.server.xdm.RecordResult;
import io.openprofile.server.xdm.XdmTimestamps;

/** Reads the times that order fragments and events. */
public final class RecordTimes {

    private RecordTimes() {
    }

    /**
     * Returns the time a profile record was last updated, in epoch milliseconds: its
     * {@code extSourceSystemAudit.lastUpdatedDate} when that is a valid ISO-8601 date-time, else
     * {@code ingestedAt}. An invalid date is not an error, because the field is optional audit data.
     */
    public static long profileRecordTime(ObjectNode record, long ingestedAt) {
        JsonNode lastUpdated = record.path("extSourceSystemAudit").path("lastUpdatedDate");
        if (!lastUpdated.isTextual()) {
            return ingestedAt;
        }
        return XdmTimestamps.parse(lastUpdated.asText())
                .map(dateTime -> dateTime.toInstant().toEpochMilli())
                .orElse(ingestedAt);
    }

    /**
     * Returns an experience event's {@code timestamp} in epoch milliseconds. The timestamp is an ISO-8601
     * date-time, taken as UTC when it has no offset, or a whole number of epoch milliseconds.
     */
    public static RecordResult<Long> eventTime(ObjectNode event) {
        JsonNode timestamp = event.get("timestamp");
        if (timestamp == null || timestamp.isNull()) {
            return RecordResult.invalid(new RecordError(RecordErrorCode.MISSING_TIMESTAMP,
                    "experience event has no timestamp; add an ISO-8601 timestamp such as 2020-08-11T00:00:00Z",
                    "timestamp"));
        }
        if (timestamp.isIntegralNumber() && timestamp.canConvertToLong()) {
            return RecordResult.valid(timestamp.longValue());
        }
        if (timestamp.isTextual()) {
            var parsed = XdmTimestamps.parse(timestamp.asText());
            if (parsed.isPresent()) {
                return RecordResult.valid(parsed.get().toInstant().toEpochMilli());
            }
        }
        return RecordResult.invalid(new RecordError(RecordErrorCode.INVALID_TIMESTAMP, "timestamp " + timestamp
                + " is " + JsonKinds.describe(timestamp) + " but not a valid time; use an ISO-8601 date-time such"
                + " as 2020-08-11T00:00:00Z or epoch milliseconds", "timestamp"));
    }
}
