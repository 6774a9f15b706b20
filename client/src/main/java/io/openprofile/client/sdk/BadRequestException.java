package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 400 response: a parameter, header or body property is missing or breaks a rule, named by {@link #getField()}. */
public class BadRequestException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 400 response with its headers and body, either of which may be null. */
    public BadRequestException(Map<String, List<String>> headers, String body) {
        super(400, headers, body);
    }
}
