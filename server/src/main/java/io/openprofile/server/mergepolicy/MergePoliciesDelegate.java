package io.openprofile.server.mergepolicy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.MergePoliciesApi;
import io.openprofile.server.api.model.AttributeMerge;
import io.openprofile.server.api.model.IdentityGraph;
import io.openprofile.server.api.model.MergePolicyBulkGetRequest;
import io.openprofile.server.api.model.MergePolicyBulkGetRequestIdsInner;
import io.openprofile.server.api.model.MergePolicyCreate;
import io.openprofile.server.api.model.MergePolicyList;
import io.openprofile.server.api.model.MergePolicyListLinks;
import io.openprofile.server.api.model.MergePolicyListLinksNext;
import io.openprofile.server.api.model.MergePolicyListPage;
import io.openprofile.server.api.model.MergePolicyReplace;
import io.openprofile.server.api.model.MergePolicySandbox;
import io.openprofile.server.api.model.MergePolicySchema;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorBody;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.merge.MergePolicy;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Merge policies: Adobe's {@code /data/core/ups/config/mergePolicies} operations. */
public class MergePoliciesDelegate implements MergePoliciesApi {

    /** 207 Multi-Status, which the JAX-RS status enum does not list. */
    private static final int MULTI_STATUS = 207;
    private static final String PATH = "/data/core/ups/config/mergePolicies";
    private static final String PRODUCTION_SANDBOX = "prod";
    /** Serializes response models as Quarkus does, leaving unset properties out. */
    private static final ObjectMapper RESPONSE_MAPPER = Json.mapper().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final MergePolicyService service;
    private final RequestContext context;

    MergePoliciesDelegate(MergePolicyService service, RequestContext context) {
        this.service = service;
        this.context = context;
    }

