package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 403 response: a header check failed (see {@link #isGatewayError()}) or the sandbox does not exist. */
public class ForbiddenException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 403 response with its headers and body, either of which may be null. */
    public ForbiddenException(Map<String, List<String>> headers, String body) {
        super(403, headers, body);
    }
}
