package io.openprofile.server.projection;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.merge.FieldSelector;
import io.openprofile.server.mergepolicy.MergePolicyService;
import io.openprofile.server.schema.XdmClasses;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.StoreException;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Projection configurations of a sandbox: which profile fields a destination would receive. openprofile
 * validates and stores them, but projects nothing, so no read of profile data depends on them.
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    /**
     * The only class whose configurations are accepted. A projection masks merged entities, and openprofile
     * merges only profiles; experience events are never merged.
     */
    static final String PROJECTABLE_CLASS = XdmClasses.PROFILE.altId();

    private final Database database;
    private final ProjectionRepository projections;
    private final DestinationRepository destinations;
    private final MergePolicyService policies;
    private final Clock clock;

    ProjectionService(Database database, ProjectionRepository projections, DestinationRepository destinations,
            MergePolicyService policies, Clock clock) {
        this.database = database;
        this.projections = projections;
        this.destinations = destinations;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Creates a configuration at version 1. {@code currentVersion} is only checked to be at least 1, because
     * Adobe's clients send it on create too.
     */
    public ProjectionWithDestination create(Tenant tenant, String schemaName, ProjectionSpec spec,
            Integer currentVersion) {
        requireProjectableClass(schemaName);
        requireValidVersion(currentVersion);
        ProjectionSpec state = validate(tenant, spec);
        Projection created = new Projection(UUID.randomUUID().toString(), schemaName, state.name(),
                state.selector(), state.destinationId(), state.mergePolicyId(), 1);
        ProjectionWithDestination result;
        try {
            result = database.inTransaction(connection -> {
                Destination destination = lockDestination(connection, tenant, state.destinationId());
                policies.lockExisting(connection, tenant, state.mergePolicyId(), "mergePolicyId");
                rejectTakenName(connection, tenant, schemaName, state.name(), null);
                projections.insert(connection, tenant, created, clock.millis());
                return new ProjectionWithDestination(created, destination);
            });
        } catch (StoreException e) {
            throw translate(e, schemaName, state);
        }
        LOG.infof("created projection configuration %s for destination %s in %s/%s", created.id(),
                created.destinationId(), tenant.orgId(), tenant.sandboxName());
        return result;
    }

    public ProjectionWithDestination get(Tenant tenant, String id) {
        return database.inTransaction(connection -> {
            Projection projection = projections.find(connection, tenant, id).orElseThrow(() -> notFound(id));
            Destination destination = destinations.find(connection, tenant, projection.destinationId())
                    .orElseThrow();
            return new ProjectionWithDestination(projection, destination);
        });
    }

    /**
     * Lists configurations in creation order, optionally of one class and with one name. A name filter needs
     * the class, because names are unique only within a class.
     */
    public List<ProjectionWithDestination> list(Tenant tenant, String schemaName, String name) {
        if (schemaName != null) {
            requireProjectableClass(schemaName);
        } else if (name != null) {
            throw DomainException.missing("schemaName",
                    "a name filter needs schemaName, because names are unique only within one XDM class");
        }
        return database.inTransaction(connection -> {
            Map<String, Destination> byId = destinations.list(connection, tenant).stream()
                    .collect(Collectors.toMap(Destination::id, Function.identity()));
            return projections.list(connection, tenant, schemaName, name).stream()
                    .map(projection -> new ProjectionWithDestination(projection, byId.get(projection.destinationId())))
                    .toList();
        });
    }

    /**
     * Replaces a configuration's selector, destination, name and merge policy if {@code currentVersion} is
     * still its stored version, and increases the version by one. Absent {@code currentVersion} means 1,
     * Adobe's documented default.
     */
    public ProjectionWithDestination update(Tenant tenant, String id, ProjectionSpec spec, Integer currentVersion) {
        requireValidVersion(currentVersion);
        int expectedVersion = currentVersion == null ? 1 : currentVersion;
        ProjectionSpec state = validate(tenant, spec);
        ProjectionWithDestination result;
        try {
            result = database.inTransaction(connection -> {
                Projection stored = projections.find(connection, tenant, id).orElseThrow(() -> notFound(id));
                Destination destination = lockDestination(connection, tenant, state.destinationId());
                policies.lockExisting(connection, tenant, state.mergePolicyId(), "mergePolicyId");
                rejectTakenName(connection, tenant, stored.schemaName(), state.name(), id);
                if (!projections.update(connection, tenant, id, state, expectedVersion, clock.millis())) {
                    throw ProjectionErrors.versionConflict("projection configuration", id, stored.version(),
                            expectedVersion);
                }
                return new ProjectionWithDestination(projections.find(connection, tenant, id).orElseThrow(),
                        destination);
            });
        } catch (StoreException e) {
            throw translate(e, PROJECTABLE_CLASS, state);
        }
        LOG.infof("updated projection configuration %s to version %d in %s/%s", id, result.projection().version(),
                tenant.orgId(), tenant.sandboxName());
        return result;
    }

    public void delete(Tenant tenant, String id) {
        boolean deleted = database.inTransaction(connection -> projections.delete(connection, tenant, id));
        if (!deleted) {
            throw notFound(id);
        }
        LOG.infof("deleted projection configuration %s in %s/%s", id, tenant.orgId(), tenant.sandboxName());
    }

    /**
     * Validates a client-supplied state: the selector must parse as {@code fields} does, and the merge policy
     * must exist. Returns the state with the merge policy resolved, the default when none was given.
     */
    ProjectionSpec validate(Tenant tenant, ProjectionSpec spec) {
        String selector = spec.selector();
        if (selector == null || selector.isEmpty()) {
            throw DomainException.missing("selector", "list the profile fields to project, such as "
                    + "emails,person(firstName)");
        }
        try {
            FieldSelector.parse(selector, "selector");
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("selector", selector,
                    "must be comma-separated XDM paths: " + e.getMessage());
        }
        if (spec.destinationId() == null || spec.destinationId().isBlank()) {
            throw DomainException.missing("destinationId", "name a projection destination of this sandbox");
        }
        if (spec.name() != null && spec.name().isBlank()) {
            throw DomainException.invalid("name", spec.name(), "must not be blank; omit it to leave the "
                    + "configuration unnamed");
        }
        String mergePolicyId = policies.resolve(tenant, spec.mergePolicyId(), "mergePolicyId").id();
        return new ProjectionSpec(selector, spec.destinationId(), spec.name(), mergePolicyId);
    }

    private static void requireProjectableClass(String schemaName) {
        if (schemaName == null || schemaName.isBlank()) {
            throw DomainException.missing("schemaName", "use " + PROJECTABLE_CLASS);
        }
        if (!PROJECTABLE_CLASS.equals(schemaName)) {
            throw DomainException.invalid("schemaName", schemaName, "must be " + PROJECTABLE_CLASS
                    + ", the only XDM class whose merged entities can be projected");
        }
    }

    private static void requireValidVersion(Integer currentVersion) {
        if (currentVersion != null && currentVersion < 1) {
            throw DomainException.invalid("currentVersion", currentVersion, "must be at least 1");
        }
    }

    private Destination lockDestination(Connection connection, Tenant tenant, String destinationId)
            throws SQLException {
        return destinations.findForUpdate(connection, tenant, destinationId)
                .orElseThrow(() -> ProjectionErrors.destinationNotFound(destinationId));
    }

    private void rejectTakenName(Connection connection, Tenant tenant, String schemaName, String name,
            String exceptId) throws SQLException {
        if (name != null && projections.findByName(connection, tenant, schemaName, name, exceptId).isPresent()) {
            throw ProjectionErrors.projectionExists(schemaName, name);
        }
    }

    /**
     * Turns a key violation into the error that the checks before the write would have raised. Such a
     * violation means that a concurrent write came first. Other store failures pass through.
     */
    private static RuntimeException translate(StoreException failure, String schemaName, ProjectionSpec state) {
        if (failure.isDuplicateKey() && state.name() != null) {
            return ProjectionErrors.projectionExists(schemaName, state.name());
        }
        if (failure.isForeignKeyViolation()) {
            return ProjectionErrors.destinationNotFound(state.destinationId());
        }
        return failure;
    }

    private static DomainException notFound(String id) {
        return DomainException.notFound("projection configuration", id);
    }
}
