package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.identity.ExtractedIdentities;
import io.openprofile.server.identity.IdentityExtractor;
import io.openprofile.server.merge.RecordTimes;
import io.openprofile.server.schema.XdmClasses;
import io.openprofile.server.xdm.RecordError;
import io.openprofile.server.xdm.RecordErrorCode;
import io.openprofile.server.xdm.RecordResult;
import io.openprofile.server.xdm.XdmRecords;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates one incoming record as far as storing it needs: identities can be extracted, and an
 * experience event has an {@code _id} and a valid {@code timestamp}. Other fields are stored as
 * sent; they are not checked against the schema.
 */
public final class RecordPreparer {

    private RecordPreparer() {
    }

    public static RecordOutcome prepare(ObjectNode raw, IngestTarget target, long ingestedAt) {
        ObjectNode record = XdmRecords.normalize(raw);
        RecordResult<ExtractedIdentities> identities = new IdentityExtractor(target.namespaces())
                .extract(record, target.identityFields());
        List<RecordError> errors = new ArrayList<>(identities.errors());
        if (target.schemaClass() == XdmClasses.EXPERIENCE_EVENT) {
            return prepareEvent(record, identities, errors);
        }
        if (!errors.isEmpty()) {
            return RecordOutcome.rejected(errors);
        }
        long time = RecordTimes.profileRecordTime(record, ingestedAt);
        ExtractedIdentities found = identities.value();
        return RecordOutcome.accepted(new PreparedRecord(record, found.primary(), found.all(), time, null));
    }

    private static RecordOutcome prepareEvent(ObjectNode record, RecordResult<ExtractedIdentities> identities,
            List<RecordError> errors) {
        JsonNode id = record.get("_id");
        if (id == null || id.isNull() || id.asText().isBlank()) {
            errors.add(new RecordError(RecordErrorCode.MISSING_EVENT_ID,
                    "experience event has no _id: every event needs a unique _id so that retries do not "
                            + "duplicate it", "_id"));
        } else if (!id.isTextual() && !id.isNumber()) {
            errors.add(new RecordError(RecordErrorCode.INVALID_EVENT_ID,
                    "_id must be a string, got " + id.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    "_id"));
        }
        RecordResult<Long> time = RecordTimes.eventTime(record);
        errors.addAll(time.errors());
        if (!errors.isEmpty()) {
            return RecordOutcome.rejected(errors);
        }
        ExtractedIdentities found = identities.value();
        return RecordOutcome.accepted(new PreparedRecord(record, found.primary(), found.all(), time.value(),
                id.asText()));
    }
}
