package io.openprofile.server.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * A link between two identities that appeared in one record, with the datasets whose records
 * carried it. A record links its first identity to each of its other identities, so
 * {@code fromXid} is the first identity of the record that created the link.
 *
 * @param createdAt when the first record with both identities was written, in epoch milliseconds
 * @param sources one entry per dataset that carried the link, the earliest first
 */
public record IdentityLink(String fromXid, String toXid, long createdAt, List<Source> sources) {

    /**
     * One dataset whose records carried a link: the first and the latest batch of it that did
     * (null when only streamed records did, or when the link predates stored batch ids), and when,
     * in epoch milliseconds.
     */
    public record Source(String datasetId, String firstBatchId, String lastBatchId, long firstSeenAt,
            long lastSeenAt) {
    }

    /** One row of a link joined with one of its sources; {@code source} is null when it has none. */
    record Row(String fromXid, String toXid, long createdAt, Source source) {
    }

    /** Returns when the latest record that carried the link was written, in epoch milliseconds. */
    public long lastSeenAt() {
        long latest = createdAt;
        for (Source source : sources) {
            latest = Math.max(latest, source.lastSeenAt());
        }
        return latest;
    }

    /** Folds rows ordered by link into one link each, keeping the order of links and sources. */
    static List<IdentityLink> group(List<Row> rows) {
        List<IdentityLink> links = new ArrayList<>();
        IdentityLink current = null;
        for (Row row : rows) {
            if (current == null || !current.fromXid().equals(row.fromXid()) || !current.toXid().equals(row.toXid())) {
                current = new IdentityLink(row.fromXid(), row.toXid(), row.createdAt(), new ArrayList<>());
                links.add(current);
            }
            if (row.source() != null) {
                current.sources().add(row.source());
            }
        }
        return links;
    }
}
