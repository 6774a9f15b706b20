package io.openprofile.client.sdk;

import com.fasterxml.jackson.core.type.TypeReference;
import io.openprofile.client.ApiClient;
import io.openprofile.client.ApiException;
import io.openprofile.client.Pair;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ParseException;

/**
 * The generated {@link ApiClient} with two additions that every generated API class gets through
 * it: error responses become {@link OpenProfileException} subclasses, and 429 and 503 responses are
 * retried as the {@link RetryPolicy} allows.
 */
final class RetryingApiClient extends ApiClient {

    private static final System.Logger LOG = System.getLogger(RetryingApiClient.class.getName());

    /** Waits between attempts; tests replace it to record the waits instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    RetryingApiClient(CloseableHttpClient httpClient, RetryPolicy retryPolicy, Sleeper sleeper,
            DoubleSupplier random) {
        super(httpClient);
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
        this.random = random;
    }

    RetryingApiClient(CloseableHttpClient httpClient, RetryPolicy retryPolicy) {
        this(httpClient, retryPolicy, duration -> Thread.sleep(duration.toMillis()),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    @Override
    public <T> T invokeAPI(String path, String method, List<Pair> queryParams, List<Pair> collectionQueryParams,
            String urlQueryDeepObject, Object body, Map<String, String> headerParams, Map<String, String> cookieParams,
            Map<String, Object> formParams, String accept, String contentType, String[] authNames,
            TypeReference<T> returnType) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                return super.invokeAPI(path, method, queryParams, collectionQueryParams, urlQueryDeepObject, body,
                        headerParams, cookieParams, formParams, accept, contentType, authNames, returnType);
            } catch (OpenProfileException failure) {
                Optional<Duration> delay = retryPolicy.delayBeforeRetry(method, failure, attempt, random);
                if (delay.isEmpty()) {
                    throw failure;
                }
                logRetry(method, path, failure, delay.get(), attempt + 1);
                pause(delay.get(), failure);
            }
        }
    }

    /** Turns every non-2xx response into the {@link OpenProfileException} subclass of its status. */
    @Override
    protected <T> T processResponse(CloseableHttpResponse response, TypeReference<T> returnType)
            throws ApiException, IOException, ParseException {
        try {
            return super.processResponse(response, returnType);
        } catch (OpenProfileException alreadyTyped) {
            throw alreadyTyped;
        } catch (ApiException failure) {
            if (failure.getCode() == 0) {
                throw failure;
            }
            throw OpenProfileException.of(failure.getCode(), failure.getResponseHeaders(), failure.getResponseBody());
        }
    }

    private void logRetry(String method, String path, OpenProfileException failure, Duration delay, int nextAttempt) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        String requestId = failure.getRequestId() == null ? "" : ", request id " + failure.getRequestId();
        LOG.log(Level.INFO, String.format(Locale.ROOT, "Retrying %s %s in %d ms after HTTP %d (attempt %d of %d%s)",
                method, path, delay.toMillis(), failure.getStatus(), nextAttempt, retryPolicy.maxAttempts(),
                requestId));
    }

    private void pause(Duration delay, OpenProfileException failure) throws OpenProfileException {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(interrupted);
            throw failure;
        }
    }
}
