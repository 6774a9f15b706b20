package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 401 response: the bearer token is not valid. */
public class UnauthorizedException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 401 response with its headers and body, either of which may be null. */
    public UnauthorizedException(Map<String, List<String>> headers, String body) {
        super(401, headers, body);
    }
}
