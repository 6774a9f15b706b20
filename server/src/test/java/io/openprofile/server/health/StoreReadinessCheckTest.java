package io.openprofile.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store readiness check on a real H2 database with the server's own migrations. */
class StoreReadinessCheckTest {

    @TempDir
    Path dir;

    @Test
    void emptyDatabaseIsNotReady() {
        Flyway flyway = flyway("jdbc:h2:mem:ready-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        HealthCheckResponse response = StoreReadinessCheck.checkMigrations(flyway);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("schemaVersion")).isEqualTo("none");
        assertThat((Long) response.getData().orElseThrow().get("pendingMigrations")).isPositive();
    }

    @Test
    void migratedDatabaseIsReady() {
        Flyway flyway = flyway("jdbc:h2:mem:ready-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway.migrate();

        HealthCheckResponse response = StoreReadinessCheck.checkMigrations(flyway);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow().get("pendingMigrations")).isEqualTo(0L);
        assertThat(response.getData().orElseThrow().get("schemaVersion")).isNotEqualTo("none");
    }

    @Test
    void unreachableDatabaseIsNotReady() {
        // IFEXISTS=TRUE makes H2 reject the connection instead of creating the missing database.
        Flyway flyway = flyway("jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE");

        HealthCheckResponse response = StoreReadinessCheck.checkMigrations(flyway);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) response.getData().orElseThrow().get("error"))
                .startsWith("cannot read the schema history");
    }

    @Test
    void historyWithLatestVersionIsReady() {
        Flyway flyway = flyway("jdbc:h2:mem:ready-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway.migrate();
        String latest = flyway.info().current().getVersion().toString();

        HealthCheckResponse response = StoreReadinessCheck.checkHistory(flyway, latest);

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow().get("schemaVersion")).isEqualTo(latest);
    }

    @Test
    void historyWithoutLatestVersionIsNotReady() {
        Flyway flyway = flyway("jdbc:h2:mem:ready-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        flyway.migrate();

        HealthCheckResponse response = StoreReadinessCheck.checkHistory(flyway, "999");

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) response.getData().orElseThrow().get("error")).contains("999");
    }

    @Test
    void unreachableHistoryIsNotReady() {
        Flyway flyway = flyway("jdbc:h2:file:" + dir.resolve("missing") + ";IFEXISTS=TRUE");

        HealthCheckResponse response = StoreReadinessCheck.checkHistory(flyway, "1");

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat((String) response.getData().orElseThrow().get("error"))
                .startsWith("cannot read the schema history");
    }

    private static Flyway flyway(String url) {
        return Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration")
                .placeholders(Map.of("binary_type", "BLOB", "text_type", "CLOB"))
                .load();
    }
}