    @Override
    public RestResponse<MergePolicyList> listMergePolicies(Boolean isDefault, Boolean isActiveOnEdge,
            String schemaName, String identityGraphType, String attributeMergeType, Integer version, Integer limit,
            String start, String orderBy, String orderby) {
        // Quarkus REST reads query parameter names ignoring case, so both arguments carry the same value.
        String order = orderBy != null ? orderBy : orderby;
        boolean descending = isDescending(order, orderBy != null ? "orderBy" : "orderby");
        MergePolicyFilter filter = new MergePolicyFilter(isDefault, isActiveOnEdge, blankToNull(schemaName),
                identityGraphType == null ? null : MergePolicyService.parseGraph(identityGraphType),
                attributeMergeType == null ? null : MergePolicyService.parseAttributeMerge(attributeMergeType), version);
        int size = limit == null ? 20 : limit;
        MergePolicyService.Page page = service.list(context.tenant(), filter, start, descending, size);

        Map<String, Object> query = new LinkedHashMap<>();
        query.put("default", isDefault);
        query.put("isActiveOnEdge", isActiveOnEdge);
        query.put("schema.name", blankToNull(schemaName));
        query.put("identityGraph.type", identityGraphType);
        query.put("attributeMerge.type", attributeMergeType);
        query.put("version", version);
        query.put("start", page.next());
        query.put("orderBy", descending ? "-name" : "name");
        query.put("limit", size);
        String href = page.next() == null ? "" : PATH + "?" + queryString(query);

        List<io.openprofile.server.api.model.MergePolicy> children = page.policies().stream()
                .map(policy -> toModel(context.tenant(), policy)).toList();
        return RestResponse.ok(new MergePolicyList()
                .page(new MergePolicyListPage().totalCount(page.totalCount()).pageSize(children.size())
                        .count(children.size()).next(page.next()))
                .children(children)
                .links(new MergePolicyListLinks().next(new MergePolicyListLinksNext().href(href))));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.MergePolicy> createMergePolicy(MergePolicyCreate request,
            String profileInstanceId) {
        MergePolicyDraft draft = new MergePolicyDraft(request.getName(), schemaNameOf(request.getSchema()),
                graphOf(request.getIdentityGraph()), typeOf(request.getAttributeMerge()),
                orderOf(request.getAttributeMerge()), request.getDefault(), request.getIsActiveOnEdge());
        return RestResponse.ok(toModel(context.tenant(), service.create(context.tenant(), draft)));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.MergePolicy> getMergePolicy(String mergePolicyId) {
        return RestResponse.ok(toModel(context.tenant(), service.get(context.tenant(), mergePolicyId)));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.MergePolicy> replaceMergePolicy(String mergePolicyId,
            MergePolicyReplace request, String profileInstanceId) {
        if (request.getId() != null && !request.getId().equals(mergePolicyId)) {
            throw DomainException.invalid("id", request.getId(), "must equal the merge policy id in the path, '"
                    + mergePolicyId + "', or be left out");
        }
        MergePolicyDraft draft = new MergePolicyDraft(request.getName(), schemaNameOf(request.getSchema()),
                graphOf(request.getIdentityGraph()), typeOf(request.getAttributeMerge()),
                orderOf(request.getAttributeMerge()), request.getDefault(), request.getIsActiveOnEdge());
        MergePolicy replaced = service.replace(context.tenant(), mergePolicyId, draft, request.getVersion());
        return RestResponse.ok(toModel(context.tenant(), replaced));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.MergePolicy> updateMergePolicy(String mergePolicyId,
            JsonNode body, String profileInstanceId) {
        List<MergePolicyPatch.Operation> operations = MergePolicyPatch.parse(body);
        return RestResponse.ok(toModel(context.tenant(), service.patch(context.tenant(), mergePolicyId, operations)));
    }

    @Override
    public RestResponse<Void> deleteMergePolicy(String mergePolicyId) {
        service.delete(context.tenant(), mergePolicyId);
        return RestResponse.ok();
    }

    @Override
    public RestResponse<ObjectNode> bulkGetMergePolicies(MergePolicyBulkGetRequest request) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < request.getIds().size(); i++) {
            MergePolicyBulkGetRequestIdsInner entry = request.getIds().get(i);
            if (entry == null || entry.getId() == null || entry.getId().isBlank()) {
                throw DomainException.missing("ids[" + i + "].id", "give the id of a merge policy");
            }
            ids.add(entry.getId());
        }
        Map<String, MergePolicy> found = service.findAll(context.tenant(), ids);
        ObjectNode results = Json.object();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (results.has(id)) {
                continue;
            }
            MergePolicy policy = found.get(id);
            results.set(id, policy != null ? RESPONSE_MAPPER.valueToTree(toModel(context.tenant(), policy))
                    : notFoundEntry(id, "ids[" + i + "].id"));
        }
        ObjectNode body = Json.object();
        body.set("results", results);
        return RestResponse.ResponseBuilder.<ObjectNode>create(MULTI_STATUS).entity(body).build();
    }

    private ObjectNode notFoundEntry(String id, String field) {
        String message = "merge policy '" + id + "' does not exist in sandbox '" + context.tenant().sandboxName() + "'";
        ObjectNode entry = Json.object();
        entry.put("id", id);
        entry.set("error", Json.mapper().valueToTree(ErrorBody.of(ErrorKind.NOT_FOUND, "MERGE_POLICY_NOT_FOUND",
                message, field, id, context.requestId(), null)));
        return entry;
    }

    static io.openprofile.server.api.model.MergePolicy toModel(Tenant tenant, MergePolicy policy) {
        boolean production = PRODUCTION_SANDBOX.equals(tenant.sandboxName());
        return new io.openprofile.server.api.model.MergePolicy()
                .id(policy.id())
                .name(policy.name())
                .imsOrgId(tenant.orgId())
                .sandbox(new MergePolicySandbox().sandboxId(tenant.sandboxName()).sandboxName(tenant.sandboxName())
                        .type(production ? "production" : "development")._default(production))
                .schema(new MergePolicySchema().name(policy.schemaName()))
                .version(policy.version())
                .identityGraph(new IdentityGraph().type(IdentityGraph.TypeEnum.fromValue(
                        policy.identityGraph().apiValue())))
                .attributeMerge(new AttributeMerge().type(AttributeMerge.TypeEnum.fromValue(
                        policy.attributeMerge().apiValue())).order(policy.datasetOrder().isEmpty() ? null
                                : policy.datasetOrder()))
                .isActiveOnEdge(policy.activeOnEdge())
                ._default(policy.defaultPolicy())
                .updateEpoch(policy.updateEpoch());
    }

    private static boolean isDescending(String order, String field) {
        if (order == null || order.isBlank() || order.equals("name") || order.equals("+name")) {
            return false;
        }
        if (order.equals("-name")) {
            return true;
        }
        throw DomainException.invalid(field, order, "must be name, +name or -name");
    }

    private static String queryString(Map<String, Object> parameters) {
        List<String> pairs = new ArrayList<>();
        parameters.forEach((name, value) -> {
            if (value != null) {
                pairs.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return String.join("&", pairs);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String schemaNameOf(MergePolicySchema schema) {
        return schema == null ? null : schema.getName();
    }

    private static String graphOf(IdentityGraph graph) {
        return graph == null || graph.getType() == null ? null : graph.getType().value();
    }

    private static String typeOf(AttributeMerge attributeMerge) {
        return attributeMerge == null || attributeMerge.getType() == null ? null : attributeMerge.getType().value();
    }

    private static List<String> orderOf(AttributeMerge attributeMerge) {
        return attributeMerge == null ? null : attributeMerge.getOrder();
    }
}
