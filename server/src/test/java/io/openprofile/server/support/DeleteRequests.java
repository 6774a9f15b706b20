package io.openprofile.server.support;

import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;

/** Delete requests at {@code /data/core/ups/system/jobs}, for tests that wait for them. */
public final class DeleteRequests {

    public static final String PATH = "/data/core/ups/system/jobs";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private DeleteRequests() {
    }

    /** Polls a delete request until it succeeds, for at most two minutes, and returns it. Fails the test when the request failed. */
    public static JsonPath awaitSuccess(String sandbox, String id) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            JsonPath request = Api.as(sandbox)
                    .when().get(PATH + "/" + id)
                    .then().statusCode(200)
                    .extract().jsonPath();
            String status = request.getString("status");
            if ("SUCCESS".equals(status)) {
                return request;
            }
            if ("FAILED".equals(status)) {
                fail("delete request " + id + " failed: " + request.prettify());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for delete request " + id, e);
            }
        }
        throw new AssertionError("delete request " + id + " did not finish within " + TIMEOUT.toMinutes() + " minutes");
    }
}
