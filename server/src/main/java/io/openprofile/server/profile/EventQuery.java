package io.openprofile.server.profile;

/**
 * A page request for experience events: a time window (epoch ms, start inclusive, end
 * exclusive, null for open), a direction, a page size and the position after which to continue.
 */
public record EventQuery(Long startTime, Long endTime, boolean descending, int limit, Position after) {

    /** The sort key of the last event of the previous page. */
    public record Position(long eventTime, String datasetId, String eventId, String primaryXid) {
    }
}
