package io.openprofile.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.store.Database;
import io.openprofile.server.support.Api;
import io.openprofile.server.tenancy.SandboxService;
import io.openprofile.server.tenancy.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Replays the interleaving that splits a person when graph writes are not serialised: one
 * transaction merges two clusters while another adds an identity to the cluster being merged
 * away. With the graph lock the second transaction waits and then reads the merged cluster.
 */
@QuarkusTest
class IdentityGraphLockTest {

    @Inject
    Database database;

    @Inject
    IdentityGraphRepository graph;

    @Inject
    SandboxService sandboxes;

    @Test
    void concurrentMergeAndAddKeepOnePerson() throws Exception {
        Tenant tenant = new Tenant(Api.ORG, Api.newSandbox());
        sandboxes.requireSandbox(tenant.orgId(), tenant.sandboxName());
        Identity a = new Identity("ECID", "a");
        Identity c = new Identity("ECID", "c");
        Identity d = new Identity("ECID", "d");
        write(tenant, List.of(a));
        write(tenant, List.of(c));
        // The merge keeps the cluster with the smaller id, so the new identity joins the other one.
        Identity mergedAway = clusterOf(tenant, a).compareTo(clusterOf(tenant, c)) < 0 ? c : a;
        CountDownLatch merged = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Thread merging = new Thread(() -> database.inTransaction(connection -> {
            graph.lockGraph(connection, tenant);
            graph.link(connection, tenant, List.of(a, c), "ds", "batch", 1L);
            merged.countDown();
            await(release);
            return null;
        }));
        merging.start();
        await(merged);
        Thread adding = new Thread(() -> write(tenant, List.of(mergedAway, d)));
        adding.start();
        adding.join(500);
        release.countDown();
        merging.join(10_000);
        adding.join(10_000);

        Set<String> clusters = database.inTransaction(connection -> graph.findByXids(connection, tenant,
                List.of(Xid.of(a), Xid.of(c), Xid.of(d)))).stream()
                .map(IdentityNode::clusterId)
                .collect(Collectors.toSet());
        assertEquals(1, clusters.size(), "a, c and d must share one cluster, got " + clusters);
    }

    private String clusterOf(Tenant tenant, Identity identity) {
        return database.inTransaction(connection -> graph.findByXid(connection, tenant, Xid.of(identity)))
                .orElseThrow().clusterId();
    }

    private void write(Tenant tenant, List<Identity> identities) {
        database.inTransaction(connection -> {
            graph.lockGraph(connection, tenant);
            graph.link(connection, tenant, identities, "ds", "batch", 1L);
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
