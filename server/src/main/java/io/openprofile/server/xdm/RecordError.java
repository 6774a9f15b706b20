package io.openprofile.server.xdm;

import java.util.Objects;

/**
 * One reason why an ingested record was rejected.
 *
 * @param code stable reason code
 * @param message sentence that names the offending value and the rule it breaks
 * @param path location of the value in the record, in dotted form such as {@code identityMap.ECID[0].id}
 */
public record RecordError(RecordErrorCode code, String message, String path) {

    public RecordError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }
}
