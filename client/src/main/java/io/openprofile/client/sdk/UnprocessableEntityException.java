package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 422 response: the request is well formed but cannot be carried out, such as an unknown merge policy. */
public class UnprocessableEntityException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 422 response with its headers and body, either of which may be null. */
    public UnprocessableEntityException(Map<String, List<String>> headers, String body) {
        super(422, headers, body);
    }
}
