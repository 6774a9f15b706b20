package io.openprofile.client.sdk;

import io.openprofile.client.ApiException;

/**
 * Wraps the {@link ApiException} of a page request that an {@link java.util.Iterator} or a
 * {@link java.util.stream.Stream} cannot throw, as {@link java.io.UncheckedIOException} does for
 * {@code IOException}. The cause is an {@link OpenProfileException} for error responses.
 */
public class UncheckedApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps {@code cause}. */
    public UncheckedApiException(ApiException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized ApiException getCause() {
        return (ApiException) super.getCause();
    }
}
