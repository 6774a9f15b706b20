package io.openprofile.client.sdk;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * When and how long the client waits before it sends a failed request again.
 *
 * <p>Only 429 and 503 responses are retried:
 * <ul>
 *   <li>GET, HEAD, OPTIONS, PUT and DELETE are retried on 429 and on 503, because sending them
 *       twice has the effect of sending them once.</li>
 *   <li>POST and PATCH are retried on 429 only. A 429 means that the server rejected the request
 *       before processing it, but a 503 can come after the change was applied, so the caller
 *       decides.</li>
 * </ul>
 *
 * <p>The wait is the server's hint when it gives one (the error body's {@code retryAfterMs}, else
 * the {@code Retry-After} header). A hint longer than {@code maxDelay} ends the retries, so no
 * single wait exceeds {@code maxDelay}. Without a hint the wait grows exponentially,
 * {@code initialDelay × multiplier^(retry − 1)} capped at {@code maxDelay}, and jitter shortens it
 * by a random share of up to {@code jitter} so that many clients do not retry in step.
 */
public final class RetryPolicy {

    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    private final int maxAttempts;
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialDelay = builder.initialDelay;
        this.multiplier = builder.multiplier;
        this.maxDelay = builder.maxDelay;
        this.jitter = builder.jitter;
    }

    /**
     * Returns the default policy: 4 attempts in all, a first wait of 200 ms that doubles up to
     * 30 s, and jitter of up to half the wait.
     */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** Returns a policy that sends every request once. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** Returns a builder that starts from the {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration initialDelay() {
        return initialDelay;
    }

    public double multiplier() {
        return multiplier;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    public double jitter() {
        return jitter;
    }

    /**
     * Returns the wait before the next attempt of a {@code method} request that failed with
     * {@code failure} on attempt number {@code attempt} (1 for the first), or empty when the request
     * is not retried. {@code random} returns values in [0, 1) for the jitter.
     */
    Optional<Duration> delayBeforeRetry(String method, OpenProfileException failure, int attempt,
            DoubleSupplier random) {
        if (attempt >= maxAttempts || !isRetryable(method, failure.getStatus())) {
            return Optional.empty();
        }
        Optional<Duration> hint = failure.getRetryAfter();
        if (hint.isPresent()) {
            return hint.get().compareTo(maxDelay) > 0 ? Optional.empty() : hint;
        }
        double exponential = initialDelay.toMillis() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(exponential, maxDelay.toMillis());
        double jittered = capped * (1 - jitter * random.getAsDouble());
        return Optional.of(Duration.ofMillis(Math.round(jittered)));
    }

    private static boolean isRetryable(String method, int status) {
        if (status == 429) {
            return true;
        }
        return status == 503 && IDEMPOTENT_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", multiplier="
                + multiplier + ", maxDelay=" + maxDelay + ", jitter=" + jitter + "]";
    }

    /** Builder of a {@link RetryPolicy}. Each setter rejects an invalid argument at once. */
    public static final class Builder {

        private int maxAttempts = 4;
        private Duration initialDelay = Duration.ofMillis(200);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofSeconds(30);
        private double jitter = 0.5;

        private Builder() {
        }

        /** Sets the number of attempts in all, the first one included. A value of 1 turns retries off. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Sets the wait before the first retry when the server gives no hint. */
        public Builder initialDelay(Duration initialDelay) {
            if (initialDelay == null || initialDelay.isNegative()) {
                throw new IllegalArgumentException("initialDelay must be zero or positive, got " + initialDelay);
            }
            this.initialDelay = initialDelay;
            return this;
        }

        /** Sets the factor by which the wait grows from one retry to the next. */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1, got "
                        + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Sets the longest wait, computed or requested by the server. */
        public Builder maxDelay(Duration maxDelay) {
            if (maxDelay == null || maxDelay.isNegative()) {
                throw new IllegalArgumentException("maxDelay must be zero or positive, got " + maxDelay);
            }
            this.maxDelay = maxDelay;
            return this;
        }

        /** Sets the largest share of a computed wait, from 0 to 1, that jitter may remove. */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        public RetryPolicy build() {
            if (initialDelay.compareTo(maxDelay) > 0) {
                throw new IllegalStateException("initialDelay " + initialDelay + " must not exceed maxDelay "
                        + maxDelay);
            }
            return new RetryPolicy(this);
        }
    }
}
