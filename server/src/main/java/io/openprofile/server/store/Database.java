package io.openprofile.server.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs units of JDBC work on the active data source, each in its own transaction.
 *
 * <p>This is the only entry point to the database: repositories pass a lambda and never manage
 * connections themselves, so a unit either commits as a whole or leaves nothing behind.
 */
@ApplicationScoped
public class Database {

    /** One unit of work on a connection whose transaction the caller does not manage. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    /** Uses the one data source that configuration made active: the embedded H2 or PostgreSQL. */
    Database(@Any InjectableInstance<AgroalDataSource> dataSources) {
        this.dataSource = dataSources.getActive();
    }

    /** Runs {@code work} in one transaction and commits it, or rolls it back on any exception. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /**
     * Opens a read-only transaction at REPEATABLE READ isolation. On PostgreSQL and on H2 (a
     * multi-version store) every query of it sees the data as committed when its first query ran,
     * so a long walk in several steps reads one consistent state while other transactions commit.
     * The caller must close it; it holds one pooled connection until then.
     */
    public Snapshot openSnapshot() {
        try {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                return new Snapshot(connection);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A read-only transaction that sees one consistent state of the database; see {@link #openSnapshot}. */
    public static final class Snapshot implements AutoCloseable {

        private final Connection connection;

        private Snapshot(Connection connection) {
            this.connection = connection;
        }

        /** Runs read-only {@code work} in this snapshot's transaction. */
        public <T> T read(Work<T> work) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        /** Ends the transaction and returns the connection to the pool with its usual settings. */
        @Override
        public void close() {
            try (connection) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }
}
