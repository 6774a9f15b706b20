package io.openprofile.server.xdm;

/** Stable machine-readable reason why a record was rejected; the names are part of the API and never change. */
public enum RecordErrorCode {
    /** An identity names a namespace that is neither standard nor defined in the sandbox. */
    UNKNOWN_NAMESPACE,
    /** An identity value is missing, empty, or of a JSON type that cannot be an id. */
    INVALID_IDENTITY_VALUE,
    /** The {@code identityMap} or one of its entries does not have the documented shape. */
    MALFORMED_IDENTITY_MAP,
    /** An entry of the legacy {@code identities} array or of {@code endUserIDs} does not have the documented shape. */
    MALFORMED_IDENTITY,
    /** The record carries no identity in any of the supported places. */
    NO_IDENTITY,
    /** Two different identities are flagged as primary. */
    MULTIPLE_PRIMARY_IDENTITIES,
    /** An experience event has no {@code timestamp}. */
    MISSING_TIMESTAMP,
    /** A timestamp is neither an ISO-8601 date-time nor an epoch-milliseconds number. */
    INVALID_TIMESTAMP,
    /** An experience event has no {@code _id}. */
    MISSING_EVENT_ID,
    /** An experience event's {@code _id} is not a string or number. */
    INVALID_EVENT_ID,
    /** The record is not valid JSON or not a JSON object. */
    MALFORMED_RECORD
}
