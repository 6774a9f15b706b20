package io.openprofile.server.health;

import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.logging.Logger;

/**
 * Reports the server ready only while the active database accepts queries and every migration of
 * this build has been applied to it.
 *
 * <p>Until the check first succeeds it loads the pending migrations from Flyway. After that it only
 * looks up the latest version in the schema history table, because Flyway's full check scans the
 * migration scripts and logs a database version warning on every call.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    static final String NAME = "openprofile-store";
    private static final Logger LOG = Logger.getLogger(StoreReadinessCheck.class);

    private final Flyway flyway;
    private final AtomicBoolean lastUp = new AtomicBoolean(true);
    /** Version of the latest migration of this build, known once the full check has succeeded. */
    private volatile String latestVersion;

    /** Uses the Flyway instance of the one data source that configuration made active. */
    StoreReadinessCheck(@Any InjectableInstance<Flyway> flyways) {
        this.flyway = flyways.getActive();
    }

    @Override
    public HealthCheckResponse call() {
        String known = latestVersion;
        HealthCheckResponse response = known == null ? checkMigrations(flyway) : checkHistory(flyway, known);
        boolean up = response.getStatus() == HealthCheckResponse.Status.UP;
        if (up && known == null) {
            latestVersion = (String) response.getData().orElseThrow().get("schemaVersion");
        }
        if (lastUp.getAndSet(up) != up) {
            if (up) {
                LOG.info("store is ready again");
            } else {
                LOG.warnf("store is not ready: %s", response.getData().map(d -> d.get("error")).orElse("unknown"));
            }
        }
        return response;
    }

    /** Loads the applied and pending migrations from Flyway, and reports a failure to read them as DOWN. */
    static HealthCheckResponse checkMigrations(Flyway flyway) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME);
        MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (RuntimeException e) {
            return builder.down().withData("error", "cannot read the schema history: " + e.getMessage()).build();
        }
        MigrationInfo current = info.current();
        int pending = info.pending().length;
        builder.withData("schemaVersion", current == null ? "none" : current.getVersion().toString())
                .withData("pendingMigrations", pending);
        if (current == null || pending > 0) {
            return builder.down()
                    .withData("error", pending + " migrations not applied yet; they run at start-up")
                    .build();
        }
        return builder.up().build();
    }

    /** Checks that the schema history still records {@code version} as applied, with one query. */
    static HealthCheckResponse checkHistory(Flyway flyway, String version) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).withData("schemaVersion", version);
        // Flyway creates the table and its columns with quoted lower-case names on H2 and PostgreSQL.
        String sql = "SELECT COUNT(*) FROM \"" + flyway.getConfiguration().getTable()
                + "\" WHERE \"version\" = ? AND \"success\"";
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, version);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return builder.down()
                            .withData("error", "the schema history no longer records migration " + version)
                            .build();
                }
            }
        } catch (SQLException e) {
            return builder.down().withData("error", "cannot read the schema history: " + e.getMessage()).build();
        }
        return builder.up().withData("pendingMigrations", 0).build();
    }
}
