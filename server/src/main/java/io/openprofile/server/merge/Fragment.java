package io.openprofile.server.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One dataset's record about a person, as stored for merging.
 *
 * @param datasetId dataset the record was ingested into
 * @param key key of the record, unique within the dataset, such as the key of its primary identity
 * @param record the normalized record
 * @param recordTime when the record's data was last updated, in epoch milliseconds (see {@link RecordTimes})
 * @param ingestedAt when openprofile stored the record, in epoch milliseconds
 */
public record Fragment(String datasetId, String key, ObjectNode record, long recordTime, long ingestedAt) {

    public Fragment {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(record, "record");
    }
}
