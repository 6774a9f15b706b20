package io.openprofile.server.ingest;

import io.openprofile.server.xdm.RecordError;
import java.util.List;

/** Either a prepared record or the reasons it was rejected. */
public record RecordOutcome(PreparedRecord prepared, List<RecordError> errors) {

    public static RecordOutcome accepted(PreparedRecord prepared) {
        return new RecordOutcome(prepared, List.of());
    }

    public static RecordOutcome rejected(List<RecordError> errors) {
        return new RecordOutcome(null, List.copyOf(errors));
    }

    public boolean isAccepted() {
        return prepared != null;
    }
}
