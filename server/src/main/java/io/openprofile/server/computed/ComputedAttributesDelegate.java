package io.openprofile.server.computed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.ComputedAttributesApi;
import io.openprofile.server.api.model.ComputedAttributeCreate;
import io.openprofile.server.api.model.ComputedAttributeDuration;
import io.openprofile.server.api.model.ComputedAttributeExpression;
import io.openprofile.server.api.model.ComputedAttributeList;
import io.openprofile.server.api.model.ComputedAttributeListLinks;
import io.openprofile.server.api.model.ComputedAttributeListPage;
import io.openprofile.server.api.model.ComputedAttributeSandbox;
import io.openprofile.server.api.model.ComputedAttributeSchema;
import io.openprofile.server.api.model.DefinedOn;
import io.openprofile.server.api.model.Href;
import io.openprofile.server.api.model.MergeFunction;
import io.openprofile.server.api.model.ReturnSchema;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.resteasy.reactive.RestResponse;

/** Computed attributes in Adobe's current API, {@code /data/core/ca/attributes}. */
public class ComputedAttributesDelegate implements ComputedAttributesApi {

    /** Fields that the server derives; a PATCH that sends them is a 400. */
    private static final Set<String> DERIVED_FIELDS = Set.of("id", "type", "imsOrgId", "sandbox", "path",
            "positionPath", "mergeFunction", "schema", "returnSchema", "definedOn", "lastEvaluationTs", "createEpoch",
            "updateEpoch", "createdBy");
    private static final Set<String> PATCHABLE_FIELDS = Set.of("name", "displayName", "description", "expression",
            "duration", "keepCurrent", "status");
    private static final Map<String, Comparator<ComputedAttribute>> SORT_KEYS = Map.of(
            "name", Comparator.comparing(ComputedAttribute::name),
            "status", Comparator.comparing(attribute -> attribute.status().name()),
            "updateEpoch", Comparator.comparingLong(ComputedAttribute::updatedAt),
            "createEpoch", Comparator.comparingLong(ComputedAttribute::createdAt));
    private static final DateTimeFormatter EVALUATION_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ComputedAttributeService service;
    private final RequestContext context;

    ComputedAttributesDelegate(ComputedAttributeService service, RequestContext context) {
        this.service = service;
        this.context = context;
    }

