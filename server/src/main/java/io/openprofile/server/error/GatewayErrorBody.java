package io.openprofile.server.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Adobe's gateway error body, used for failed token, API key and organisation checks. */
@RegisterForReflection
public record GatewayErrorBody(@JsonProperty("error_code") String errorCode, String message) {

    /** Returns the HTTP status, which is the first three digits of the gateway code. */
    public int status() {
        return Integer.parseInt(errorCode.substring(0, 3));
    }
}
