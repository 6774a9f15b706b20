package io.openprofile.server.projection;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.StoreException;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Projection destinations of a sandbox. openprofile stores them for clients written for Adobe's edge
 * projections, but has no edge network, so a destination never receives data.
 */
@ApplicationScoped
public class DestinationService {

    private static final Logger LOG = Logger.getLogger(DestinationService.class);

    static final int DEFAULT_TTL_SECONDS = 3600;
    static final int MIN_TTL_SECONDS = 600;
    static final int MAX_TTL_SECONDS = 604_800;
    static final String DEFAULT_REPLICATION_POLICY = "REACTIVE";
    private static final Set<String> TYPES = Set.of("EDGE");
    private static final List<String> DATA_CENTERS = List.of("OR1", "VA5", "NLD1");
    private static final Set<String> REPLICATION_POLICIES = Set.of("PROACTIVE", "REACTIVE");

    private final Database database;
    private final DestinationRepository destinations;
    private final ProjectionRepository projections;
    private final Clock clock;

    DestinationService(Database database, DestinationRepository destinations, ProjectionRepository projections,
            Clock clock) {
        this.database = database;
        this.destinations = destinations;
        this.projections = projections;
        this.clock = clock;
    }

    /** Creates a destination at version 1; a destination with the same type and data centres is a 409. */
    public Destination create(Tenant tenant, DestinationSpec spec) {
        DestinationSpec state = withDefaults(spec);
        Destination created = new Destination(UUID.randomUUID().toString(), state.type(), state.dataCenters(),
                state.ttlSeconds(), state.replicationPolicy(), 1);
        try {
            database.inTransaction(connection -> {
                rejectSame(connection, tenant, state, null);
                destinations.insert(connection, tenant, created, clock.millis());
                return null;
            });
        } catch (StoreException e) {
            throw sameAsConcurrentWrite(tenant, state, null, e);
        }
        LOG.infof("created projection destination %s in %s/%s", created.id(), tenant.orgId(), tenant.sandboxName());
        return created;
    }

    public Destination get(Tenant tenant, String id) {
        return database.inTransaction(connection -> destinations.find(connection, tenant, id))
                .orElseThrow(() -> notFound(id));
    }

    public List<Destination> list(Tenant tenant) {
        return database.inTransaction(connection -> destinations.list(connection, tenant));
    }

    /**
     * Replaces a destination's state if {@code currentVersion} is still its stored version, and increases the
     * version by one. A stale version, or the type and data centres of another destination, is a 409.
     */
    public Destination update(Tenant tenant, String id, DestinationSpec spec, Integer currentVersion) {
        if (currentVersion == null) {
            throw DomainException.missing("currentVersion", "send the version of the destination that you read");
        }
        DestinationSpec state = withDefaults(spec);
        Destination updated;
        try {
            updated = database.inTransaction(connection -> {
                Destination stored = destinations.find(connection, tenant, id).orElseThrow(() -> notFound(id));
                rejectSame(connection, tenant, state, id);
                if (!destinations.update(connection, tenant, id, state, currentVersion, clock.millis())) {
                    throw ProjectionErrors.versionConflict("projection destination", id, stored.version(),
                            currentVersion);
                }
                return destinations.find(connection, tenant, id).orElseThrow();
            });
        } catch (StoreException e) {
            throw sameAsConcurrentWrite(tenant, state, id, e);
        }
        LOG.infof("updated projection destination %s to version %d in %s/%s", id, updated.version(),
                tenant.orgId(), tenant.sandboxName());
        return updated;
    }

    /**
     * Deletes a destination that no projection configuration refers to. The row is locked before the
     * reference check, so a configuration written at the same time either waits and then fails, or blocks
     * the delete.
     */
    public void delete(Tenant tenant, String id) {
        try {
            database.inTransaction(connection -> {
                destinations.findForUpdate(connection, tenant, id).orElseThrow(() -> notFound(id));
                List<String> users = projections.idsUsingDestination(connection, tenant, id);
                if (!users.isEmpty()) {
                    throw ProjectionErrors.destinationInUse(id, users);
                }
                destinations.delete(connection, tenant, id);
                return null;
            });
        } catch (StoreException e) {
            if (e.isForeignKeyViolation()) {
                throw ProjectionErrors.destinationInUse(id, List.of());
            }
            throw e;
        }
        LOG.infof("deleted projection destination %s in %s/%s", id, tenant.orgId(), tenant.sandboxName());
    }

    /** Validates a client-supplied state and fills in the defaults of {@code ttl} and {@code replicationPolicy}. */
    static DestinationSpec withDefaults(DestinationSpec spec) {
        if (spec.type() == null) {
            throw DomainException.missing("type", "the only type is EDGE");
        }
        if (!TYPES.contains(spec.type())) {
            throw DomainException.invalid("type", spec.type(), "must be EDGE");
        }
        List<String> dataCenters = requireDataCenters(spec.dataCenters());
        int ttl = spec.ttlSeconds() == null ? DEFAULT_TTL_SECONDS : spec.ttlSeconds();
        if (ttl < MIN_TTL_SECONDS || ttl > MAX_TTL_SECONDS) {
            throw DomainException.invalid("ttl", ttl, "must be between " + MIN_TTL_SECONDS + " and "
                    + MAX_TTL_SECONDS + " seconds");
        }
        String policy = spec.replicationPolicy() == null ? DEFAULT_REPLICATION_POLICY : spec.replicationPolicy();
        if (!REPLICATION_POLICIES.contains(policy)) {
            throw DomainException.invalid("replicationPolicy", policy, "must be PROACTIVE or REACTIVE");
        }
        return new DestinationSpec(spec.type(), dataCenters, ttl, policy);
    }

    private static List<String> requireDataCenters(List<String> dataCenters) {
        if (dataCenters == null || dataCenters.isEmpty()) {
            throw DomainException.missing("dataCenters", "list at least one of " + DATA_CENTERS);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < dataCenters.size(); i++) {
            String dataCenter = dataCenters.get(i);
            String field = "dataCenters[" + i + "]";
            if (dataCenter == null || !DATA_CENTERS.contains(dataCenter)) {
                throw DomainException.invalid(field, dataCenter, "must be one of " + DATA_CENTERS);
            }
            if (!seen.add(dataCenter)) {
                throw DomainException.invalid(field, dataCenter, "must not repeat a data centre");
            }
        }
        return List.copyOf(dataCenters);
    }

    private void rejectSame(Connection connection, Tenant tenant, DestinationSpec state, String exceptId)
            throws SQLException {
        Optional<Destination> same = destinations.findSame(connection, tenant, state.type(), state.dataCenters(),
                exceptId);
        if (same.isPresent()) {
            throw ProjectionErrors.destinationExists(same.get());
        }
    }

    /**
     * Turns a unique-key violation into the 409 that names the destination with the same type and data
     * centres. Such a violation means that a concurrent write came first. Other store failures pass through.
     */
    private RuntimeException sameAsConcurrentWrite(Tenant tenant, DestinationSpec state, String exceptId,
            StoreException failure) {
        if (!failure.isDuplicateKey()) {
            return failure;
        }
        return database.inTransaction(connection -> destinations.findSame(connection, tenant, state.type(),
                        state.dataCenters(), exceptId))
                .<RuntimeException>map(ProjectionErrors::destinationExists)
                .orElse(failure);
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("projection destination", id);
    }
}
