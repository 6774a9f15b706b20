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
import java.util.Optional;

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
     * computed-attribute buckets that the record changes, which the caller passes on to computed
     * attributes: the event's primary identity and time, and also the time of the event it replaced
     * when that differs. A profile record changes none.
     */
    public List<ComputedValues.Touch> write(Connection connection, Tenant tenant, IngestTarget target, String batchId,
            PreparedRecord record, long now) throws SQLException {
        return write(connection, tenant, target, batchId, batchId, record, now);
    }

    /**
     * Writes one streamed record in the caller's transaction, which must hold the graph lock. The
     * record is stored under {@code streamId}, a pseudo batch id that Catalog does not know, so the identity
     * graph records the dataset as the source of its links but no batch. Returns what
     * {@link #write(Connection, Tenant, IngestTarget, String, PreparedRecord, long)} returns.
     */
    public List<ComputedValues.Touch> writeStreamed(Connection connection, Tenant tenant, IngestTarget target,
            String streamId, PreparedRecord record, long now) throws SQLException {
        return write(connection, tenant, target, streamId, null, record, now);
    }

    private List<ComputedValues.Touch> write(Connection connection, Tenant tenant, IngestTarget target,
            String storedBatchId, String linkBatchId, PreparedRecord record, long now) throws SQLException {
        graph.link(connection, tenant, record.identities(), target.datasetId(), linkBatchId, now);
        List<String> xids = record.identities().stream().map(Xid::of).toList();
        String primaryXid = Xid.of(record.primary());
        if (record.eventId() == null) {
            data.upsertFragment(connection, tenant, new StoredFragment(target.datasetId(), primaryXid, storedBatchId,
                    record.record(), record.time(), now, xids));
            return List.of();
        }
        Optional<Long> replacedTime = data.upsertEvent(connection, tenant, new StoredEvent(target.datasetId(),
                record.eventId(), primaryXid, storedBatchId, record.time(), record.record(), now, xids));
        ComputedValues.Touch touch = new ComputedValues.Touch(primaryXid, record.time());
        if (replacedTime.isEmpty() || replacedTime.get() == record.time()) {
            return List.of(touch);
        }
        // The replaced event leaves the bucket of its old time, which must be recomputed as well.
        return List.of(touch, new ComputedValues.Touch(primaryXid, replacedTime.get()));
    }
}
