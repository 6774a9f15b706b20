package io.openprofile.server.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.store.Database;
import io.openprofile.server.support.Api;
import io.openprofile.server.tenancy.SandboxService;
import io.openprofile.server.tenancy.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sources that {@link IdentityGraphRepository#link} keeps per link, read back from the store. */
@QuarkusTest
class IdentityLinkSourcesTest {

    private static final Identity EMAIL = new Identity("Email", "ann@example.com");
    private static final Identity ECID = new Identity("ECID", "111");
    private static final Identity CRMID = new Identity("CRMID", "crm-1");

    @Inject
    Database database;

    @Inject
    IdentityGraphRepository graph;

    @Inject
    SandboxService sandboxes;

    private Tenant tenant;

    @BeforeEach
    void createSandbox() {
        tenant = new Tenant(Api.ORG, Api.newSandbox());
        sandboxes.requireSandbox(tenant.orgId(), tenant.sandboxName());
    }

    @Test
    void newLinkKeepsItsBatch() {
        link(List.of(EMAIL, ECID), "crm", "b1", 10);

        IdentityLink link = onlyLink();
        assertEquals(Xid.of(EMAIL), link.fromXid());
        assertEquals(Xid.of(ECID), link.toXid());
        assertEquals(10, link.createdAt());
        assertEquals(List.of(new IdentityLink.Source("crm", "b1", "b1", 10, 10)), link.sources());
    }

    @Test
    void laterBatchOfSameDatasetBecomesLastBatch() {
        link(List.of(EMAIL, ECID), "crm", "b1", 10);
        link(List.of(EMAIL, ECID), "crm", "b2", 20);
        link(List.of(EMAIL, ECID), "crm", "b3", 30);

        IdentityLink link = onlyLink();
        assertEquals(10, link.createdAt());
        assertEquals(30, link.lastSeenAt());
        assertEquals(List.of(new IdentityLink.Source("crm", "b1", "b3", 10, 30)), link.sources());
    }

    @Test
    void streamedRecordKeepsLastBatch() {
        link(List.of(EMAIL, ECID), "crm", "b1", 10);
        link(List.of(EMAIL, ECID), "crm", null, 20);

        assertEquals(List.of(new IdentityLink.Source("crm", "b1", "b1", 10, 20)), onlyLink().sources());
    }

    @Test
    void earlierClockKeepsLastSeenTime() {
        link(List.of(EMAIL, ECID), "crm", "b1", 20);
        link(List.of(EMAIL, ECID), "crm", "b2", 10);

        assertEquals(List.of(new IdentityLink.Source("crm", "b1", "b2", 20, 20)), onlyLink().sources());
    }

    @Test
    void streamedLinkHasNoBatch() {
        link(List.of(EMAIL, ECID), "web", null, 10);

        IdentityLink.Source source = onlyLink().sources().get(0);
        assertEquals("web", source.datasetId());
        assertNull(source.firstBatchId());
        assertNull(source.lastBatchId());
    }

    @Test
    void otherDatasetAddsSource() {
        link(List.of(EMAIL, ECID), "crm", "b1", 10);
        link(List.of(EMAIL, ECID), "web", "b2", 20);

        IdentityLink link = onlyLink();
        assertEquals(10, link.createdAt());
        assertEquals(List.of(new IdentityLink.Source("crm", "b1", "b1", 10, 10),
                new IdentityLink.Source("web", "b2", "b2", 20, 20)), link.sources());
    }

    @Test
    void newLinkBetweenKnownIdentities() {
        link(List.of(EMAIL), "crm", "b1", 10);
        link(List.of(ECID), "crm", "b1", 10);

        link(List.of(EMAIL, ECID), "web", "b2", 20);

        IdentityLink link = onlyLink();
        assertEquals(20, link.createdAt());
        assertEquals(List.of(new IdentityLink.Source("web", "b2", "b2", 20, 20)), link.sources());
    }

    @Test
    void tooManyRowsReadAsEmpty() {
        link(List.of(EMAIL, ECID, CRMID), "crm", "b1", 10);
        link(List.of(EMAIL, ECID), "web", "b2", 20);

        assertEquals(3, rows(links(3).orElseThrow()));
        assertTrue(links(2).isEmpty());
    }

    @Test
    void deleteClusterRemovesSources() {
        link(List.of(EMAIL, ECID, CRMID), "crm", "b1", 10);

        database.inTransaction(connection -> {
            graph.deleteCluster(connection, tenant, List.of(Xid.of(EMAIL), Xid.of(ECID), Xid.of(CRMID)));
            return null;
        });
        link(List.of(EMAIL, ECID), "crm", "b2", 20);

        assertEquals(List.of(new IdentityLink.Source("crm", "b2", "b2", 20, 20)), onlyLink().sources());
    }

    private void link(List<Identity> identities, String datasetId, String batchId, long now) {
        database.inTransaction(connection -> {
            graph.lockGraph(connection, tenant);
            graph.link(connection, tenant, identities, datasetId, batchId, now);
            return null;
        });
    }

    private IdentityLink onlyLink() {
        List<IdentityLink> links = links(100).orElseThrow();
        assertEquals(1, links.size(), "links: " + links);
        return links.get(0);
    }

    private Optional<List<IdentityLink>> links(int maxRows) {
        return database.inTransaction(connection -> {
            String cluster = graph.findByXid(connection, tenant, Xid.of(EMAIL)).orElseThrow().clusterId();
            return graph.findClusterLinks(connection, tenant, cluster, maxRows);
        });
    }

    private static int rows(List<IdentityLink> links) {
        return links.stream().mapToInt(link -> Math.max(1, link.sources().size())).sum();
    }
}
