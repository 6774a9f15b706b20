package io.openprofile.server.entities;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.model.EntityIdentity;
import io.openprofile.server.api.model.EntityLookupRequest;
import io.openprofile.server.api.model.NamespaceCode;
import io.openprofile.server.api.model.SchemaName;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorBody;
import io.openprofile.server.merge.FieldSelector;
import io.openprofile.server.mergepolicy.MergePolicyService;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The POST lookup of many identities at once. Each requested identity gets one entry keyed by its
 * entity id (profiles) or by its {@code relatedEntityId} as sent (events). An identity without data
 * gets Adobe's empty entry; an identity that cannot be served (unknown namespace, too large a
 * graph) gets {@code {entityId, error}} and makes the whole response a 207.
 */
@ApplicationScoped
public class BatchLookupService {

    /** Writes next-page payloads without the request's unset (null) properties. */
    private static final com.fasterxml.jackson.databind.ObjectMapper PAYLOAD_MAPPER = Json.mapper().copy()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final ProfileLookupService profiles;
    private final EventLookupService events;
    private final PersonResolver persons;
    private final MergePolicyService policies;
    private final RequestContext context;

    BatchLookupService(ProfileLookupService profiles, EventLookupService events, PersonResolver persons,
            MergePolicyService policies, RequestContext context) {
        this.profiles = profiles;
        this.events = events;
        this.persons = persons;
        this.policies = policies;
        this.context = context;
    }

    /** The keyed body and whether any identity failed. */
    public record Result(ObjectNode body, boolean partial) {
    }

    public Result lookup(Tenant tenant, EntityLookupRequest request) {
        String schemaName = nameOf(request.getSchema());
        if (schemaName == null) {
            throw DomainException.missing("schema.name", "use " + ProfileLookupService.PROFILE_SCHEMA + " or "
                    + EventLookupService.EVENT_SCHEMA);
        }
        String order = Orderings.pick(request.getOrderby(), request.getOrderBy());
        for (int i = 0; i < request.getIdentities().size(); i++) {
            if (request.getIdentities().get(i) == null) {
                throw DomainException.invalid("identities[" + i + "]", "null",
                        "must be an object such as {\"entityId\": \"...\", \"entityIdNS\": {\"code\": \"Email\"}}");
            }
        }
        if (EventLookupService.EVENT_SCHEMA.equals(schemaName)) {
            EventLookupService.requireRelatedSchema(nameOf(request.getRelatedSchema()), "relatedSchema.name");
            MergePolicy policy = policies.resolve(tenant, request.getMergePolicyId(), "mergePolicyId");
            return lookupEvents(tenant, request, order, policy);
        }
        ProfileLookupService.requireProfileSchema(schemaName);
        MergePolicy policy = policies.resolve(tenant, request.getMergePolicyId(), "mergePolicyId");
        FieldSelector fields = request.getFields() == null || request.getFields().isEmpty() ? null
                : ProfileLookupService.parseFields(String.join(",", request.getFields()));
        return lookupProfiles(tenant, request.getIdentities(), policy, fields);
    }

    private Result lookupProfiles(Tenant tenant, List<EntityIdentity> identities, MergePolicy policy,
            FieldSelector fields) {
        ObjectNode body = Json.object();
        boolean partial = false;
        for (int i = 0; i < identities.size(); i++) {
            EntityIdentity identity = identities.get(i);
            String prefix = "identities[" + i + "].";
            try {
                String xid = persons.entityIdOf(tenant, identity.getEntityId(), codeOf(identity.getEntityIdNS()),
                        prefix + "entityId", prefix + "entityIdNS.code");
                body.set(xid, profiles.find(tenant, xid, identity.getEntityId(), policy, fields)
                        .orElseGet(() -> ProfileLookupService.emptyEntry(xid)));
            } catch (DomainException e) {
                partial = true;
                String key = identity.getEntityId() == null ? "identities[" + i + "]" : identity.getEntityId();
                body.set(key, failure(key, e));
            }
        }
        return new Result(body, partial);
    }

    private Result lookupEvents(Tenant tenant, EntityLookupRequest request, String order, MergePolicy policy) {
        ObjectNode body = Json.object();
        boolean partial = false;
        Long startTime = request.getTimeFilter() == null ? null : request.getTimeFilter().getStartTime();
        Long endTime = request.getTimeFilter() == null ? null : request.getTimeFilter().getEndTime();
        List<String> fields = request.getFields() == null ? List.of() : request.getFields();
        for (int i = 0; i < request.getIdentities().size(); i++) {
            EntityIdentity identity = request.getIdentities().get(i);
            String prefix = "identities[" + i + "].";
            String sent = identity.getRelatedEntityId();
            try {
                String entityId = persons.entityIdOf(tenant, sent, codeOf(identity.getRelatedEntityIdNS()),
                        prefix + "relatedEntityId", prefix + "relatedEntityIdNS.code");
                EventPageRequest page = EventLookupService.pageRequest(sent, codeOf(identity.getRelatedEntityIdNS()),
                        entityId, startTime, endTime, order, "orderby", request.getLimit(), List.of(), fields,
                        identity.getStart(), request.getMergePolicyId(), policy.identityGraph());
                EventLookupService.Page result = events.read(tenant, page);
                ObjectNode entry = EventLookupService.pageObject(result, page);
                ObjectNode next = entry.putObject("_links").putObject("next");
                if (result.next() == null) {
                    next.put("href", "");
                } else {
                    next.put("href", "/entities");
                    next.set("payload", nextPayload(request, identity, result.next()));
                }
                body.set(sent, entry);
            } catch (DomainException e) {
                partial = true;
                String key = sent == null ? "identities[" + i + "]" : sent;
                body.set(key, failure(key, e));
            }
        }
        return new Result(body, partial);
    }

    /** Builds the POST body that reads the next page for one identity. */
    private static ObjectNode nextPayload(EntityLookupRequest request, EntityIdentity identity, String cursor) {
        EntityLookupRequest next = new EntityLookupRequest()
                .schema(request.getSchema())
                .relatedSchema(request.getRelatedSchema())
                .fields(request.getFields())
                .mergePolicyId(request.getMergePolicyId())
                .timeFilter(request.getTimeFilter())
                .limit(request.getLimit())
                .orderby(request.getOrderby() != null ? request.getOrderby() : request.getOrderBy())
                .identities(List.of(new EntityIdentity()
                        .relatedEntityId(identity.getRelatedEntityId())
                        .relatedEntityIdNS(identity.getRelatedEntityIdNS())
                        .start(cursor)));
        ObjectNode payload = PAYLOAD_MAPPER.valueToTree(next);
        if (request.getFields() == null || request.getFields().isEmpty()) {
            payload.remove("fields");
        }
        return payload;
    }

    private ObjectNode failure(String key, DomainException e) {
        ObjectNode entry = Json.object();
        entry.put("entityId", key);
        entry.set("error", Json.mapper().valueToTree(ErrorBody.of(e.kind(), e.code(), e.getMessage(), e.field(),
                e.value(), context.requestId(), e.details())));
        return entry;
    }

    private static String nameOf(SchemaName schema) {
        return schema == null || schema.getName() == null || schema.getName().isBlank() ? null : schema.getName();
    }

    private static String codeOf(NamespaceCode namespace) {
        return namespace == null ? null : namespace.getCode();
    }
}
