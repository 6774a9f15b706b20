package io.openprofile.server.identitygraph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.openprofile.server.identity.Identity;
import io.openprofile.server.identity.Xid;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;

/**
 * Two people ingested through three batches of one profile dataset. Ann's record links her Email
 * to ECID 111 (batch 1, sent again as batch 3), and a second record links ECID 111 to CRMID crm-1
 * (batch 2), so Email, ECID and CRMID form one graph with two edges. Bob's Email and ECID 222
 * (batch 2) form another.
 */
final class GraphFixture {

    static final String ANN_EMAIL = "ann@example.com";
    static final String ANN_ECID = "111";
    static final String ANN_CRMID = "crm-1";
    static final String BOB_EMAIL = "bob@example.com";
    static final String BOB_ECID = "222";

    static final String ANN_EMAIL_XID = xid("Email", ANN_EMAIL);
    static final String ANN_ECID_XID = xid("ECID", ANN_ECID);
    static final String ANN_CRMID_XID = xid("CRMID", ANN_CRMID);
    static final String BOB_EMAIL_XID = xid("Email", BOB_EMAIL);
    static final String BOB_ECID_XID = xid("ECID", BOB_ECID);

    static final String ANN_RECORD = record("Email", ANN_EMAIL, "ECID", ANN_ECID);
    static final String ANN_CRM_RECORD = record("ECID", ANN_ECID, "CRMID", ANN_CRMID);
    static final String BOB_RECORD = record("Email", BOB_EMAIL, "ECID", BOB_ECID);

    final Flows flows;
    final String dataset;
    final String firstBatch;
    final String secondBatch;
    final String thirdBatch;

    private GraphFixture(Flows flows, String dataset, String firstBatch, String secondBatch, String thirdBatch) {
        this.flows = flows;
        this.dataset = dataset;
        this.firstBatch = firstBatch;
        this.secondBatch = secondBatch;
        this.thirdBatch = thirdBatch;
    }

    /** Ingests the two people into a new sandbox. */
    static GraphFixture load() {
        Flows flows = new Flows(Api.newSandbox());
        String dataset = flows.profileDataset();
        String first = ingest(flows, dataset, ANN_RECORD);
        String second = ingest(flows, dataset, ANN_CRM_RECORD, BOB_RECORD);
        String third = ingest(flows, dataset, ANN_RECORD);
        return new GraphFixture(flows, dataset, first, second, third);
    }

    String sandbox() {
        return flows.sandbox();
    }

    static String xid(String namespace, String id) {
        return Xid.of(new Identity(namespace, id));
    }

    /** Builds a profile record whose identityMap lists the primary identity first, then another one. */
    private static String record(String primaryNamespace, String primaryId, String namespace, String id) {
        return "{\"identityMap\": {\"" + primaryNamespace + "\": [{\"id\": \"" + primaryId + "\", \"primary\": true}], "
                + "\"" + namespace + "\": [{\"id\": \"" + id + "\"}]}}";
    }

    private static String ingest(Flows flows, String dataset, String... records) {
        Flows.BatchOutcome outcome = flows.ingestLines(dataset, records);
        assertEquals("success", outcome.status(), "batch " + outcome.batchId());
        return outcome.batchId();
    }
}
