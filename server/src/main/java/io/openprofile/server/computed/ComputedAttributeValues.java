package io.openprofile.server.computed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The computed-attribute operations that the rest of the server uses: reading a person's values
 * for profile lookups, and keeping the partial aggregates current when events are written or
 * deleted.
 *
 * <p>Lookback windows end at the evaluation time: now, or the fixed instant
 * {@code openprofile.computed-attributes.evaluation-time} when it is set, which lets tests and
 * demonstrations on historical data pick a moment inside the data's period.
 */
@ApplicationScoped
public class ComputedAttributeValues {

    private final Database database;
    private final ActiveAttributes active;
    private final ComputedValues values;
    private final Clock clock;
    private final Optional<Instant> evaluationTime;

    ComputedAttributeValues(Database database, ActiveAttributes active, ComputedValues values, Clock clock,
            @ConfigProperty(name = "openprofile.computed-attributes.evaluation-time") Optional<Instant> evaluationTime) {
        this.database = database;
        this.active = active;
        this.values = values;
        this.clock = clock;
        this.evaluationTime = evaluationTime;
    }

    /** Returns the instant that lookback windows end at. */
    public Instant evaluationTime() {
        return evaluationTime.orElseGet(clock::instant);
    }

    /**
     * Returns the computed values of a person whose events have the primary identities {@code xids},
     * nested under each attribute's path; an empty object when there are none.
     */
    public ObjectNode valuesFor(Tenant tenant, Collection<String> xids) {
        ObjectNode tree = Json.object();
        List<EvaluatedAttribute> shown = active.shown(tenant);
        if (shown.isEmpty() || xids.isEmpty()) {
            return tree;
        }
        Instant now = evaluationTime();
        Map<EvaluatedAttribute, JsonNode> computed = database.inTransaction(
                connection -> values.valuesFor(connection, tenant, shown, xids, now));
        computed.forEach((attribute, value) -> put(tree, attribute.attribute().fieldPath(), value));
        return tree;
    }

    /**
     * Brings the partial aggregates of the written events' buckets up to date, in the writer's
     * transaction, which holds the sandbox's identity graph lock.
     */
    public void eventsWritten(Connection connection, Tenant tenant, Collection<ComputedValues.Touch> touches)
            throws SQLException {
        if (touches.isEmpty()) {
            return;
        }
        List<EvaluatedAttribute> maintained = active.maintained(connection, tenant);
        if (!maintained.isEmpty()) {
            values.refresh(connection, tenant, maintained, touches);
        }
    }

    /** Forgets the partial aggregates of identities whose events were all deleted. */
    public void identitiesDeleted(Connection connection, Tenant tenant, Collection<String> xids) throws SQLException {
        values.forget(connection, tenant, xids);
    }

    /** Rebuilds the partial aggregates of identities after some of their events were deleted. */
    public void eventsDeleted(Connection connection, Tenant tenant, Collection<String> xids) throws SQLException {
        for (EvaluatedAttribute attribute : active.maintained(connection, tenant)) {
            values.rebuild(connection, tenant, attribute, xids);
        }
    }

    private static void put(ObjectNode tree, List<String> path, JsonNode value) {
        ObjectNode parent = tree;
        for (String level : path.subList(0, path.size() - 1)) {
            JsonNode child = parent.get(level);
            parent = child instanceof ObjectNode object ? object : parent.putObject(level);
        }
        parent.set(path.get(path.size() - 1), value);
    }
}
