package io.openprofile.server.tenancy;

import io.openprofile.server.store.Database;
import io.openprofile.server.store.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reset counters of sandboxes, stored in the database so that every server process on it sees
 * them. Per-sandbox caches record the generation they read before loading and reload when it
 * changed. This process reads a sandbox's generation at most once per
 * {@code openprofile.sandboxes.generation-check-interval}, so a reset made through another
 * process reaches its caches within that interval. A reset made here fires {@link SandboxCleared},
 * which drops the remembered value at once.
 */
@ApplicationScoped
public class SandboxGenerations {

    private final Database database;
    private final Clock clock;
    private final long checkIntervalMillis;
    private final Map<Tenant, Checked> checked = new ConcurrentHashMap<>();

    private record Checked(long generation, long checkedAt) {
    }

    SandboxGenerations(Database database, Clock clock,
            @ConfigProperty(name = "openprofile.sandboxes.generation-check-interval") Duration checkInterval) {
        this.database = database;
        this.clock = clock;
        this.checkIntervalMillis = checkInterval.toMillis();
    }

    /**
     * Returns the sandbox's generation as read from the database at most one check interval ago:
     * 0 for a sandbox never reset, one more after each reset or delete. A value read earlier is
     * never larger than the stored one, so a cache tagged with it is reloaded at the latest one
     * interval after the next check.
     */
    public long current(Tenant tenant) {
        long now = clock.millis();
        Checked last = checked.get(tenant);
        if (last != null && now - last.checkedAt() < checkIntervalMillis) {
            return last.generation();
        }
        long generation = database.inTransaction(connection -> read(connection, tenant));
        checked.put(tenant, new Checked(generation, now));
        return generation;
    }

    /** Increments the sandbox's generation in the caller's transaction, the one that resets or deletes it. */
    public void advance(Connection connection, Tenant tenant) throws SQLException {
        int updated = Sql.update(connection, "UPDATE sandbox_generation SET generation = generation + 1 "
                + "WHERE org_id = ? AND sandbox_name = ?", tenant.orgId(), tenant.sandboxName());
        if (updated == 0) {
            Sql.update(connection, "INSERT INTO sandbox_generation (org_id, sandbox_name, generation) "
                    + "VALUES (?, ?, 1)", tenant.orgId(), tenant.sandboxName());
        }
    }

    private static long read(Connection connection, Tenant tenant) throws SQLException {
        return Sql.queryOne(connection, "SELECT generation FROM sandbox_generation WHERE org_id = ? "
                + "AND sandbox_name = ?", row -> row.getLong(1), tenant.orgId(), tenant.sandboxName()).orElse(0L);
    }

    /** Forgets the value read for a sandbox that this process just reset, so the next call reads the new one. */
    void onSandboxCleared(@Observes SandboxCleared event) {
        checked.remove(event.tenant());
    }
}
