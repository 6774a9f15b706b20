package io.openprofile.server.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.ComputedAttributeValues;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.identity.IdentityGraphRepository;
import io.openprofile.server.identity.IdentityNode;
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
    private final ComputedAttributeValues computedValues;

    ProfileLookupService(Database database, PersonResolver persons, ProfileDataRepository data,
            IdentityGraphRepository graph, MergePolicyService policies, NamespaceService namespaces,
            ComputedAttributeValues computedValues) {
        this.computedValues = computedValues;
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
     * {@code lastModifiedAt}. Computed attribute values are part of the entity.
     */
    public Optional<ObjectNode> find(Tenant tenant, String entityId, String shownId, MergePolicy policy,
            FieldSelector fields) {
        return find(tenant, entityId, shownId, policy, fields, true);
    }

    /**
     * Like {@link #find(Tenant, String, String, MergePolicy, FieldSelector)}, with computed
     * attribute values only when {@code withComputed} is set. A person with events but no profile
     * records has a profile when a computed attribute has a value for it: its identities and the
     * values, with no sources.
     */
    public Optional<ObjectNode> find(Tenant tenant, String entityId, String shownId, MergePolicy policy,
            FieldSelector fields, boolean withComputed) {
        Optional<PersonResolver.Person> person = persons.find(tenant, entityId, shownId);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        boolean stitched = policy.identityGraph() != IdentityGraphType.NONE;
        List<StoredFragment> stored = database.inTransaction(c -> data.findFragments(c, tenant, person.get().xids()));
        List<Fragment> fragments = stored.stream()
                .filter(f -> stitched || f.carries(entityId))
                .map(f -> new Fragment(f.datasetId(), f.primaryXid(), f.record(), f.recordTime(), f.ingestedAt()))
                .toList();
        // NOTE: without stitching, computed values count the events whose primary identity is the requested one.
        ObjectNode computed = withComputed
                ? computedValues.valuesFor(tenant, stitched ? person.get().xids() : List.of(entityId))
                : Json.object();
        MergedProfile merged = new MergeEngine(namespaces.resolver(tenant)).merge(fragments, policy);
        if (merged.sources().isEmpty() && computed.isEmpty()) {
            // no fragment took part: none exist, or dataset precedence left out every dataset
            return Optional.empty();
        }
        ObjectNode entity = merged.sources().isEmpty() ? identityMapOf(person.get(), stitched, entityId)
                : merged.entity();
        mergeInto(entity, computed);
        ObjectNode result = Json.object();
        result.put("entityId", entityId);
        result.set("sources", Json.mapper().valueToTree(merged.sources()));
        result.set("entity", fields == null ? entity : fields.select(entity));
        result.put("lastModifiedAt", Instant.ofEpochMilli(merged.lastModifiedAt()).toString());
        return Optional.of(result);
    }

    /** Builds the {@code identityMap} of a person that has no profile records. */
    private static ObjectNode identityMapOf(PersonResolver.Person person, boolean stitched, String entityId) {
        ObjectNode entity = Json.object();
        ObjectNode identityMap = entity.putObject("identityMap");
        for (IdentityNode node : person.identities()) {
            if (stitched || node.xid().equals(entityId)) {
                identityMap.withArray(node.namespaceCode()).addObject().put("id", node.value());
            }
        }
        return entity;
    }

    /** Copies {@code source} into {@code target}, merging objects field by field; source values win. */
    public static void mergeInto(ObjectNode target, ObjectNode source) {
        source.fields().forEachRemaining(field -> {
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue() instanceof ObjectNode nested) {
                mergeInto(object, nested);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        });
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
            String mergePolicyId, boolean withComputed) {
        requireProfileSchema(schemaName);
        MergePolicy policy = policies.resolve(tenant, mergePolicyId, "mergePolicyId");
        FieldSelector selector = parseFields(fields);
        String xid = persons.entityIdOf(tenant, entityId, entityIdNs, "entityId", "entityIdNS");
        ObjectNode entry = find(tenant, xid, entityId, policy, selector, withComputed).orElseThrow(() -> persons.notFound(tenant, entityId, entityIdNs));
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
            int deleted = database.inTransaction(connection -> {
                graph.lockGraph(connection, tenant);
                int count = data.deleteCarrying(connection, tenant, person.xids(), xid);
                computedValues.eventsDeleted(connection, tenant, person.xids());
                return count;
            });
            if (deleted == 0) {
                throw persons.notFound(tenant, entityId, entityIdNs);
            }
            LOG.infof("deleted %d records carrying %s in %s/%s", deleted, xid, tenant.orgId(), tenant.sandboxName());
            return;
        }
        database.inTransaction(connection -> {
            graph.lockGraph(connection, tenant);
            data.deleteByIdentities(connection, tenant, person.xids());
            computedValues.identitiesDeleted(connection, tenant, person.xids());
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
