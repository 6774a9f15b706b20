package io.openprofile.client.sdk;

import io.openprofile.client.auth.ApiKeyAuth;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

/**
 * Builder of an {@link OpenProfileClient}. Base URL, bearer token, API key and organization id are
 * required. Without a sandbox the server uses {@code prod}.
 */
public final class OpenProfileClientBuilder {

    private String baseUrl;
    private Supplier<String> bearerToken;
    private String apiKey;
    private String imsOrg;
    private String sandbox;
    private Duration connectTimeout;
    private Duration readTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private CloseableHttpClient httpClient;
    private String userAgent;
    private RetryingApiClient.Sleeper sleeper;

    OpenProfileClientBuilder() {
    }

    /** Sets the server's root URL, such as {@code http://localhost:8080}, without a trailing path. */
    public OpenProfileClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = stripTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        return this;
    }

    /** Sets the token sent as {@code Authorization: Bearer <token>}. */
    public OpenProfileClientBuilder bearerToken(String bearerToken) {
        Objects.requireNonNull(bearerToken, "bearerToken");
        this.bearerToken = () -> bearerToken;
        return this;
    }

    /** Sets a source of bearer tokens, called before every request, for tokens that expire. */
    public OpenProfileClientBuilder bearerToken(Supplier<String> bearerToken) {
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        return this;
    }

    /** Sets the {@code x-api-key} header. */
    public OpenProfileClientBuilder apiKey(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        return this;
    }

    /** Sets the {@code x-gw-ims-org-id} header, an organization id such as {@code ACME@AdobeOrg}. */
    public OpenProfileClientBuilder imsOrg(String imsOrg) {
        this.imsOrg = Objects.requireNonNull(imsOrg, "imsOrg");
        return this;
    }

    /** Sets the {@code x-sandbox-name} header. */
    public OpenProfileClientBuilder sandbox(String sandbox) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        return this;
    }

    /** Sets how long to wait for a connection to the server. Without it, the HTTP client's default applies. */
    public OpenProfileClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = requireMillis("connectTimeout", connectTimeout);
        return this;
    }

    /**
     * Sets how long to wait for response data once connected. Without it, the HTTP client's default
     * applies. Each attempt of a retried request gets the full timeout.
     */
    public OpenProfileClientBuilder readTimeout(Duration readTimeout) {
        this.readTimeout = requireMillis("readTimeout", readTimeout);
        return this;
    }

    /** Sets the retry policy, {@link RetryPolicy#defaults()} unless set. */
    public OpenProfileClientBuilder retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        return this;
    }

    /**
     * Sets the Apache HTTP client to send requests through, for proxies, TLS or connection pool
     * settings. {@link OpenProfileClient#close()} leaves it open. Build it with
     * {@code disableAutomaticRetries()}, because its own retry strategy would also resend POST
     * requests after a 503, which the {@link RetryPolicy} never does.
     */
    public OpenProfileClientBuilder httpClient(CloseableHttpClient httpClient) {
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        return this;
    }

    /** Sets the {@code User-Agent} header. */
    public OpenProfileClientBuilder userAgent(String userAgent) {
        this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
        return this;
    }

    /** Replaces the wait between attempts, so tests can record waits instead of sleeping. */
    OpenProfileClientBuilder sleeper(RetryingApiClient.Sleeper sleeper) {
        this.sleeper = sleeper;
        return this;
    }

    /** Builds the client, or throws {@link IllegalStateException} naming the first required setting that is missing. */
    public OpenProfileClient build() {
        requireSet("baseUrl", baseUrl);
        requireSet("bearerToken", bearerToken);
        requireSet("apiKey", apiKey);
        requireSet("imsOrg", imsOrg);

        boolean ownsHttpClient = httpClient == null;
        CloseableHttpClient http = ownsHttpClient ? HttpClients.custom().disableAutomaticRetries().build() : httpClient;
        RetryingApiClient client = sleeper == null
                ? new RetryingApiClient(http, retryPolicy)
                : new RetryingApiClient(http, retryPolicy, sleeper, () -> ThreadLocalRandom.current().nextDouble());
        client.setBasePath(baseUrl);
        client.setBearerToken(bearerToken);
        ((ApiKeyAuth) client.getAuthentication("apiKey")).setApiKey(apiKey);
        ((ApiKeyAuth) client.getAuthentication("imsOrg")).setApiKey(imsOrg);
        if (sandbox != null) {
            ((ApiKeyAuth) client.getAuthentication("sandbox")).setApiKey(sandbox);
        }
        if (connectTimeout != null) {
            client.setConnectTimeout((int) connectTimeout.toMillis());
        }
        if (readTimeout != null) {
            client.setReadTimeout((int) readTimeout.toMillis());
        }
        if (userAgent != null) {
            client.setUserAgent(userAgent);
        }
        return new OpenProfileClient(client, ownsHttpClient);
    }

    private static void requireSet(String name, Object value) {
        if (value == null) {
            throw new IllegalStateException(name + " is missing: call " + name + "(...) before build()");
        }
    }

    private static Duration requireMillis(String name, Duration timeout) {
        if (timeout == null || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1 ms and " + Integer.MAX_VALUE
                    + " ms, got " + timeout);
        }
        return timeout;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
