package io.openprofile.server.entities;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.identity.NamespaceService;
import io.openprofile.server.merge.FieldSelector;
import io.openprofile.server.merge.Fragment;
import io.openprofile.server.merge.IdentityGraphType;
import io.openprofile.server.merge.MergeEngine;
import io.openprofile.server.mergepolicy.MergePolicyService;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.merge.MergedProfile;
import io.openprofile.server.profile.ProfileDataRepository;
import io.openprofile.server.profile.StoredFragment;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Reads merged profiles and deletes them. */
@ApplicationScoped
public class ProfileLookupService {

    static final String PROFILE_SCHEMA = "_xdm.context.profile";
    private static final Logger LOG = Logger.getLogger(ProfileLookupService.class);

    private final Database database;
    private final PersonResolver persons;
    private final ProfileDataRepository data;
    private final IdentityGraphRepository graph;
    private final MergePolicyService policies;
    private final NamespaceService namespaces;

    ProfileLookupService(Database database, PersonResolver persons, ProfileDataRepository data,
            IdentityGraphRepository graph, MergePolicyService policies, NamespaceService namespaces) {
        this.namespaces = namespaces;
        this.database = database;
        this.persons = persons;
        this.data = data;
        this.graph = graph;
        this.policies = policies;
    }

    /**
     * Returns the merged profile of an entity id, or empty when the identity has no profile data.
     * The result is Adobe's entity object: {@code entityId}, {@code sources}, {@code entity},
     * {@code lastModifiedAt}.
     */
    public Optional<ObjectNode> find(Tenant tenant, String entityId, String shownId, MergePolicy policy,
            FieldSelector fields) {
        Optional<PersonResolver.Person> person = persons.find(tenant, entityId, shownId);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        List<StoredFragment> stored = database.inTransaction(c -> data.findFragments(c, tenant, person.get().xids()));
        List<Fragment> fragments = stored.stream()
                .filter(f -> policy.identityGraph() != IdentityGraphType.NONE || f.carries(entityId))
                .map(f -> new Fragment(f.datasetId(), f.primaryXid(), f.record(), f.recordTime(), f.ingestedAt()))
                .toList();
        if (fragments.isEmpty()) {
            return Optional.empty();
        }
        MergedProfile merged = new MergeEngine(namespaces.resolver(tenant)).merge(fragments, policy);
        if (merged.sources().isEmpty()) {
            // dataset precedence ignores datasets missing from its order, so no fragment took part
            return Optional.empty();
        }
        ObjectNode entity = fields == null ? merged.entity() : fields.select(merged.entity());
        ObjectNode result = Json.object();
        result.put("entityId", entityId);
        result.set("sources", Json.mapper().valueToTree(merged.sources()));
        result.set("entity", entity);
        result.put("lastModifiedAt", Instant.ofEpochMilli(merged.lastModifiedAt()).toString());
        return Optional.of(result);
    }

    /** The entry Adobe returns for a requested identity without data. */
    public static ObjectNode emptyEntry(String entityId) {
        ObjectNode result = Json.object();
        result.put("entityId", entityId);
        result.putArray("sources").add("");
        result.putObject("entity");
        result.put("lastModifiedAt", "1970-01-01T00:00:00Z");
        return result;
    }

    /** Looks up one profile for the GET operation; a missing profile is a 404. */
    public ObjectNode get(Tenant tenant, String schemaName, String entityId, String entityIdNs, String fields,
            String mergePolicyId) {
        requireProfileSchema(schemaName);
        MergePolicy policy = policies.resolve(tenant, mergePolicyId, "mergePolicyId");
        FieldSelector selector = parseFields(fields);
        String xid = persons.entityIdOf(tenant, entityId, entityIdNs, "entityId", "entityIdNS");
        ObjectNode entry = find(tenant, xid, entityId, policy, selector).orElseThrow(() -> persons.notFound(tenant, entityId, entityIdNs));
        ObjectNode response = Json.object();
        response.set(xid, entry);
        return response;
    }

    /**
     * Deletes profile data of an identity. With a stitching policy that is the whole stitched
     * profile: every fragment and event of every linked identity, and the identities themselves.
     * Without stitching it is only the fragments and events that carry the identity, and the graph
     * stays.
     */
    public void delete(Tenant tenant, String schemaName, String entityId, String entityIdNs, String mergePolicyId) {
        requireProfileSchema(schemaName);
        MergePolicy policy = policies.resolve(tenant, mergePolicyId, "mergePolicyId");
        String xid = persons.entityIdOf(tenant, entityId, entityIdNs, "entityId", "entityIdNS");
        PersonResolver.Person person = persons.require(tenant, xid, entityId, entityIdNs);
        if (policy.identityGraph() == IdentityGraphType.NONE) {
            int deleted = database.inTransaction(connection -> data.deleteCarrying(connection, tenant, person.xids(),
                    xid));
            if (deleted == 0) {
                throw persons.notFound(tenant, entityId, entityIdNs);
            }
            LOG.infof("deleted %d records carrying %s in %s/%s", deleted, xid, tenant.orgId(), tenant.sandboxName());
            return;
        }
        database.inTransaction(connection -> {
            graph.lockGraph(connection, tenant);
            data.deleteByIdentities(connection, tenant, person.xids());
            graph.deleteCluster(connection, tenant, person.xids());
            return null;
        });
        LOG.infof("deleted profile of %s with %d identities in %s/%s", xid, person.xids().size(), tenant.orgId(),
                tenant.sandboxName());
    }

    static void requireProfileSchema(String schemaName) {
        if (schemaName == null || schemaName.isBlank()) {
            throw DomainException.missing("schema.name", "use " + PROFILE_SCHEMA + " or "
                    + EventLookupService.EVENT_SCHEMA);
        }
        if (!PROFILE_SCHEMA.equals(schemaName)) {
            throw DomainException.invalid("schema.name", schemaName, "must be " + PROFILE_SCHEMA
                    + " for this operation");
        }
    }

    static FieldSelector parseFields(String fields) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        try {
            return FieldSelector.parse(fields);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("fields", fields, "must be comma-separated XDM paths: " + e.getMessage());
        }
    }
}
