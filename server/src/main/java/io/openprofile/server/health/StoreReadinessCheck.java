package io.openprofile.server.health;

import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
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
 * Reports the server ready only while the active store answers and every migration of this build
 * has been applied to it.
 *
 * <p>Flyway reads its schema history table on every call, so a database that cannot be reached
 * makes the check fail as well.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {

    static final String NAME = "openprofile-store";
    private static final Logger LOG = Logger.getLogger(StoreReadinessCheck.class);

    private final Flyway flyway;
    private final AtomicBoolean lastUp = new AtomicBoolean(true);

    /** Uses the Flyway instance of the one data source that configuration made active. */
    StoreReadinessCheck(@Any InjectableInstance<Flyway> flyways) {
        this.flyway = flyways.getActive();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse response = check(flyway);
        boolean up = response.getStatus() == HealthCheckResponse.Status.UP;
        if (lastUp.getAndSet(up) != up) {
            if (up) {
                LOG.info("store is ready again");
            } else {
                LOG.warnf("store is not ready: %s", response.getData().map(d -> d.get("error")).orElse("unknown"));
            }
        }
        return response;
    }

    /** Checks the schema history that {@code flyway} manages; a failure to read it is reported as DOWN. */
    static HealthCheckResponse check(Flyway flyway) {
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
}
