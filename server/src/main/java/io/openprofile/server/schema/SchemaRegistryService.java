package io.openprofile.server.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.identity.IdentityField;
import io.openprofile.server.identity.NamespaceService;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Schema Registry subset: tenant field groups, data types and schemas, identity descriptors,
 * and the union schema of each class.
 *
 * <p>Documents are stored as sent, plus the registry's own {@code $id}, {@code meta:altId} and
 * version fields. They are not validated as JSON Schema: openprofile reads from them only what
 * identity extraction needs (a schema's class and its identity descriptors).
 */
@ApplicationScoped
public class SchemaRegistryService {

    private static final String GLOBAL_PREFIX = "https://ns.adobe.com/xdm/";

    private final Database database;
    private final XdmResourceRepository resources;
    private final NamespaceService namespaces;
    private final Clock clock;

    SchemaRegistryService(Database database, XdmResourceRepository resources, NamespaceService namespaces,
            Clock clock) {
        this.database = database;
        this.resources = resources;
        this.namespaces = namespaces;
        this.clock = clock;
    }

    /**
     * Returns the tenant id of an organisation: its id before {@code @AdobeOrg}, lower-cased, with
     * everything but letters and digits removed. Tenant fields of records ({@code _<tenant>})
     * are accepted whatever tenant id they use.
     */
    public static String tenantId(Tenant tenant) {
        String org = tenant.orgId();
        int at = org.indexOf('@');
        String base = (at > 0 ? org.substring(0, at) : org).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return base.isEmpty() ? "tenant" : base;
    }

    /** Stores a new field group, data type or schema and returns it with its registry fields. */
    public ObjectNode create(Tenant tenant, ResourceKind kind, ObjectNode body) {
        String title = requireText(body, "title");
        Optional<XdmClasses> xdmClass = kind == ResourceKind.SCHEMAS ? Optional.of(schemaClass(body))
                : Optional.empty();
        String tenantId = tenantId(tenant);
        String hex = UUID.randomUUID().toString().replace("-", "");
        String id = "https://ns.adobe.com/" + tenantId + "/" + kind.segment() + "/" + hex;
        String altId = "_" + tenantId + "." + kind.segment() + "." + hex;
        long now = clock.millis();
        ObjectNode stored = body.deepCopy();
        stored.put("$id", id);
        stored.put("meta:altId", altId);
        stored.put("meta:resourceType", kind.segment());
        stored.put("version", "1.0");
        stored.put("meta:containerId", "tenant");
        stored.put("meta:tenantNamespace", "_" + tenantId);
        xdmClass.ifPresent(type -> stored.put("meta:class", type.id()));
        ObjectNode registry = stored.putObject("meta:registryMetadata");
        registry.put("repo:createdDate", now);
        registry.put("repo:lastModifiedDate", now);
        database.inTransaction(connection -> {
            checkTenantReferences(connection, tenant, body);
            if (resources.titleExists(connection, tenant, kind, title)) {
                throw new DomainException(ErrorKind.CONFLICT, "TITLE_EXISTS",
                        "a " + kind.segment() + " resource titled '" + title
                                + "' already exists in this sandbox; titles must be unique per kind",
                        "title", title);
            }
            resources.insert(connection, tenant, kind, id, altId, title, xdmClass.map(XdmClasses::id).orElse(null),
                    stored, now);
            return null;
        });
        return stored;
    }

    public List<ObjectNode> list(Tenant tenant, ResourceKind kind) {
        return database.inTransaction(connection -> resources.list(connection, tenant, kind));
    }

    /** Returns a tenant document by {@code $id} or {@code meta:altId}, checking its kind. */
    public ObjectNode get(Tenant tenant, ResourceKind kind, String idOrAltId) {
        return database.inTransaction(connection -> resources.find(connection, tenant, idOrAltId))
                .filter(body -> kind.segment().equals(body.path("meta:resourceType").asText()))
                .orElseThrow(() -> DomainException.notFound(kind.segment() + " resource", idOrAltId));
    }

    /** Returns the schema's class, failing with 400 when the schema does not exist. */
    public XdmClasses classOfSchema(Tenant tenant, String schemaId, String field) {
        Optional<XdmClasses> standard = XdmClasses.find(schemaId);
        if (standard.isPresent()) {
            return standard.get();
        }
        ObjectNode schema = database.inTransaction(connection -> resources.find(connection, tenant, schemaId))
                .filter(body -> ResourceKind.SCHEMAS.segment().equals(body.path("meta:resourceType").asText()))
                .orElseThrow(() -> DomainException.invalid(field, schemaId,
                        "must name a schema of this sandbox or a standard class"));
        return XdmClasses.find(schema.path("meta:class").asText())
                .orElseThrow(() -> DomainException.invalid(field, schemaId,
                        "must name a schema of the profile or experience event class"));
    }

    /** Returns the identity fields declared for a schema by its identity descriptors. */
    public List<IdentityField> identityFields(Tenant tenant, String schemaId) {
        return database.inTransaction(connection -> resources.listDescriptorsOfSchema(connection, tenant, schemaId))
                .stream()
                .filter(Descriptor::isIdentity)
                .map(d -> new IdentityField(d.sourceProperty(), d.namespaceCode(), d.primary()))
                .toList();
    }

    /** Stores a descriptor; identity descriptors must name an existing schema and namespace. */
    public ObjectNode createDescriptor(Tenant tenant, ObjectNode body) {
        String type = requireText(body, "@type");
        String schemaId = requireText(body, "xdm:sourceSchema");
        String sourceProperty = null;
        String namespaceCode = null;
        boolean primary = false;
        if (Descriptor.IDENTITY_TYPE.equals(type)) {
            sourceProperty = requireText(body, "xdm:sourceProperty");
            String requested = requireText(body, "xdm:namespace");
            namespaceCode = namespaces.resolve(tenant, requested)
                    .orElseThrow(() -> DomainException.invalid("xdm:namespace", requested,
                            "must be the code of a standard or custom identity namespace"))
                    .code();
            primary = body.path("xdm:isPrimary").asBoolean(false);
        }
        String id = UUID.randomUUID().toString().replace("-", "");
        String property = sourceProperty;
        String namespace = namespaceCode;
        boolean isPrimary = primary;
        long now = clock.millis();
        return database.inTransaction(connection -> {
            String schema = resources.find(connection, tenant, schemaId)
                    .filter(b -> ResourceKind.SCHEMAS.segment().equals(b.path("meta:resourceType").asText()))
                    .map(b -> b.path("$id").asText())
                    .orElseThrow(() -> DomainException.invalid("xdm:sourceSchema", schemaId,
                            "must be the $id or meta:altId of a schema of this sandbox"));
            ObjectNode stored = body.deepCopy();
            stored.put("@id", id);
            stored.put("meta:containerId", "tenant");
            stored.put("xdm:sourceSchema", schema);
            if (namespace != null) {
                stored.put("xdm:namespace", namespace);
            }
            Descriptor descriptor = new Descriptor(id, type, schema, property, namespace, isPrimary, stored);
            if (descriptor.isIdentity()) {
                checkNewIdentityField(connection, tenant, descriptor);
            }
            resources.insertDescriptor(connection, tenant, descriptor, now);
            return stored;
        });
    }

    public List<ObjectNode> listDescriptors(Tenant tenant) {
        return database.inTransaction(connection -> resources.listDescriptors(connection, tenant)).stream()
                .map(Descriptor::body)
                .toList();
    }

    public ObjectNode getDescriptor(Tenant tenant, String id) {
        return database.inTransaction(connection -> resources.findDescriptor(connection, tenant, id))
                .map(Descriptor::body)
                .orElseThrow(() -> DomainException.notFound("descriptor", id));
    }

    public void deleteDescriptor(Tenant tenant, String id) {
        boolean deleted = database.inTransaction(connection -> resources.deleteDescriptor(connection, tenant, id));
        if (!deleted) {
            throw DomainException.notFound("descriptor", id);
        }
    }

    /** Returns the standard class documents. */
    public List<ObjectNode> classes() {
        List<ObjectNode> result = new ArrayList<>();
        for (XdmClasses type : XdmClasses.values()) {
            result.add(classDocument(type));
        }
        return result;
    }

    public ObjectNode getClass(String idOrAltId) {
        return XdmClasses.find(idOrAltId)
                .filter(type -> XdmClasses.findUnion(idOrAltId).isEmpty())
                .map(SchemaRegistryService::classDocument)
                .orElseThrow(() -> DomainException.notFound("class", idOrAltId));
    }

    /** Returns the union schemas, one per class that has at least one schema tagged {@code union}. */
    public List<ObjectNode> unions(Tenant tenant) {
        List<ObjectNode> result = new ArrayList<>();
        for (XdmClasses type : XdmClasses.values()) {
            List<ObjectNode> members = unionMembers(tenant, type);
            if (!members.isEmpty()) {
                result.add(unionDocument(type, members));
            }
        }
        return result;
    }

    /** Returns a union by its {@code $id} or {@code meta:altId}; a class without union members has none. */
    public ObjectNode getUnion(Tenant tenant, String unionId) {
        XdmClasses type = XdmClasses.findUnion(unionId)
                .orElseThrow(() -> DomainException.notFound("union schema", unionId));
        List<ObjectNode> members = unionMembers(tenant, type);
        if (members.isEmpty()) {
            throw DomainException.notFound("union schema", unionId);
        }
        return unionDocument(type, members);
    }

    /** Counts the resources of each kind in the sandbox. */
    public RegistryCounts counts(Tenant tenant) {
        return database.inTransaction(connection -> new RegistryCounts(
                resources.count(connection, tenant, ResourceKind.SCHEMAS),
                resources.count(connection, tenant, ResourceKind.FIELD_GROUPS),
                resources.count(connection, tenant, ResourceKind.DATA_TYPES),
                XdmClasses.values().length,
                unions(tenant).size(),
                resources.countDescriptors(connection, tenant)));
    }

    private List<ObjectNode> unionMembers(Tenant tenant, XdmClasses type) {
        return database.inTransaction(connection -> resources.listSchemasOfClass(connection, tenant, type.id()))
                .stream()
                .filter(SchemaRegistryService::isUnionMember)
                .toList();
    }

    private static boolean isUnionMember(ObjectNode schema) {
        for (JsonNode tag : schema.path("meta:immutableTags")) {
            if ("union".equals(tag.asText())) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode unionDocument(XdmClasses type, List<ObjectNode> members) {
        ObjectNode union = Json.object();
        union.put("$id", type.unionId());
        union.put("meta:altId", type.unionAltId());
        union.put("meta:resourceType", "unions");
        union.put("title", type.title() + " union");
        union.put("type", "object");
        union.put("meta:class", type.id());
        union.put("version", "1.0");
        Set<String> refs = new LinkedHashSet<>();
        refs.add(type.id());
        ArrayNode schemas = union.putArray("meta:extends");
        for (ObjectNode member : members) {
            schemas.add(member.path("$id").asText());
            member.path("allOf").forEach(item -> {
                if (item.hasNonNull("$ref")) {
                    refs.add(item.get("$ref").asText());
                }
            });
        }
        ArrayNode allOf = union.putArray("allOf");
        refs.forEach(ref -> allOf.addObject().put("$ref", ref));
        return union;
    }

    private static ObjectNode classDocument(XdmClasses type) {
        ObjectNode document = Json.object();
        document.put("$id", type.id());
        document.put("meta:altId", type.altId());
        document.put("meta:resourceType", "classes");
        document.put("title", type.title());
        document.put("type", "object");
        document.put("version", "1.0");
        document.put("meta:containerId", "global");
        return document;
    }

    private static XdmClasses schemaClass(ObjectNode body) {
        if (body.hasNonNull("meta:class")) {
            String declared = body.get("meta:class").asText();
            return XdmClasses.find(declared).orElseThrow(() -> DomainException.invalid("meta:class", declared,
                    "must be " + XdmClasses.PROFILE.id() + " or " + XdmClasses.EXPERIENCE_EVENT.id()));
        }
        JsonNode allOf = body.get("allOf");
        if (allOf != null && !allOf.isArray()) {
            throw DomainException.invalid("allOf", allOf, "must be an array of {\"$ref\": \"...\"} objects");
        }
        for (JsonNode item : body.path("allOf")) {
            Optional<XdmClasses> type = XdmClasses.find(item.path("$ref").asText());
            if (type.isPresent()) {
                return type.get();
            }
        }
        if (allOf != null) {
            throw DomainException.invalid("allOf", allOf, "must reference the class "
                    + XdmClasses.PROFILE.id() + " or " + XdmClasses.EXPERIENCE_EVENT.id() + ", or the schema must "
                    + "set meta:class");
        }
        throw DomainException.missing("allOf", "a schema must reference the profile or experience event class "
                + "in allOf (for example {\"$ref\": \"" + XdmClasses.PROFILE.id() + "\"}) or set meta:class");
    }

    /** Tenant references in allOf must exist; references to standard XDM resources are trusted. */
    private void checkTenantReferences(java.sql.Connection connection, Tenant tenant, ObjectNode body)
            throws java.sql.SQLException {
        for (JsonNode item : body.path("allOf")) {
            String ref = item.path("$ref").asText("");
            if (ref.isEmpty() || ref.startsWith(GLOBAL_PREFIX) || ref.startsWith("#")) {
                continue;
            }
            if (resources.find(connection, tenant, ref).isEmpty()) {
                throw DomainException.invalid("allOf.$ref", ref,
                        "must reference a field group, data type or schema of this sandbox or a standard XDM "
                                + "resource under " + GLOBAL_PREFIX);
            }
        }
    }

    /** Rejects a second identity descriptor for the same field, or a second primary one for the schema. */
    private void checkNewIdentityField(java.sql.Connection connection, Tenant tenant, Descriptor descriptor)
            throws java.sql.SQLException {
        List<Descriptor> existing = resources.listDescriptorsOfSchema(connection, tenant, descriptor.schemaId())
                .stream()
                .filter(Descriptor::isIdentity)
                .toList();
        if (existing.stream().anyMatch(d -> d.sourceProperty().equals(descriptor.sourceProperty()))) {
            throw new DomainException(ErrorKind.CONFLICT, "IDENTITY_DESCRIPTOR_EXISTS",
                    "schema " + descriptor.schemaId() + " already has an identity descriptor for field "
                            + descriptor.sourceProperty() + "; delete it before adding another",
                    "xdm:sourceProperty", descriptor.sourceProperty());
        }
        if (descriptor.primary() && existing.stream().anyMatch(Descriptor::primary)) {
            throw new DomainException(ErrorKind.CONFLICT, "PRIMARY_IDENTITY_EXISTS",
                    "schema " + descriptor.schemaId() + " already has a primary identity descriptor; a schema has "
                            + "at most one", "xdm:isPrimary", "true");
        }
    }

    private static String requireText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw DomainException.missing(field, null);
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw DomainException.invalid(field, value, "must be a non-empty string");
        }
        return value.asText();
    }
}
