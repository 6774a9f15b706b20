package io.openprofile.server.jobs;

import java.sql.Connection;
import java.sql.SQLException;

/** Operations a running job may perform on its own row: report progress and complete atomically. */
public interface JobContext {

    /** Records progress; {@code total} may be null when it is not known yet. */
    void progress(long done, Long total);

    /**
     * Marks the job succeeded inside the caller's transaction. Throws when this process no longer
     * holds the lease, which rolls back the caller's transaction so the effect is not applied twice.
     */
    void completeIn(Connection connection) throws SQLException;
}
