package io.openprofile.server.systemjob;

/** Kind of data a delete request removes, named as Adobe's {@code requestType}. */
public enum DeleteRequestType {
    /** Every profile fragment and experience event of a dataset. */
    TRUNCATE_DATASET,
    /** The experience events of one batch. */
    DELETE_EE_BATCH
}
