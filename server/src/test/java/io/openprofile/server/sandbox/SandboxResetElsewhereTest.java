package io.openprofile.server.sandbox;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Sql;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.tenancy.SandboxGenerations;
import io.openprofile.server.tenancy.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A sandbox deleted by another server process on the same database. The test deletes it the way
 * {@link SandboxClearJob} does, in the database only, without the event that notifies this
 * process's caches. After one generation check interval this process must serve the sandbox as new.
 */
@QuarkusTest
class SandboxResetElsewhereTest {

    private static final String POLICIES = "/data/core/ups/config/mergePolicies";
    private static final String NAMESPACES = "/data/core/idnamespace/identities";

    @Inject
    Database database;

    @Inject
    SandboxRepository sandboxes;

    @Inject
    IdentityGraphRepository graph;

    @Inject
    SandboxGenerations generations;

    @ConfigProperty(name = "openprofile.sandboxes.generation-check-interval")
    java.time.Duration checkInterval;

    @Test
    void deleteByOtherProcessReachesCaches() throws InterruptedException {
        Flows flows = new Flows(Api.newSandbox());
        Tenant tenant = new Tenant(Api.ORG, flows.sandbox());
        flows.createNamespace("loyaltyId", "CROSS_DEVICE");
        // A lookup by the new code loads the namespace list into this process's cache.
        lookupByLoyaltyId(flows.sandbox());
        Api.as(flows.sandbox()).when().get(POLICIES)
                .then().statusCode(200)
                .body("children.size()", equalTo(1));

        database.inTransaction(connection -> {
            graph.lockGraph(connection, tenant);
            sandboxes.clear(connection, tenant, "");
            sandboxes.delete(connection, tenant);
            generations.advance(connection, tenant);
            return null;
        });
        Thread.sleep(checkInterval.toMillis() + 200);

        Api.as(flows.sandbox()).when().get(POLICIES)
                .then().statusCode(200)
                .body("children.size()", equalTo(1));
        assertTrue(sandboxRowExists(tenant), "the next request creates the deleted sandbox again");
        Api.as(flows.sandbox()).when().get(NAMESPACES)
                .then().statusCode(200)
                .body("findAll { it.code == 'loyaltyId' }.size()", equalTo(0));
        flows.createNamespace("loyaltyId", "CROSS_DEVICE");
    }

    private static void lookupByLoyaltyId(String sandbox) {
        Api.as(sandbox)
                .queryParams(Map.of("schema.name", "_xdm.context.profile", "entityId", "L-1", "entityIdNS", "loyaltyId"))
                .when().get("/data/core/ups/access/entities")
                .then().statusCode(404);
    }

    private boolean sandboxRowExists(Tenant tenant) {
        return database.inTransaction(connection -> Sql.queryOne(connection,
                "SELECT 1 FROM sandbox WHERE org_id = ? AND sandbox_name = ?", row -> true,
                tenant.orgId(), tenant.sandboxName()).isPresent());
    }
}
