package io.openprofile.server.ingest;

import java.io.IOException;

/** A layout-specific way of pulling the next item out of an input file. */
interface RecordSource {

    /** Returns the next item, or {@code null} when the input is exhausted. */
    ReadResult next() throws IOException;
}
