package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 404 response: the addressed resource does not exist in this organization and sandbox. */
public class NotFoundException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 404 response with its headers and body, either of which may be null. */
    public NotFoundException(Map<String, List<String>> headers, String body) {
        super(404, headers, body);
    }
}
