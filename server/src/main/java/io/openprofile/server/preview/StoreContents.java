package io.openprofile.server.preview;

import java.util.List;
import java.util.Map;

/**
 * The contents of one sandbox that a profile report counts: its identities, fragments, events per
 * identity and dataset, dataset names, and the newest successful batch. Times are epoch milliseconds.
 */
record StoreContents(
        List<Node> nodes,
        List<FragmentRow> fragments,
        List<EventGroup> events,
        Map<String, DatasetInfo> datasets,
        List<String> streamingDatasets,
        LastBatch lastBatch) {

    /** One identity of the graph and the person (cluster) it belongs to. */
    record Node(String xid, String clusterId, String namespaceCode) {
    }

    /** One profile fragment, by its primary identity. */
    record FragmentRow(String primaryXid, String datasetId) {
    }

    /** The events of one primary identity in one dataset: how many, and the newest event time. */
    record EventGroup(String primaryXid, String datasetId, long count, long newestEventTime) {
    }

    /** The newest successful batch of the sandbox; null in {@link StoreContents} when there is none. */
    record LastBatch(String id, long completedAt) {
    }

    /** The parts of a Catalog dataset that the dataset report shows. */
    record DatasetInfo(String name, String description) {
    }
}
