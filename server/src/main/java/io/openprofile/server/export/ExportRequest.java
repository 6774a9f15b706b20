package io.openprofile.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.merge.FieldSelector;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The parsed options of an export request: field selections and ingestion-time filters. Parsing
 * the stored request again when a job resumes gives the same options, so the request is stored as
 * the client sent it.
 */
public record ExportRequest(
        String mergePolicyId,
        FieldSelector fields,
        Long fromIngestTimestamp,
        boolean emptyProfiles,
        boolean withEvents,
        FieldSelector eventFields,
        Long eventsFromIngestTimestamp) {

    static final String PROFILE_SCHEMA = "_xdm.context.profile";

    /** Parses and validates a request body; every problem is a 400 that names the field. */
    public static ExportRequest parse(ObjectNode request) {
        String schemaName = text(request.path("schema").get("name"));
        if (schemaName == null || schemaName.isBlank()) {
            throw DomainException.missing("schema.name", "use " + PROFILE_SCHEMA);
        }
        if (!PROFILE_SCHEMA.equals(schemaName)) {
            throw DomainException.invalid("schema.name", schemaName, "must be " + PROFILE_SCHEMA
                    + ", because openprofile exports profiles only");
        }
        String datasetId = text(request.path("destination").get("datasetId"));
        if (datasetId == null || datasetId.isBlank()) {
            throw DomainException.missing("destination.datasetId", "give the id of the dataset that receives the export");
        }
        JsonNode filter = request.path("filter");
        rejectSegmentation(filter, "segments");
        rejectSegmentation(filter, "segmentQualificationTime");
        JsonNode eventList = request.path("additionalFields").get("eventList");
        boolean withEvents = eventList != null && !eventList.isNull();
        return new ExportRequest(
                text(request.path("mergePolicy").get("id")),
                selector(request.get("fields"), "fields"),
                timestamp(filter.get("fromIngestTimestamp"), "filter.fromIngestTimestamp"),
                filter.path("emptyProfiles").asBoolean(false),
                withEvents,
                withEvents ? selector(eventList.get("fields"), "additionalFields.eventList.fields") : null,
                withEvents ? timestamp(eventList.path("filter").get("fromIngestTimestamp"),
                        "additionalFields.eventList.filter.fromIngestTimestamp") : null);
    }

    /** Rejects a segment filter. An empty array or object selects no segment, so it counts as absent. */
    private static void rejectSegmentation(JsonNode filter, String field) {
        JsonNode value = filter.get(field);
        if (value != null && !value.isNull() && !value.isEmpty()) {
            throw new DomainException(ErrorKind.INVALID_INPUT, "SEGMENTATION_NOT_SUPPORTED",
                    "filter." + field + " is not supported: openprofile has no segmentation service, so it cannot "
                            + "export segment members; remove filter." + field + " to export every profile",
                    "filter." + field, null);
        }
    }

    private static FieldSelector selector(JsonNode value, String field) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FieldSelector.parse(text, field);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, text, "must be comma-separated XDM paths: " + e.getMessage());
        }
    }

    private static Long timestamp(JsonNode value, String field) {
        String text = text(value);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, text, "must be an RFC 3339 timestamp such as 2018-10-25T13:22:04-07:00");
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
