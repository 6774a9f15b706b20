package io.openprofile.client.sdk;

import java.util.List;
import java.util.Map;

/** A 5xx response: the server failed. Quote {@link #getRequestId()} when reporting it. */
public class ServerErrorException extends OpenProfileException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception for a 5xx response with its status, headers and body; headers and body may be null. */
    public ServerErrorException(int status, Map<String, List<String>> headers, String body) {
        super(checkServerStatus(status), headers, body);
    }

    private static int checkServerStatus(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("status must be between 500 and 599, got " + status);
        }
        return status;
    }
}
