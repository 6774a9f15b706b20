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
}
