package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 409 response: the request conflicts with the current state, such as a stale {@code version} or a name in use. */
public class ConflictException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 409 response with its headers and body, either of which may be null. */
    public ConflictException(Map<String, List<String>> headers, String body) {
        super(409, headers, body);
    }
}
