package io.openprofile.server.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A stored experience event, keyed by dataset, {@code _id} and primary identity. {@code identityXids}
 * are the entity ids of every identity the event carries, the primary one included.
 */
public record StoredEvent(
        String datasetId,
        String eventId,
        String primaryXid,
        String batchId,
        long eventTime,
        ObjectNode record,
        long ingestedAt,
        List<String> identityXids) {

    public StoredEvent {
        identityXids = List.copyOf(identityXids);
    }

    /** Returns whether the event carries the identity with entity id {@code xid}. */
    public boolean carries(String xid) {
        return identityXids.contains(xid);
    }
}
