package io.openprofile.client.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.client.model.MergePolicyBulkGetRequest;
import io.openprofile.client.model.MergePolicyBulkGetRequestIdsInner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries of 429 and 503 responses, against a stub server on loopback. */
class RetryTest {

    private static final String POLICY = "/data/core/ups/config/mergePolicies/mp-1";
    private static final String BULK_GET = "/data/core/ups/config/mergePolicies/bulk-get";
    private static final String POLICY_BODY = "{\"id\": \"mp-1\", \"name\": \"Default\"}";
    private static final String RATE_LIMITED = "{\"status\": 429, \"errorCode\": \"OP-429-TOO-MANY-REQUESTS\", "
            + "\"detail\": \"slow down\", \"retryAfterMs\": 120}";
    private static final String UNAVAILABLE = "{\"status\": 503, \"errorCode\": \"OP-503-UNAVAILABLE\", "
            + "\"detail\": \"store is restarting\"}";

    private StubServer stub;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void startStub() throws Exception {
        stub = new StubServer();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void tooManyRequestsWaitsRetryAfterMs() throws Exception {
        stub.reply("GET", POLICY, 429, RATE_LIMITED).reply("GET", POLICY, 200, POLICY_BODY);

        try (OpenProfileClient client = client(RetryPolicy.defaults())) {
            String name = client.mergePolicies().getMergePolicy("mp-1").getName();

            assertEquals("Default", name);
        }
        assertEquals(2, stub.received().size());
        assertEquals(List.of(Duration.ofMillis(120)), waits);
    }

    @Test
    void unavailableWaitsRetryAfterHeader() throws Exception {
        stub.reply("GET", POLICY, 503, Map.of("Retry-After", "2"), UNAVAILABLE)
                .reply("GET", POLICY, 200, POLICY_BODY);

        try (OpenProfileClient client = client(RetryPolicy.defaults())) {
            client.mergePolicies().getMergePolicy("mp-1");
        }
        assertEquals(2, stub.received().size());
        assertEquals(List.of(Duration.ofSeconds(2)), waits);
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        stub.reply("GET", POLICY, 503, UNAVAILABLE);
        RetryPolicy threeAttempts = RetryPolicy.builder().maxAttempts(3).jitter(0).build();

        try (OpenProfileClient client = client(threeAttempts)) {
            ServiceUnavailableException failure = assertThrows(ServiceUnavailableException.class,
                    () -> client.mergePolicies().getMergePolicy("mp-1"));

            assertEquals("OP-503-UNAVAILABLE", failure.getErrorCode());
        }
        assertEquals(3, stub.received().size());
        assertEquals(2, waits.size());
    }

    @Test
    void backoffDoublesUpToMaxDelay() throws Exception {
        stub.reply("GET", POLICY, 503, UNAVAILABLE);
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(100))
                .multiplier(2).maxDelay(Duration.ofMillis(250)).jitter(0).build();

        try (OpenProfileClient client = client(policy)) {
            assertThrows(ServiceUnavailableException.class, () -> client.mergePolicies().getMergePolicy("mp-1"));
        }
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250)), waits);
    }

    @Test
    void jitterShortensWaitWithinShare() {
        RetryPolicy policy = RetryPolicy.builder().initialDelay(Duration.ofMillis(1000)).jitter(0.5).build();
        OpenProfileException failure = OpenProfileException.of(503, Map.of(), UNAVAILABLE);

        Duration shortest = policy.delayBeforeRetry("GET", failure, 1, () -> 0.999_999).orElseThrow();
        Duration longest = policy.delayBeforeRetry("GET", failure, 1, () -> 0.0).orElseThrow();

        assertEquals(Duration.ofMillis(500), shortest);
        assertEquals(Duration.ofMillis(1000), longest);
    }

    @Test
    void hintAboveMaxDelayIsNotWaited() throws Exception {
        stub.reply("GET", POLICY, 429, Map.of("Retry-After", "120"), "{\"status\": 429}");

        try (OpenProfileClient client = client(RetryPolicy.builder().maxDelay(Duration.ofSeconds(5)).build())) {
            TooManyRequestsException failure = assertThrows(TooManyRequestsException.class,
                    () -> client.mergePolicies().getMergePolicy("mp-1"));

            assertEquals(Duration.ofSeconds(120), failure.getRetryAfter().orElseThrow());
        }
        assertEquals(1, stub.received().size());
        assertTrue(waits.isEmpty());
    }

    @Test
    void postIsNotRetriedOnUnavailable() throws Exception {
        stub.reply("POST", BULK_GET, 503, UNAVAILABLE);

        try (OpenProfileClient client = client(RetryPolicy.defaults())) {
            assertThrows(ServiceUnavailableException.class,
                    () -> client.mergePolicies().bulkGetMergePolicies(bulkGet()));
        }
        assertEquals(1, stub.received().size());
    }

    @Test
    void postIsRetriedOnTooManyRequests() throws Exception {
        stub.reply("POST", BULK_GET, 429, RATE_LIMITED).reply("POST", BULK_GET, 200, "{}");

        try (OpenProfileClient client = client(RetryPolicy.defaults())) {
            client.mergePolicies().bulkGetMergePolicies(bulkGet());
        }
        assertEquals(2, stub.received().size());
        assertEquals(List.of(Duration.ofMillis(120)), waits);
    }

    @Test
    void noRetriesPolicySendsOnce() throws Exception {
        stub.reply("GET", POLICY, 429, RATE_LIMITED);

        try (OpenProfileClient client = client(RetryPolicy.none())) {
            assertThrows(TooManyRequestsException.class, () -> client.mergePolicies().getMergePolicy("mp-1"));
        }
        assertEquals(1, stub.received().size());
    }

    @Test
    void realWaitLastsAtLeastTheHint() throws Exception {
        stub.reply("GET", POLICY, 429, RATE_LIMITED).reply("GET", POLICY, 200, POLICY_BODY);
        OpenProfileClient client = OpenProfileClient.builder().baseUrl(stub.baseUrl()).bearerToken("t")
                .apiKey("k").imsOrg("ACME@AdobeOrg").build();

        long started = System.nanoTime();
        try (client) {
            client.mergePolicies().getMergePolicy("mp-1");
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(elapsedMillis >= 120, "waited only " + elapsedMillis + " ms");
    }

    @Test
    void builderSendsPlatformHeaders() throws Exception {
        stub.reply("GET", POLICY, 200, POLICY_BODY);

        try (OpenProfileClient client = client(RetryPolicy.defaults())) {
            client.mergePolicies().getMergePolicy("mp-1");
        }
        StubServer.Received request = stub.received().get(0);
        assertEquals("Bearer token-1", request.header("Authorization"));
        assertEquals("key-1", request.header("x-api-key"));
        assertEquals("ACME@AdobeOrg", request.header("x-gw-ims-org-id"));
        assertEquals("dev", request.header("x-sandbox-name"));
    }

    @Test
    void builderNamesMissingSetting() {
        OpenProfileClientBuilder builder = OpenProfileClient.builder().baseUrl(stub.baseUrl()).bearerToken("t")
                .apiKey("k");

        IllegalStateException failure = assertThrows(IllegalStateException.class, builder::build);

        assertEquals("imsOrg is missing: call imsOrg(...) before build()", failure.getMessage());
    }

    private OpenProfileClient client(RetryPolicy policy) {
        return OpenProfileClient.builder()
                .baseUrl(stub.baseUrl() + "/")
                .bearerToken("token-1")
                .apiKey("key-1")
                .imsOrg("ACME@AdobeOrg")
                .sandbox("dev")
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(5))
                .retryPolicy(policy)
                .sleeper(waits::add)
                .build();
    }

    private static MergePolicyBulkGetRequest bulkGet() {
        return new MergePolicyBulkGetRequest().ids(List.of(new MergePolicyBulkGetRequestIdsInner().id("mp-1")));
    }
}
