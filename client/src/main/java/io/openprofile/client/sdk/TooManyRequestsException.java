package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 429 response: the server rejected the request before processing it because the caller sent too many. */
public class TooManyRequestsException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 429 response with its headers and body, either of which may be null. */
    public TooManyRequestsException(Map<String, List<String>> headers, String body) {
        super(429, headers, body);
    }
}
