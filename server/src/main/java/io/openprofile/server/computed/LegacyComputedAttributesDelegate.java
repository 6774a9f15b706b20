package io.openprofile.server.computed;

import com.fasterxml.jackson.databind.JsonNode;
import io.openprofile.server.api.ComputedAttributesLegacyApi;
import io.openprofile.server.api.model.ComputedAttributeExpression;
import io.openprofile.server.api.model.LegacyComputedAttributeCreate;
import io.openprofile.server.api.model.LegacyComputedAttributeCreateSchema;
import io.openprofile.server.api.model.LegacyComputedAttributeList;
import io.openprofile.server.api.model.LegacyComputedAttributeListLinks;
import io.openprofile.server.api.model.LegacyComputedAttributeListPage;
import io.openprofile.server.api.model.LegacyComputedAttributeSandbox;
import io.openprofile.server.api.model.LegacyComputedAttributeSchema;
import io.openprofile.server.api.model.LegacyPatchOperation;
import io.openprofile.server.api.model.ReturnSchema;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Computed attributes in Adobe's legacy API, {@code /data/core/ups/config/computedAttributes}.
 * It shows the same attributes as the current API, in the legacy shapes.
 */
public class LegacyComputedAttributesDelegate implements ComputedAttributesLegacyApi {

    private static final Pattern PATH_LEVEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private final ComputedAttributeService service;
    private final RequestContext context;

    LegacyComputedAttributesDelegate(ComputedAttributeService service, RequestContext context) {
        this.service = service;
        this.context = context;
    }

    @Override
    public RestResponse<LegacyComputedAttributeList> listLegacyComputedAttributes() {
        List<io.openprofile.server.api.model.LegacyComputedAttribute> children = service.list(context.tenant()).stream()
                .map(attribute -> toModel(context.tenant(), attribute)).toList();
        return RestResponse.ok(new LegacyComputedAttributeList()
                .page(new LegacyComputedAttributeListPage().totalCount(children.size()).pageSize(children.size()))
                .children(children)
                .links(new LegacyComputedAttributeListLinks().next(Map.of())));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.LegacyComputedAttribute> createLegacyComputedAttribute(
            LegacyComputedAttributeCreate request) {
        LegacyComputedAttributeCreateSchema schema = request.getSchema();
        if (schema != null && schema.getName() != null && !"_xdm.context.profile".equals(schema.getName())) {
            throw DomainException.invalid("schema.name", schema.getName(),
                    "must be _xdm.context.profile, the only class with computed attributes");
        }
        ComputedAttributeExpression expression = request.getExpression();
        ComputedAttributeService.Definition definition = new ComputedAttributeService.Definition(request.getName(),
                null, request.getDescription(), expression == null ? null : expression.getType(),
                expression == null ? null : expression.getFormat(), expression == null ? null : expression.getValue(),
                null, null, false, "NEW");
        ComputedAttribute created = service.create(context.tenant(), ComputedAttribute.Generation.LEGACY,
                parentPath(request.getPath()), definition);
        return RestResponse.ok(toModel(context.tenant(), created));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.LegacyComputedAttribute> getLegacyComputedAttribute(
            String attributeId) {
        return RestResponse.ok(toModel(context.tenant(), service.get(context.tenant(), attributeId)));
    }

    @Override
    public RestResponse<Void> updateLegacyComputedAttribute(String attributeId, List<LegacyPatchOperation> operations) {
        service.get(context.tenant(), attributeId);
        String expressionType = null;
        String expressionFormat = null;
        String expression = null;
        String description = null;
        String status = null;
        Set<String> changed = new HashSet<>();
        for (int i = 0; i < operations.size(); i++) {
            LegacyPatchOperation operation = operations.get(i);
            String prefix = "[" + i + "].";
            if (operation == null) {
                throw DomainException.invalid("[" + i + "]", "null", "must be an operation object");
            }
            if (!"add".equals(operation.getOp()) && !"replace".equals(operation.getOp())) {
                throw DomainException.invalid(prefix + "op", operation.getOp(), "must be add or replace");
            }
            JsonNode value = Json.mapper().valueToTree(operation.getValue());
            switch (operation.getPath() == null ? "" : operation.getPath()) {
                case "/expression" -> {
                    if (!value.isObject()) {
                        throw DomainException.invalid(prefix + "value", value.toString(),
                                "must be an expression object with type, format and value");
                    }
                    expressionType = value.path("type").asText(null);
                    expressionFormat = value.path("format").asText(null);
                    expression = value.path("value").asText(null);
                    changed.add("expression");
                }
                case "/description" -> {
                    description = value.asText();
                    changed.add("description");
                }
                case "/active" -> {
                    if (!value.isBoolean()) {
                        throw DomainException.invalid(prefix + "value", value.toString(), "must be true or false");
                    }
                    status = value.booleanValue() ? "NEW" : "DISABLED";
                }
                default -> throw DomainException.invalid(prefix + "path", operation.getPath(),
                        "must be /expression, /description or /active");
            }
        }
        Boolean active = status == null ? null : status.equals("NEW");
        service.legacyUpdate(context.tenant(), attributeId, new ComputedAttributeService.Definition(null, null,
                description, expressionType, expressionFormat, expression, null, null, null, null), changed, active);
        return RestResponse.noContent();
    }

    @Override
    public RestResponse<Void> deleteLegacyComputedAttribute(String attributeId) {
        service.delete(context.tenant(), attributeId, false);
        return RestResponse.ok();
    }

    /** Splits a legacy path such as {@code _acme.purchaseSummary} into its levels. */
    static List<String> parentPath(String path) {
        if (path == null || path.isBlank()) {
            throw DomainException.missing("path", "give the parent of the field, such as _acme.purchaseSummary");
        }
        List<String> levels = List.of(path.split("\\.", -1));
        for (String level : levels) {
            if (!PATH_LEVEL.matcher(level).matches() || level.equals("properties")) {
                throw DomainException.invalid("path", path, "must be field names separated by dots, such as "
                        + "_acme.purchaseSummary, without properties levels or the attribute's own name");
            }
        }
        if (!levels.get(0).startsWith("_")) {
            throw DomainException.invalid("path", path, "must start with the tenant field, such as _acme");
        }
        return levels;
    }

    static io.openprofile.server.api.model.LegacyComputedAttribute toModel(Tenant tenant, ComputedAttribute attribute) {
        boolean production = "prod".equals(tenant.sandboxName());
        return new io.openprofile.server.api.model.LegacyComputedAttribute()
                .id(attribute.id())
                .imsOrgId(tenant.orgId())
                .sandbox(new LegacyComputedAttributeSandbox().sandboxId(tenant.sandboxName())
                        .sandboxName(tenant.sandboxName()).type(production ? "production" : "development")
                        ._default(production))
                .name(attribute.name())
                .path(String.join(".", attribute.parentPath()))
                .positionPath(attribute.parentPath())
                .description(attribute.description())
                .expression(new ComputedAttributeExpression().type("PQL").format("pql/text")
                        .value(attribute.expression()))
                .schema(new LegacyComputedAttributeSchema().name("_xdm.context.profile"))
                .returnSchema(new ReturnSchema().metaXdmType(attribute.returnType()))
                .definedOn(List.of(ComputedAttributesDelegate.profileUnion()))
                .dependencies(List.of())
                .dependents(List.of())
                .active(attribute.status().isMaintained())
                .type("ComputedAttribute")
                .createEpoch(attribute.createdAt() / 1000)
                .updateEpoch(attribute.updatedAt() / 1000);
    }
}
