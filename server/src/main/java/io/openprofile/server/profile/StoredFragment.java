package io.openprofile.server.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A stored profile record: one per dataset and primary identity. {@code identityXids} are the
 * entity ids of every identity the record carries, the primary one included.
 */
public record StoredFragment(
        String datasetId,
        String primaryXid,
        String batchId,
        ObjectNode record,
        long recordTime,
        long ingestedAt,
        List<String> identityXids) {

    public StoredFragment {
        identityXids = List.copyOf(identityXids);
    }

    /** Returns whether the record carries the identity with entity id {@code xid}. */
    public boolean carries(String xid) {
        return identityXids.contains(xid);
    }
}
