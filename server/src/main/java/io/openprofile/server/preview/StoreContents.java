package io.openprofile.server.preview;

import java.util.List;
import java.util.Map;

/**
 * The catalog facts of one sandbox that a profile report shows next to its counts: dataset names,
 * the datasets that streaming connections write to, and the newest successful batch. Times are
 * epoch milliseconds.
 */
record StoreContents(
        Map<String, DatasetInfo> datasets,
        List<String> streamingDatasets,
        LastBatch lastBatch) {

    /** The newest successful batch of the sandbox; null in {@link StoreContents} when there is none. */
    record LastBatch(String id, long completedAt) {
    }

    /** The parts of a Catalog dataset that the dataset report shows. */
    record DatasetInfo(String name, String description) {
    }
}
