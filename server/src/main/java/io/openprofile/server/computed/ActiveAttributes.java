package io.openprofile.server.computed;

import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.SandboxCleared;
import io.openprofile.server.tenancy.SandboxGenerations;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled attributes of each sandbox that profile reads show and that ingestion maintains.
 *
 * <p>Reads use a copy cached for {@value #CACHE_MILLIS} ms, which changes through this process
 * replace at once. NOTE: a change made through another server process on the same database
 * reaches this process's reads up to that long later. A reset of the sandbox through another
 * process is seen sooner, within the check interval of {@link SandboxGenerations}. Ingestion
 * always reads the definitions in its own transaction, so it never misses an attribute.
 */
@ApplicationScoped
public class ActiveAttributes {

    static final long CACHE_MILLIS = 5_000;

    private final Database database;
    private final ComputedAttributeRepository attributes;
    private final Clock clock;
    private final SandboxGenerations generations;
    private final Map<Tenant, Cached> shown = new ConcurrentHashMap<>();
    private final Map<String, EvaluatedAttribute> compiled = new ConcurrentHashMap<>();

    ActiveAttributes(Database database, ComputedAttributeRepository attributes, Clock clock,
            SandboxGenerations generations) {
        this.database = database;
        this.attributes = attributes;
        this.clock = clock;
        this.generations = generations;
    }

    private record Cached(List<EvaluatedAttribute> attributes, long loadedAt, long generation) {
    }

    /** Returns the attributes whose values profile reads show. */
    public List<EvaluatedAttribute> shown(Tenant tenant) {
        long now = clock.millis();
        long generation = generations.current(tenant);
        Cached cached = shown.get(tenant);
        if (cached != null && cached.generation() == generation && now - cached.loadedAt() < CACHE_MILLIS) {
            return cached.attributes();
        }
        List<EvaluatedAttribute> loaded = database.inTransaction(connection -> attributes.findAll(connection, tenant))
                .stream()
                .filter(attribute -> attribute.status().showsValues())
                .map(this::compiled)
                .toList();
        shown.put(tenant, new Cached(loaded, now, generation));
        return loaded;
    }

    /** Returns the attributes that ingestion keeps current, read in the caller's transaction. */
    public List<EvaluatedAttribute> maintained(Connection connection, Tenant tenant) throws SQLException {
        return attributes.findAll(connection, tenant).stream()
                .filter(attribute -> attribute.status().isMaintained())
                .map(this::compiled)
                .toList();
    }

    /** Forgets the cached attributes of a sandbox after a change. */
    public void invalidate(Tenant tenant) {
        shown.remove(tenant);
    }

    /** Compiles an attribute, reusing the compiled form while its expression and duration stay the same. */
    private EvaluatedAttribute compiled(ComputedAttribute attribute) {
        String key = attribute.id() + "|" + attribute.duration() + "|" + attribute.expression();
        EvaluatedAttribute cached = compiled.get(key);
        if (cached != null) {
            return new EvaluatedAttribute(attribute, cached.expression(), cached.lookback(), cached.bucketMillis());
        }
        EvaluatedAttribute evaluated = EvaluatedAttribute.of(attribute);
        if (compiled.size() > 10_000) {
            compiled.clear();
        }
        compiled.put(key, evaluated);
        return evaluated;
    }

    /** Drops the cached attributes of a reset or deleted sandbox. */
    void onSandboxCleared(@Observes SandboxCleared event) {
        invalidate(event.tenant());
    }
}
