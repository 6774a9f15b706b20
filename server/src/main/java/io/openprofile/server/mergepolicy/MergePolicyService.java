package io.openprofile.server.mergepolicy;

import io.openprofile.server.catalog.DatasetRepository;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.merge.AttributeMergeType;
import io.openprofile.server.merge.IdentityGraphType;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.StoreException;
import io.openprofile.server.tenancy.SandboxCleared;
import io.openprofile.server.tenancy.SandboxGenerations;
import io.openprofile.server.tenancy.SandboxMarks;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The merge policies of each sandbox and the rules that span them: at most one default policy per
 * schema class, at most one policy active on edge, and at most a configured number of policies.
 * Every change locks the sandbox's policies first, so the rules also hold under concurrent
 * requests. A sandbox gets the system default policy {@value MergePolicy#SYSTEM_DEFAULT_ID} the
 * first time its policies are used.
 */
@ApplicationScoped
public class MergePolicyService {

    private static final Logger LOG = Logger.getLogger(MergePolicyService.class);
    private static final int MAX_NAME_LENGTH = 256;

    private final Database database;
    private final MergePolicyRepository policies;
    private final DatasetRepository datasets;
    private final Clock clock;
    private final int maxPerSandbox;
    private final SandboxMarks initialized;

    MergePolicyService(Database database, MergePolicyRepository policies, DatasetRepository datasets, Clock clock,
            SandboxGenerations generations,
            @ConfigProperty(name = "openprofile.merge-policies.max-per-sandbox") int maxPerSandbox) {
        this.database = database;
        this.policies = policies;
        this.datasets = datasets;
        this.clock = clock;
        this.maxPerSandbox = maxPerSandbox;
        this.initialized = new SandboxMarks(generations);
    }

    /** A page of policies and the cursor of the next page, null on the last page. */
    public record Page(List<MergePolicy> policies, int totalCount, String next) {
    }

    /**
     * Returns the policy that a lookup uses: the sandbox's default policy for profiles when
     * {@code id} is absent, else the policy with that id. Both failures are a 422 naming
     * {@code field}, never a fallback to another policy.
     */
    public MergePolicy resolve(Tenant tenant, String id, String field) {
        initialize(tenant);
        if (id == null || id.isBlank()) {
            return database.inTransaction(c -> policies.findDefault(c, tenant, MergePolicy.PROFILE_SCHEMA))
                    .orElseThrow(() -> new DomainException(ErrorKind.UNPROCESSABLE, "NO_DEFAULT_MERGE_POLICY",
                            "sandbox '" + tenant.sandboxName() + "' has no default merge policy for "
                                    + MergePolicy.PROFILE_SCHEMA + "; pass " + field
                                    + " or make a policy default", field, null));
        }
        return database.inTransaction(c -> policies.find(c, tenant, id))
                .orElseThrow(() -> new DomainException(ErrorKind.UNPROCESSABLE, "MERGE_POLICY_NOT_FOUND",
                        field + " '" + id + "' is not a merge policy of sandbox '" + tenant.sandboxName()
                                + "'; omit it to use the default policy", field, id));
    }

    /**
     * Takes the sandbox's policy lock in the caller's transaction and checks that policy {@code id}
     * still exists, so that a policy cannot be deleted while something that names it is stored.
     * A missing policy is a 422 naming {@code field}.
     */
    public void lockExisting(Connection connection, Tenant tenant, String id, String field) throws SQLException {
        policies.lock(connection, tenant);
        if (policies.find(connection, tenant, id).isEmpty()) {
            throw new DomainException(ErrorKind.UNPROCESSABLE, "MERGE_POLICY_NOT_FOUND", field + " '" + id
                    + "' is not a merge policy of sandbox '" + tenant.sandboxName() + "'", field, id);
        }
    }

    /** Returns one policy; an unknown id is a 404. */
    public MergePolicy get(Tenant tenant, String id) {
        initialize(tenant);
        return database.inTransaction(c -> policies.find(c, tenant, id)).orElseThrow(() -> notFound(tenant, id));
    }

    /** Returns the policies of {@code ids} that exist, keyed by id. */
    public Map<String, MergePolicy> findAll(Tenant tenant, List<String> ids) {
        initialize(tenant);
        Map<String, MergePolicy> found = new LinkedHashMap<>();
        database.inTransaction(c -> policies.findAll(c, tenant, new HashSet<>(ids)))
                .forEach(policy -> found.put(policy.id(), policy));
        return found;
    }

    /** Lists the policies that match {@code filter}, sorted by name and then id. */
    public Page list(Tenant tenant, MergePolicyFilter filter, String start, boolean descending, int limit) {
        if (limit < 1 || limit > 100) {
            throw DomainException.invalid("limit", limit, "must be between 1 and 100");
        }
        MergePolicyCursor after = start == null || start.isBlank() ? null : MergePolicyCursor.decode(start);
        initialize(tenant);
        return database.inTransaction(c -> {
            List<MergePolicy> rows = policies.list(c, tenant, filter, after, descending, limit + 1);
            int total = policies.count(c, tenant, filter);
            if (rows.size() <= limit) {
                return new Page(rows, total, null);
            }
            List<MergePolicy> page = rows.subList(0, limit);
            MergePolicy last = page.get(limit - 1);
            return new Page(List.copyOf(page), total, new MergePolicyCursor(last.name(), last.id()).encode());
        });
    }

    /** Creates a policy; see the class comment for the rules it must satisfy. */
    public MergePolicy create(Tenant tenant, MergePolicyDraft draft) {
        initialize(tenant);
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        MergePolicy created = write(tenant, connection -> {
            // Validate first, so that an invalid request gets its own error even in a full sandbox.
            MergePolicy policy = validate(connection, tenant, id, draft, draft.name() == null ? id : draft.name(), 1,
                    now);
            int count = policies.count(connection, tenant, new MergePolicyFilter(null, null, null, null, null, null));
            if (count >= maxPerSandbox) {
                throw new DomainException(ErrorKind.UNPROCESSABLE, "MERGE_POLICY_LIMIT_REACHED",
                        "sandbox '" + tenant.sandboxName() + "' already has " + count + " merge policies and the "
                                + "maximum is " + maxPerSandbox + " (openprofile.merge-policies.max-per-sandbox); "
                                + "delete a policy first", null, null);
            }
            policies.insert(connection, tenant, policy, now, now);
            return policy;
        });
        LOG.infof("created merge policy %s (%s, %s) in %s/%s", created.id(), created.identityGraph().apiValue(),
                created.attributeMerge().apiValue(), tenant.orgId(), tenant.sandboxName());
        return created;
    }

    /**
     * Replaces the client-set fields of a policy. A non-null {@code expectedVersion} must be the
     * current version, else the request is a 409.
     */
    public MergePolicy replace(Tenant tenant, String id, MergePolicyDraft draft, Integer expectedVersion) {
        initialize(tenant);
        return write(tenant, connection -> {
            MergePolicy current = policies.find(connection, tenant, id).orElseThrow(() -> notFound(tenant, id));
            return store(connection, tenant, current, draft, expectedVersion);
        });
    }

    /** Applies PATCH operations to a policy; all of them are stored together or none. */
    public MergePolicy patch(Tenant tenant, String id, List<MergePolicyPatch.Operation> operations) {
        initialize(tenant);
        return write(tenant, connection -> {
            MergePolicy current = policies.find(connection, tenant, id).orElseThrow(() -> notFound(tenant, id));
            MergePolicyPatch.Result patched = MergePolicyPatch.apply(current, operations);
            return store(connection, tenant, current, patched.draft(), patched.expectedVersion());
        });
    }

    /** Deletes a policy. A policy active on edge or used by an edge projection is a 409. */
    public void delete(Tenant tenant, String id) {
        initialize(tenant);
        write(tenant, connection -> {
            MergePolicy current = policies.find(connection, tenant, id).orElseThrow(() -> notFound(tenant, id));
            if (current.activeOnEdge()) {
                throw new DomainException(ErrorKind.CONFLICT, "MERGE_POLICY_ACTIVE_ON_EDGE",
                        "merge policy '" + id + "' is active on edge and cannot be deleted; set isActiveOnEdge to "
                                + "false first", "mergePolicyId", id);
            }
            Optional<String> projection = policies.findProjectionUsing(connection, tenant, id);
            if (projection.isPresent()) {
                throw new DomainException(ErrorKind.CONFLICT, "MERGE_POLICY_IN_USE", "merge policy '" + id
                        + "' is used by edge projection '" + projection.get() + "'; change or delete the projection "
                        + "first", "mergePolicyId", id);
            }
            policies.delete(connection, tenant, id);
            return current;
        });
        LOG.infof("deleted merge policy %s in %s/%s", id, tenant.orgId(), tenant.sandboxName());
    }

    private MergePolicy store(Connection connection, Tenant tenant, MergePolicy current, MergePolicyDraft draft,
            Integer expectedVersion) throws SQLException {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw staleVersion(current, expectedVersion);
        }
        long now = clock.millis();
        String name = draft.name() == null ? current.name() : draft.name();
        MergePolicy updated = validate(connection, tenant, current.id(), draft, name, current.version() + 1, now);
        if (!policies.update(connection, tenant, updated, current.version(), now)) {
            throw staleVersion(current, current.version());
        }
        return updated;
    }

    /**
     * Checks a draft against the sandbox's other policies and datasets and returns the policy it
     * describes. Making the policy default clears the previous default of its class here too.
     */
    private MergePolicy validate(Connection connection, Tenant tenant, String id, MergePolicyDraft draft, String name,
            int version, long now) throws SQLException {
        requireName(name);
        Optional<MergePolicy> sameName = policies.findByName(connection, tenant, name);
        if (sameName.isPresent() && !sameName.get().id().equals(id)) {
            throw new DomainException(ErrorKind.CONFLICT, "MERGE_POLICY_NAME_TAKEN", "name '" + name
                    + "' is already used by merge policy '" + sameName.get().id() + "'; choose another name",
                    "name", name);
        }
        if (draft.schemaName() == null || draft.schemaName().isBlank()) {
            throw DomainException.missing("schema.name", "use " + MergePolicy.PROFILE_SCHEMA);
        }
        if (!MergePolicy.PROFILE_SCHEMA.equals(draft.schemaName())) {
            throw DomainException.invalid("schema.name", draft.schemaName(),
                    "must be " + MergePolicy.PROFILE_SCHEMA + ", the only class openprofile merges");
        }
        IdentityGraphType graph = parseGraph(draft.identityGraph());
        AttributeMergeType attributeMerge = parseAttributeMerge(draft.attributeMerge());
        List<String> order = draft.datasetOrder() == null ? List.of() : draft.datasetOrder();
        requireValidOrder(connection, tenant, attributeMerge, order);
        boolean makeDefault = Boolean.TRUE.equals(draft.defaultPolicy());
        boolean activeOnEdge = Boolean.TRUE.equals(draft.activeOnEdge());
        if (activeOnEdge) {
            Optional<MergePolicy> edge = policies.findActiveOnEdge(connection, tenant);
            if (edge.isPresent() && !edge.get().id().equals(id)) {
                throw new DomainException(ErrorKind.CONFLICT, "EDGE_MERGE_POLICY_EXISTS", "merge policy '"
                        + edge.get().id() + "' is already active on edge and a sandbox has at most one; set its "
                        + "isActiveOnEdge to false first", "isActiveOnEdge", "true");
            }
        }
        if (makeDefault) {
            policies.clearDefault(connection, tenant, draft.schemaName(), id, now);
        }
        return new MergePolicy(id, name, draft.schemaName(), graph, attributeMerge, order, makeDefault, activeOnEdge,
                version, now / 1000);
    }

    private void requireValidOrder(Connection connection, Tenant tenant, AttributeMergeType attributeMerge,
            List<String> order) throws SQLException {
        if (attributeMerge == AttributeMergeType.DATASET_PRECEDENCE && order.isEmpty()) {
            throw DomainException.missing("attributeMerge.order",
                    "dataSetPrecedence needs the dataset ids in priority order, highest first");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            String datasetId = order.get(i);
            String field = "attributeMerge.order[" + i + "]";
            if (datasetId == null || datasetId.isBlank()) {
                throw DomainException.invalid(field, datasetId, "must be a dataset id");
            }
            if (!seen.add(datasetId)) {
                throw DomainException.invalid(field, datasetId, "occurs more than once; list each dataset once");
            }
            if (attributeMerge == AttributeMergeType.DATASET_PRECEDENCE
                    && datasets.find(connection, tenant, datasetId).isEmpty()) {
                throw DomainException.invalid(field, datasetId,
                        "must be a dataset of sandbox '" + tenant.sandboxName() + "'");
            }
        }
    }

    private static void requireName(String name) {
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("name", name, "must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < name.length()
                    && Character.isLowSurrogate(name.charAt(i + 1));
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !pairedHigh
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(name.charAt(i - 1)))) {
                throw DomainException.invalid("name", name, "must not contain control characters or unpaired "
                        + "UTF-16 surrogates (character " + (i + 1) + ")");
            }
        }
    }

    static IdentityGraphType parseGraph(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.missing("identityGraph.type", "use none or pdg");
        }
        try {
            return IdentityGraphType.fromApiValue(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("identityGraph.type", value, "must be none or pdg");
        }
    }

    static AttributeMergeType parseAttributeMerge(String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.missing("attributeMerge.type", "use timestampOrdered or dataSetPrecedence");
        }
        try {
            return AttributeMergeType.fromApiValue(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("attributeMerge.type", value, "must be timestampOrdered or dataSetPrecedence");
        }
    }

    /**
     * Runs a change of the sandbox's policies in one transaction that holds the sandbox's policy
     * lock. A name taken by a concurrent request surfaces as a duplicate key and becomes a 409.
     */
    private MergePolicy write(Tenant tenant, Database.Work<MergePolicy> change) {
        try {
            return database.inTransaction(connection -> {
                policies.lock(connection, tenant);
                return change.run(connection);
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw new DomainException(ErrorKind.CONFLICT, "MERGE_POLICY_NAME_TAKEN",
                        "another merge policy with the same name was stored at the same time; choose another name",
                        "name", null);
            }
            throw e;
        }
    }

    /**
     * Creates the sandbox's system default policy the first time its policies are used, and again
     * after a reset through any process.
     */
    private void initialize(Tenant tenant) {
        OptionalLong generation = initialized.unmarked(tenant);
        if (generation.isEmpty()) {
            return;
        }
        try {
            database.inTransaction(connection -> {
                if (!policies.isInitialized(connection, tenant)) {
                    long now = clock.millis();
                    policies.markInitialized(connection, tenant, now);
                    policies.insert(connection, tenant, MergePolicy.systemDefault(now / 1000), now, now);
                    LOG.infof("created the system default merge policy of %s/%s", tenant.orgId(),
                            tenant.sandboxName());
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            // another request initialized the same sandbox at the same time
        }
        initialized.mark(tenant, generation.getAsLong());
    }

    private static DomainException notFound(Tenant tenant, String id) {
        return new DomainException(ErrorKind.NOT_FOUND, "MERGE_POLICY_NOT_FOUND",
                "merge policy '" + id + "' does not exist in sandbox '" + tenant.sandboxName() + "'", "mergePolicyId",
                id);
    }

    private static DomainException staleVersion(MergePolicy current, int expected) {
        return new DomainException(ErrorKind.CONFLICT, "STALE_VERSION", "version " + expected + " of merge policy '"
                + current.id() + "' is stale, the current version is " + current.version()
                + "; read the policy again and retry", "version", Integer.toString(expected));
    }

    /** Forgets that a reset or deleted sandbox has its system default policy, so it is created again. */
    void onSandboxCleared(@Observes SandboxCleared event) {
        initialized.forget(event.tenant());
    }
}
