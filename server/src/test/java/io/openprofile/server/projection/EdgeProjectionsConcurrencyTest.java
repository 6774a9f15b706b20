package io.openprofile.server.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent requests against the same destination or configuration: optimistic versions let exactly one
 * update through, and a destination is never deleted while a configuration refers to it.
 */
@QuarkusTest
class EdgeProjectionsConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 10;

    private String sandbox;
    private ExecutorService pool;

    @BeforeEach
    void start() {
        sandbox = Api.newSandbox();
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "request threads did not stop");
    }

    @Test
    void sameDestinationVersionUpdatesOnce() throws Exception {
        String id = EdgeProjectionsTest.createDestinationIn(sandbox, "VA5");
        List<Callable<Integer>> updates = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int ttl = 600 + i;
            updates.add(() -> Api.as(sandbox).contentType(EdgeProjectionsTest.DESTINATION_TYPE)
                    .body(Map.of("type", "EDGE", "dataCenters", List.of("VA5"), "ttl", ttl, "currentVersion", 1))
                    .when().put(EdgeProjectionsTest.DESTINATIONS + "/" + id)
                    .then().extract().statusCode());
        }

        List<Integer> statuses = runTogether(updates);

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "statuses " + statuses);
        assertEquals(WRITERS - 1, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
        int version = Api.as(sandbox).when().get(EdgeProjectionsTest.DESTINATIONS + "/" + id)
                .then().statusCode(200)
                .extract().path("version");
        assertEquals(2, version);
    }

    @Test
    void sameProjectionVersionUpdatesOnce() throws Exception {
        String destination = EdgeProjectionsTest.createDestinationIn(sandbox, "VA5");
        String id = EdgeProjectionsTest.createProjectionIn(sandbox, destination, "emails", "contended");
        List<Callable<Integer>> updates = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String selector = "person.field" + i;
            updates.add(() -> Api.as(sandbox).contentType(EdgeProjectionsTest.CONFIG_TYPE)
                    .body(Map.of("selector", selector, "destinationId", destination, "currentVersion", 1))
                    .when().put(EdgeProjectionsTest.PROJECTIONS + "/" + id)
                    .then().extract().statusCode());
        }

        List<Integer> statuses = runTogether(updates);

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), "statuses " + statuses);
        assertEquals(WRITERS - 1, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
    }

    @Test
    void sameDataCentresCreatedOnce() throws Exception {
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            creates.add(() -> Api.as(sandbox).contentType(EdgeProjectionsTest.DESTINATION_TYPE)
                    .body(Map.of("type", "EDGE", "dataCenters", List.of("OR1", "NLD1")))
                    .when().post(EdgeProjectionsTest.DESTINATIONS)
                    .then().extract().statusCode());
        }

        List<Integer> statuses = runTogether(creates);

        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), "statuses " + statuses);
        assertEquals(WRITERS - 1, statuses.stream().filter(status -> status == 409).count(), "statuses " + statuses);
    }

    @Test
    void deleteRacingProjectionLeavesNoDanglingReference() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // A fresh sandbox per round, because a destination that survives a round would make the next
            // round's destination with the same data centres a 409.
            String sandbox = Api.newSandbox();
            String destination = EdgeProjectionsTest.createDestinationIn(sandbox, "VA5");
            Callable<Integer> delete = () -> Api.as(sandbox)
                    .when().delete(EdgeProjectionsTest.DESTINATIONS + "/" + destination)
                    .then().extract().statusCode();
            Callable<Integer> create = () -> Api.as(sandbox).contentType(EdgeProjectionsTest.CONFIG_TYPE)
                    .queryParam("schemaName", EdgeProjectionsTest.PROFILE)
                    .body(Map.of("selector", "emails", "destinationId", destination))
                    .when().post(EdgeProjectionsTest.PROJECTIONS)
                    .then().extract().statusCode();

            List<Integer> statuses = runTogether(List.of(delete, create));

            boolean deleteWon = statuses.equals(List.of(204, 422));
            boolean createWon = statuses.equals(List.of(409, 201));
            assertTrue(deleteWon || createWon, "round " + round + ": delete and create gave " + statuses);
            int destinationStatus = Api.as(sandbox)
                    .when().get(EdgeProjectionsTest.DESTINATIONS + "/" + destination)
                    .then().extract().statusCode();
            assertEquals(deleteWon ? 404 : 200, destinationStatus, "round " + round);
        }
    }

    /** Starts every call at the same moment and returns their results in order; each may take 60 seconds. */
    private <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(pool.submit(() -> {
                gate.await();
                return call.call();
            }));
        }
        gate.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
