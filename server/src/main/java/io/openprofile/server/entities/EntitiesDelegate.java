package io.openprofile.server.entities;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.EntitiesApi;
import io.openprofile.server.api.model.EntityLookupRequest;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.tenancy.RequestContext;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Profile Access: profile and experience-event lookups, batch lookups, and profile deletion. */
public class EntitiesDelegate implements EntitiesApi {

    /** 207 Multi-Status, which the JAX-RS status enum does not list. */
    static final int MULTI_STATUS = 207;

    private final ProfileLookupService profiles;
    private final EventLookupService events;
    private final BatchLookupService batchLookups;
    private final RequestContext context;

    EntitiesDelegate(ProfileLookupService profiles, EventLookupService events, BatchLookupService batchLookups,
            RequestContext context) {
        this.profiles = profiles;
        this.events = events;
        this.batchLookups = batchLookups;
        this.context = context;
    }

    @Override
    public RestResponse<ObjectNode> getEntities(String schemaName, String entityId, String entityIdNS,
            String relatedSchemaName, String relatedEntityId, String relatedEntityIdNS, String fields,
            String mergePolicyId, Long startTime, Long endTime, Integer limit, String orderby, String orderBy,
            List<String> property, String start, Boolean withCA) {
        if (EventLookupService.EVENT_SCHEMA.equals(schemaName)) {
            EventLookupParameters parameters = new EventLookupParameters(relatedSchemaName, relatedEntityId,
                    relatedEntityIdNS, fields, mergePolicyId, startTime, endTime, limit,
                    Orderings.pick(orderby, orderBy), property, start);
            return RestResponse.ok(events.get(context.tenant(), parameters));
        }
        if (!ProfileLookupService.PROFILE_SCHEMA.equals(schemaName)) {
            throw DomainException.invalid("schema.name", schemaName, "must be "
                    + ProfileLookupService.PROFILE_SCHEMA + " or " + EventLookupService.EVENT_SCHEMA);
        }
        return RestResponse.ok(profiles.get(context.tenant(), schemaName, entityId, entityIdNS, fields,
                mergePolicyId, !Boolean.FALSE.equals(withCA)));
    }

    @Override
    public RestResponse<ObjectNode> lookupEntities(EntityLookupRequest request) {
        BatchLookupService.Result result = batchLookups.lookup(context.tenant(), request);
        int status = result.partial() ? MULTI_STATUS : RestResponse.StatusCode.OK;
        return RestResponse.ResponseBuilder.<ObjectNode>create(status).entity(result.body()).build();
    }

    @Override
    public RestResponse<Void> deleteEntity(String schemaName, String entityId, String entityIdNS,
            String mergePolicyId) {
        profiles.delete(context.tenant(), schemaName, entityId, entityIdNS, mergePolicyId);
        return RestResponse.accepted();
    }
}
