package io.openprofile.server.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.api.SchemaRegistryApi;
import io.openprofile.server.api.model.SchemaRegistryStats;
import io.openprofile.server.api.model.XdmCounts;
import io.openprofile.server.api.model.XdmResourceList;
import io.openprofile.server.tenancy.RequestContext;
import io.openprofile.server.tenancy.Tenant;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Schema Registry endpoints over {@link SchemaRegistryService}. Path ids may be a {@code $id}
 * (URL-encoded once or twice) or a {@code meta:altId}, as {@link RegistryIds} describes.
 */
public class SchemaRegistryDelegate implements SchemaRegistryApi {

    private static final String BASE = "/data/foundation/schemaregistry";
    private static final String TITLE = "title";

    private final SchemaRegistryService registry;
    private final RequestContext context;

    SchemaRegistryDelegate(SchemaRegistryService registry, RequestContext context) {
        this.registry = registry;
        this.context = context;
    }

    @Override
    public RestResponse<XdmResourceList> listClasses(String orderby, Integer limit, String start) {
        return RestResponse.ok(RegistryPages.page(registry.classes(), TITLE, BASE + "/global/classes", orderby,
                limit, start));
    }

    @Override
    public RestResponse<ObjectNode> getXdmClass(String classId) {
        return RestResponse.ok(registry.getClass(RegistryIds.fromPath(classId)));
    }

    @Override
    public RestResponse<XdmResourceList> listFieldGroups(String orderby, Integer limit, String start) {
        return listTenant(ResourceKind.FIELD_GROUPS, "/tenant/fieldgroups", orderby, limit, start);
    }

    @Override
    public RestResponse<ObjectNode> createFieldGroup(ObjectNode body) {
        return created(registry.create(context.tenant(), ResourceKind.FIELD_GROUPS, body));
    }

    @Override
    public RestResponse<ObjectNode> getFieldGroup(String fieldGroupId) {
        return getTenant(ResourceKind.FIELD_GROUPS, fieldGroupId);
    }

    @Override
    @Deprecated
    public RestResponse<XdmResourceList> listMixins(String orderby, Integer limit, String start) {
        return listTenant(ResourceKind.FIELD_GROUPS, "/tenant/mixins", orderby, limit, start);
    }

    @Override
    @Deprecated
    public RestResponse<ObjectNode> createMixin(ObjectNode body) {
        return createFieldGroup(body);
    }

    @Override
    @Deprecated
    public RestResponse<ObjectNode> getMixin(String mixinId) {
        return getFieldGroup(mixinId);
    }

    @Override
    public RestResponse<XdmResourceList> listDataTypes(String orderby, Integer limit, String start) {
        return listTenant(ResourceKind.DATA_TYPES, "/tenant/datatypes", orderby, limit, start);
    }

    @Override
    public RestResponse<ObjectNode> createDataType(ObjectNode body) {
        return created(registry.create(context.tenant(), ResourceKind.DATA_TYPES, body));
    }

    @Override
    public RestResponse<ObjectNode> getDataType(String dataTypeId) {
        return getTenant(ResourceKind.DATA_TYPES, dataTypeId);
    }

    @Override
    public RestResponse<XdmResourceList> listSchemas(String orderby, Integer limit, String start) {
        return listTenant(ResourceKind.SCHEMAS, "/tenant/schemas", orderby, limit, start);
    }

    @Override
    public RestResponse<ObjectNode> createSchema(ObjectNode body) {
        return created(registry.create(context.tenant(), ResourceKind.SCHEMAS, body));
    }

    @Override
    public RestResponse<ObjectNode> getSchema(String schemaId) {
        return getTenant(ResourceKind.SCHEMAS, schemaId);
    }

    @Override
    public RestResponse<XdmResourceList> listDescriptors(String orderby, Integer limit, String start) {
        return RestResponse.ok(RegistryPages.page(registry.listDescriptors(context.tenant()), "@id",
                BASE + "/tenant/descriptors", orderby, limit, start));
    }

    @Override
    public RestResponse<ObjectNode> createDescriptor(ObjectNode body) {
        return created(registry.createDescriptor(context.tenant(), body));
    }

    @Override
    public RestResponse<ObjectNode> getDescriptor(String descriptorId) {
        return RestResponse.ok(registry.getDescriptor(context.tenant(), descriptorId));
    }

    @Override
    public RestResponse<Void> deleteDescriptor(String descriptorId) {
        registry.deleteDescriptor(context.tenant(), descriptorId);
        return RestResponse.noContent();
    }

    @Override
    public RestResponse<XdmResourceList> listUnions(String orderby, Integer limit, String start) {
        return RestResponse.ok(RegistryPages.page(registry.unions(context.tenant()), TITLE,
                BASE + "/tenant/unions", orderby, limit, start));
    }

    @Override
    public RestResponse<ObjectNode> getUnion(String unionId) {
        return RestResponse.ok(registry.getUnion(context.tenant(), RegistryIds.fromPath(unionId)));
    }

    @Override
    public RestResponse<SchemaRegistryStats> getSchemaRegistryStats() {
        Tenant tenant = context.tenant();
        RegistryCounts counts = registry.counts(tenant);
        return RestResponse.ok(new SchemaRegistryStats()
                .imsOrg(tenant.orgId())
                .tenantId("_" + SchemaRegistryService.tenantId(tenant))
                .counts(new XdmCounts()
                        .schemas(counts.schemas())
                        .mixins(counts.fieldGroups())
                        .datatypes(counts.dataTypes())
                        .classes(counts.classes())
                        .unions(counts.unions())
                        .descriptors(counts.descriptors())));
    }

    private RestResponse<XdmResourceList> listTenant(ResourceKind kind, String path, String orderby,
            Integer limit, String start) {
        return RestResponse.ok(RegistryPages.page(registry.list(context.tenant(), kind), TITLE, BASE + path,
                orderby, limit, start));
    }

    private RestResponse<ObjectNode> getTenant(ResourceKind kind, String id) {
        return RestResponse.ok(registry.get(context.tenant(), kind, RegistryIds.fromPath(id)));
    }

    private static RestResponse<ObjectNode> created(ObjectNode resource) {
        return RestResponse.status(RestResponse.Status.CREATED, resource);
    }
}