    @Override
    public RestResponse<ComputedAttributeList> listComputedAttributes(Integer limit, Integer offset, String sortBy,
            List<String> property) {
        int size = limit == null ? 20 : limit;
        int skip = offset == null ? 0 : offset;
        Predicate<ComputedAttribute> filter = ComputedAttributeFilter.parse(property);
        List<ComputedAttribute> matching = service.list(context.tenant()).stream()
                .filter(filter)
                .sorted(order(sortBy))
                .toList();
        List<ComputedAttribute> page = matching.subList(Math.min(skip, matching.size()),
                Math.min(skip + size, matching.size()));

        ComputedAttributeListLinks links = new ComputedAttributeListLinks()
                .self(href(skip, size, sortBy, property));
        if (skip + size < matching.size()) {
            links.next(href(skip + size, size, sortBy, property));
        }
        if (skip > 0) {
            links.prev(href(Math.max(0, skip - size), size, sortBy, property));
        }
        int lastOffset = matching.isEmpty() ? 0 : (matching.size() - 1) / size * size;
        links.last(href(lastOffset, size, sortBy, property));
        return RestResponse.ok(new ComputedAttributeList()
                .links(links)
                .computedAttributes(page.stream().map(attribute -> toModel(context.tenant(), attribute)).toList())
                .page(new ComputedAttributeListPage().offset(skip).limit(size).count(page.size())
                        .totalCount(matching.size())));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.ComputedAttribute> createComputedAttribute(
            ComputedAttributeCreate request) {
        ComputedAttributeExpression expression = request.getExpression();
        ComputedAttributeDuration duration = request.getDuration();
        ComputedAttributeService.Definition definition = new ComputedAttributeService.Definition(request.getName(),
                request.getDisplayName(), request.getDescription(), expression == null ? null : expression.getType(),
                expression == null ? null : expression.getFormat(), expression == null ? null : expression.getValue(),
                duration == null ? null : duration.getCount(), duration == null ? null : duration.getUnit(),
                request.getKeepCurrent(), request.getStatus());
        Tenant tenant = context.tenant();
        ComputedAttribute created = service.create(tenant, ComputedAttribute.Generation.CURRENT,
                ComputedAttributeService.currentParentPath(tenant), definition);
        return RestResponse.ok(toModel(tenant, created));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.ComputedAttribute> getComputedAttribute(String attributeId) {
        return RestResponse.ok(toModel(context.tenant(), service.get(context.tenant(), attributeId)));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.ComputedAttribute> updateComputedAttribute(String attributeId,
            ObjectNode body) {
        Set<String> changed = new HashSet<>();
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (DERIVED_FIELDS.contains(field)) {
                throw DomainException.invalid(field, body.get(field).toString(),
                        "is set by the server and cannot be changed");
            }
            if (!PATCHABLE_FIELDS.contains(field)) {
                throw DomainException.invalid(field, body.get(field).toString(), "is not a field of a computed "
                        + "attribute; patchable fields are " + String.join(", ", PATCHABLE_FIELDS.stream().sorted()
                                .toList()));
            }
            changed.add(field);
        }
        JsonNode expression = body.path("expression");
        JsonNode duration = body.path("duration");
        ComputedAttributeService.Definition change = new ComputedAttributeService.Definition(
                text(body, "name"), text(body, "displayName"), text(body, "description"),
                text(expression, "type"), text(expression, "format"), text(expression, "value"),
                duration.has("count") && duration.get("count").canConvertToInt() ? duration.get("count").intValue()
                        : null,
                text(duration, "unit"), body.has("keepCurrent") ? body.get("keepCurrent").asBoolean() : null,
                text(body, "status"));
        if (changed.contains("duration") && duration.has("count") && !duration.get("count").canConvertToInt()) {
            throw DomainException.invalid("duration.count", duration.get("count").toString(), "must be a whole number");
        }
        return RestResponse.ok(toModel(context.tenant(), service.update(context.tenant(), attributeId, change,
                changed)));
    }

    @Override
    public RestResponse<io.openprofile.server.api.model.ComputedAttribute> deleteComputedAttribute(String attributeId) {
        ComputedAttribute deleted = service.delete(context.tenant(), attributeId, true);
        return RestResponse.status(RestResponse.Status.ACCEPTED, toModel(context.tenant(), deleted));
    }

    static io.openprofile.server.api.model.ComputedAttribute toModel(Tenant tenant, ComputedAttribute attribute) {
        boolean production = "prod".equals(tenant.sandboxName());
        return new io.openprofile.server.api.model.ComputedAttribute()
                .id(attribute.id())
                .type("ComputedAttribute")
                .name(attribute.name())
                .displayName(attribute.displayName())
                .description(attribute.description())
                .imsOrgId(tenant.orgId())
                .sandbox(new ComputedAttributeSandbox().sandboxId(tenant.sandboxName())
                        .sandboxName(tenant.sandboxName()).type(production ? "production" : "development")
                        .isDefault(production))
                .path(String.join("/", attribute.parentPath()))
                .positionPath(attribute.parentPath())
                .keepCurrent(attribute.keepCurrent())
                .expression(new ComputedAttributeExpression().type("PQL").format("pql/text")
                        .value(attribute.expression()))
                .mergeFunction(new MergeFunction().value(attribute.mergeFunction()))
                .status(io.openprofile.server.api.model.ComputedAttribute.StatusEnum.fromValue(
                        attribute.status().name()))
                .schema(new ComputedAttributeSchema().name("_xdm.context.profile"))
                .returnSchema(new ReturnSchema().metaXdmType(attribute.returnType()))
                .definedOn(List.of(profileUnion()))
                .duration(attribute.duration() == null ? null : new ComputedAttributeDuration()
                        .count(attribute.duration().count()).unit(attribute.duration().unit()))
                .lastEvaluationTs(attribute.evaluatedAt() == null ? ""
                        : EVALUATION_TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(attribute.evaluatedAt()),
                                ZoneOffset.UTC)))
                .createEpoch(attribute.createdAt())
                .updateEpoch(attribute.updatedAt())
                .createdBy(tenant.orgId());
    }

    static DefinedOn profileUnion() {
        return new DefinedOn().metaResourceType("unions").metaContainerId("tenant")
                .$ref("https://ns.adobe.com/xdm/context/profile__union");
    }

    private static Comparator<ComputedAttribute> order(String sortBy) {
        String key = sortBy == null || sortBy.isBlank() ? "-updateEpoch" : sortBy;
        boolean descending = key.startsWith("-");
        String name = key.startsWith("-") || key.startsWith("+") ? key.substring(1) : key;
        Comparator<ComputedAttribute> comparator = SORT_KEYS.get(name);
        if (comparator == null) {
            throw DomainException.invalid("sortBy", sortBy, "must be name, status, updateEpoch or createEpoch, "
                    + "with a leading - for descending order");
        }
        comparator = comparator.thenComparing(ComputedAttribute::id);
        return descending ? comparator.reversed() : comparator;
    }

    private static Href href(int offset, int limit, String sortBy, List<String> properties) {
        StringBuilder href = new StringBuilder("/attributes?offset=").append(offset).append("&limit=").append(limit);
        if (sortBy != null) {
            href.append("&sortBy=").append(URLEncoder.encode(sortBy, StandardCharsets.UTF_8));
        }
        if (properties != null) {
            for (String property : properties) {
                href.append("&property=").append(URLEncoder.encode(property, StandardCharsets.UTF_8));
            }
        }
        return new Href().href(href.toString());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw DomainException.invalid(field, value.toString(), "must be a string");
        }
        return value.asText();
    }
}
