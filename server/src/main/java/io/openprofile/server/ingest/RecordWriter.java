package io.openprofile.server.ingest;

import io.openprofile.server.computed.ComputedValues;
import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.identity.Xid;
import io.openprofile.server.profile.ProfileDataRepository;
import io.openprofile.server.profile.StoredEvent;
import io.openprofile.server.profile.StoredFragment;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes prepared records in the caller's transaction: links their identities in the graph and
 * stores the profile fragment or the event. Batch ingestion and streaming share it, so both give
 * the same result for the same record.
 */
@ApplicationScoped
public class RecordWriter {

    private final IdentityGraphRepository graph;
    private final ProfileDataRepository data;

    RecordWriter(IdentityGraphRepository graph, ProfileDataRepository data) {
        this.graph = graph;
        this.data = data;
    }

    /** Takes the graph lock; call once per transaction before {@link #write}. */
    public void lockGraph(Connection connection, Tenant tenant) throws SQLException {
        graph.lockGraph(connection, tenant);
    }

    /**
     * Writes one record of a Catalog batch in the caller's transaction, which must hold the graph
     * lock. The identity graph records the batch as a source of the record's links. Returns the
     * event's primary identity and time, which the caller passes on to computed attributes, or null
     * for a profile record.
     */
    public ComputedValues.Touch write(Connection connection, Tenant tenant, IngestTarget target, String batchId,
            PreparedRecord record, long now) throws SQLException {
        return write(connection, tenant, target, batchId, batchId, record, now);
    }

    /**
     * Writes one streamed record in the caller's transaction, which must hold the graph lock. The
     * record is stored under {@code streamId}, a pseudo batch id that Catalog does not know, so the identity
     * graph records the dataset as the source of its links but no batch. Returns what
     * {@link #write(Connection, Tenant, IngestTarget, String, PreparedRecord, long)} returns.
     */
    public ComputedValues.Touch writeStreamed(Connection connection, Tenant tenant, IngestTarget target,
            String streamId, PreparedRecord record, long now) throws SQLException {
        return write(connection, tenant, target, streamId, null, record, now);
    }

    private ComputedValues.Touch write(Connection connection, Tenant tenant, IngestTarget target,
            String storedBatchId, String linkBatchId, PreparedRecord record, long now) throws SQLException {
        graph.link(connection, tenant, record.identities(), target.datasetId(), linkBatchId, now);
        List<String> xids = record.identities().stream().map(Xid::of).toList();
        String primaryXid = Xid.of(record.primary());
        if (record.eventId() == null) {
            data.upsertFragment(connection, tenant, new StoredFragment(target.datasetId(), primaryXid, storedBatchId,
                    record.record(), record.time(), now, xids));
            return null;
        }
        // NOTE: an event re-ingested with a new timestamp leaves its old bucket stale until the
        // attribute is evaluated again, because the old time is not read before the replacement.
        data.upsertEvent(connection, tenant, new StoredEvent(target.datasetId(), record.eventId(), primaryXid,
                storedBatchId, record.time(), record.record(), now, xids));
        return new ComputedValues.Touch(primaryXid, record.time());
    }
}
