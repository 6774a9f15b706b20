package io.openprofile.server.store;

import java.sql.SQLException;

/** An unexpected database failure; mapped to a 500 response without its details. */
public class StoreException extends RuntimeException {

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** Returns true when the failure is a unique or primary key violation (SQLSTATE 23505). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
    }

    /**
     * Returns true when the failure is a foreign key violation (SQLSTATE 23503): a row refers to a row that
     * does not exist, or a deleted row is still referred to.
     */
    public boolean isForeignKeyViolation() {
        return getCause() instanceof SQLException sql && "23503".equals(sql.getSQLState());
    }
}
