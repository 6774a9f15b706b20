package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.identity.Identity;
import java.util.List;

/**
 * A record that passed validation and is ready to be written: its identities, the primary one,
 * and its time (the event's timestamp, or the profile record's own update time).
 * {@code eventId} is null for profile records.
 */
public record PreparedRecord(
        ObjectNode record,
        Identity primary,
        List<Identity> identities,
        long time,
        String eventId) {
}
