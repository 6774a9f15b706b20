package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 503 response: the server cannot serve requests for now, possibly with a hint of when to retry. */
public class ServiceUnavailableException extends ServerErrorException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 503 response with its headers and body, either of which may be null. */
    public ServiceUnavailableException(Map<String, List<String>> headers, String body) {
        super(503, headers, body);
    }
}
