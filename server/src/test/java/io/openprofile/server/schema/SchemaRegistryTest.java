package io.openprofile.server.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.openprofile.server.support.Api;
import io.openprofile.server.support.Flows;
import io.openprofile.server.support.Samples;
import io.openprofile.server.support.UntypedPost;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SchemaRegistryTest {

    static final String BASE = "/data/foundation/schemaregistry";
    static final String PROFILE = "https://ns.adobe.com/xdm/context/profile";
    static final String EVENT = "https://ns.adobe.com/xdm/context/experienceevent";

    private final String sandbox = Api.newSandbox();
    private final Flows flows = new Flows(sandbox);

    @Test
    void classesListBothStandardClasses() {
        Api.as(sandbox)
                .when().get(BASE + "/global/classes")
                .then().statusCode(200)
                .body("results.title", contains("XDM ExperienceEvent", "XDM Individual Profile"))
                .body("_page.count", equalTo(2))
                .body("_page.orderby", equalTo("title"));
    }

    @Test
    void classesPageFollowsNext() {
        String next = Api.as(sandbox).queryParam("limit", 1)
                .when().get(BASE + "/global/classes")
                .then().statusCode(200)
                .body("results.title", contains("XDM ExperienceEvent"))
                .body("_links.next.href", notNullValue())
                .extract().path("_page.next");

        assertThat(next).isEqualTo("XDM Individual Profile");
        Api.as(sandbox).queryParam("limit", 1).queryParam("start", next)
                .when().get(BASE + "/global/classes")
                .then().statusCode(200)
                .body("results.title", contains("XDM Individual Profile"))
                .body("_page.next", nullValue());
    }

    @Test
    void classesDescendingOrder() {
        Api.as(sandbox).queryParam("orderby", "-title")
                .when().get(BASE + "/global/classes")
                .then().statusCode(200)
                .body("results.title", contains("XDM Individual Profile", "XDM ExperienceEvent"))
                .body("_page.orderby", equalTo("-title"));
    }

    @Test
    void unknownOrderbyReturns400() {
        Api.as(sandbox).queryParam("orderby", "created")
                .when().get(BASE + "/global/classes")
                .then().statusCode(400)
                .body("field", equalTo("orderby"))
                .body("value", equalTo("created"));
    }

    @Test
    void limitAboveMaximumReturns400() {
        Api.invalidRequestAs(sandbox).queryParam("limit", 501)
                .when().get(BASE + "/global/classes")
                .then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void classReadableByAltIdAndEncodedId() {
        Api.as(sandbox)
                .when().get(BASE + "/global/classes/_xdm.context.profile")
                .then().statusCode(200)
                .body("$id", equalTo(PROFILE));
        Api.as(sandbox).urlEncodingEnabled(false)
                .when().get(BASE + "/global/classes/" + encode(PROFILE))
                .then().statusCode(200)
                .body("'meta:altId'", equalTo("_xdm.context.profile"));
        Api.as(sandbox).urlEncodingEnabled(false)
                .when().get(BASE + "/global/classes/" + encode(encode(PROFILE)))
                .then().statusCode(200)
                .body("$id", equalTo(PROFILE));
    }

    @Test
    void unknownClassReturns404() {
        Api.as(sandbox)
                .when().get(BASE + "/global/classes/_xdm.context.product")
                .then().statusCode(404)
                .body("value", equalTo("_xdm.context.product"));
    }

    @Test
    void fieldGroupCreatedReadAndListed() {
        String id = Api.as(sandbox).contentType(ContentType.JSON)
                .body(fieldGroup("Loyalty details"))
                .when().post(BASE + "/tenant/fieldgroups")
                .then().statusCode(201)
                .body("'meta:resourceType'", equalTo("mixins"))
                .body("version", equalTo("1.0"))
                .body("'meta:altId'", startsWith("_openprofiletest.mixins."))
                .extract().path("$id");
        String altId = Api.as(sandbox)
                .when().get(BASE + "/tenant/fieldgroups/" + encode(id))
                .then().statusCode(200)
                .body("title", equalTo("Loyalty details"))
                .extract().path("'meta:altId'");

        Api.as(sandbox)
                .when().get(BASE + "/tenant/fieldgroups/" + altId)
                .then().statusCode(200)
                .body("$id", equalTo(id));
        Api.as(sandbox)
                .when().get(BASE + "/tenant/fieldgroups")
                .then().statusCode(200)
                .body("results.$id", contains(id))
                .body("results[0].definitions", notNullValue());
    }

    @Test
    void mixinsAliasSharesFieldGroups() {
        String id = Api.as(sandbox).contentType(ContentType.JSON)
                .body(fieldGroup("Shared group"))
                .when().post(BASE + "/tenant/mixins")
                .then().statusCode(201)
                .extract().path("$id");

        Api.as(sandbox)
                .when().get(BASE + "/tenant/fieldgroups/" + encode(id))
                .then().statusCode(200);
        Api.as(sandbox)
                .when().get(BASE + "/tenant/mixins/" + encode(id))
                .then().statusCode(200)
                .body("title", equalTo("Shared group"));
        Api.as(sandbox)
                .when().get(BASE + "/tenant/mixins")
                .then().statusCode(200)
                .body("results.$id", contains(id));
    }

    @Test
    void duplicateTitleReturns409() {
        flows.createFieldGroup(fieldGroup("Twice"));

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(fieldGroup("Twice"))
                .when().post(BASE + "/tenant/fieldgroups")
                .then().statusCode(409)
                .body("field", equalTo("title"))
                .body("value", equalTo("Twice"));
    }

    @Test
    void fieldGroupWithoutTitleReturns400() {
        Api.invalidRequestAs(sandbox).contentType(ContentType.JSON)
                .body(Map.of("type", "object"))
                .when().post(BASE + "/tenant/fieldgroups")
                .then().statusCode(400)
                .body("field", equalTo("title"));
    }

    @Test
    void unknownFieldGroupReturns404() {
        Api.as(sandbox)
                .when().get(BASE + "/tenant/fieldgroups/_openprofiletest.mixins.missing")
                .then().statusCode(404)
                .body("value", equalTo("_openprofiletest.mixins.missing"));
    }

    @Test
    void dataTypeCreatedReadAndListed() {
        String id = Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("title", "Address", "type", "object",
                        "properties", Map.of("city", Map.of("type", "string"))))
                .when().post(BASE + "/tenant/datatypes")
                .then().statusCode(201)
                .body("'meta:resourceType'", equalTo("datatypes"))
                .extract().path("$id");

        Api.as(sandbox)
                .when().get(BASE + "/tenant/datatypes/" + encode(id))
                .then().statusCode(200)
                .body("title", equalTo("Address"));
        Api.as(sandbox)
                .when().get(BASE + "/tenant/datatypes")
                .then().statusCode(200)
                .body("results.$id", contains(id));
    }

    @Test
    void dataTypeIsNotAFieldGroup() {
        String id = Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("title", "Money", "type", "object"))
                .when().post(BASE + "/tenant/datatypes")
                .then().statusCode(201)
                .extract().path("$id");

        Api.as(sandbox)
                .when().get(BASE + "/tenant/fieldgroups/" + encode(id))
                .then().statusCode(404);
    }

    @Test
    void schemaCreatedWithClass() {
        String groupId = flows.createFieldGroup(fieldGroup("Loyalty"));

        String id = Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("title", "Members", "type", "object",
                        "allOf", new Object[] {Map.of("$ref", PROFILE), Map.of("$ref", groupId)}))
                .when().post(BASE + "/tenant/schemas")
                .then().statusCode(201)
                .body("'meta:class'", equalTo(PROFILE))
                .body("'meta:resourceType'", equalTo("schemas"))
                .extract().path("$id");

        Api.as(sandbox)
                .when().get(BASE + "/tenant/schemas/" + encode(id))
                .then().statusCode(200)
                .body("title", equalTo("Members"));
        Api.as(sandbox)
                .when().get(BASE + "/tenant/schemas")
                .then().statusCode(200)
                .body("results.$id", contains(id));
    }

    @Test
    void schemaWithoutClassReturns400() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("title", "Classless", "type", "object"))
                .when().post(BASE + "/tenant/schemas")
                .then().statusCode(400)
                .body("field", equalTo("allOf"));
    }

    @Test
    void schemaWithUnknownClassReturns400() {
        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("title", "Products", "type", "object", "meta:class", "https://ns.adobe.com/x/classes/1"))
                .when().post(BASE + "/tenant/schemas")
                .then().statusCode(400)
                .body("field", equalTo("meta:class"))
                .body("value", equalTo("https://ns.adobe.com/x/classes/1"));
    }

    @Test
    void schemaWithUnknownFieldGroupReturns400() {
        String missing = "https://ns.adobe.com/openprofiletest/mixins/missing";

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(Map.of("title", "Dangling", "type", "object",
                        "allOf", new Object[] {Map.of("$ref", PROFILE), Map.of("$ref", missing)}))
                .when().post(BASE + "/tenant/schemas")
                .then().statusCode(400)
                .body("field", equalTo("allOf.$ref"))
                .body("value", equalTo(missing));
    }

    @Test
    void unknownSchemaReturns404() {
        Api.as(sandbox)
                .when().get(BASE + "/tenant/schemas/" + encode("https://ns.adobe.com/openprofiletest/schemas/none"))
                .then().statusCode(404)
                .body("value", equalTo("https://ns.adobe.com/openprofiletest/schemas/none"));
    }

    @Test
    void descriptorCreatedReadListedAndDeleted() {
        String schemaId = flows.createClassSchema("Identities", PROFILE);

        String id = Api.as(sandbox).contentType(ContentType.JSON)
                .body(identityDescriptor(schemaId, "/personalEmail/address", "email", true))
                .when().post(BASE + "/tenant/descriptors")
                .then().statusCode(201)
                .body("'xdm:namespace'", equalTo("Email"))
                .body("'meta:containerId'", equalTo("tenant"))
                .extract().path("@id");

        Api.as(sandbox)
                .when().get(BASE + "/tenant/descriptors/" + id)
                .then().statusCode(200)
                .body("'xdm:sourceSchema'", equalTo(schemaId));
        Api.as(sandbox)
                .when().get(BASE + "/tenant/descriptors")
                .then().statusCode(200)
                .body("results.'@id'", contains(id));
        Api.as(sandbox)
                .when().delete(BASE + "/tenant/descriptors/" + id)
                .then().statusCode(204);
        Api.as(sandbox)
                .when().get(BASE + "/tenant/descriptors/" + id)
                .then().statusCode(404);
    }

    @Test
    void descriptorBySchemaAltIdStoresSchemaId() {
        String schemaId = flows.createClassSchema("By alt id", PROFILE);
        String altId = Api.as(sandbox).when().get(BASE + "/tenant/schemas/" + encode(schemaId))
                .then().statusCode(200)
                .extract().path("'meta:altId'");

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(identityDescriptor(altId, "/personalEmail/address", "Email", true))
                .when().post(BASE + "/tenant/descriptors")
                .then().statusCode(201)
                .body("'xdm:sourceSchema'", equalTo(schemaId));
    }

    @Test
    void descriptorOnUnknownSchemaReturns400() {
        String missing = "https://ns.adobe.com/openprofiletest/schemas/none";

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(identityDescriptor(missing, "/personalEmail/address", "Email", true))
                .when().post(BASE + "/tenant/descriptors")
                .then().statusCode(400)
                .body("field", equalTo("xdm:sourceSchema"))
                .body("value", equalTo(missing));
    }

    @Test
    void descriptorWithUnknownNamespaceReturns400() {
        String schemaId = flows.createClassSchema("Unknown namespace", PROFILE);

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(identityDescriptor(schemaId, "/loyaltyId", "noSuchNamespace", false))
                .when().post(BASE + "/tenant/descriptors")
                .then().statusCode(400)
                .body("field", equalTo("xdm:namespace"))
                .body("value", equalTo("noSuchNamespace"));
    }

    @Test
    void secondDescriptorForSameFieldReturns409() {
        String schemaId = flows.createClassSchema("Same field", PROFILE);
        flows.createIdentityDescriptor(schemaId, "/personalEmail/address", "Email", false);

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(identityDescriptor(schemaId, "/personalEmail/address", "Email", false))
                .when().post(BASE + "/tenant/descriptors")
                .then().statusCode(409)
                .body("field", equalTo("xdm:sourceProperty"))
                .body("value", equalTo("/personalEmail/address"));
    }

    @Test
    void secondPrimaryDescriptorReturns409() {
        String schemaId = flows.createClassSchema("Two primaries", PROFILE);
        flows.createIdentityDescriptor(schemaId, "/personalEmail/address", "Email", true);

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(identityDescriptor(schemaId, "/mobilePhone/number", "Phone", true))
                .when().post(BASE + "/tenant/descriptors")
                .then().statusCode(409)
                .body("field", equalTo("xdm:isPrimary"));
    }

    @Test
    void unknownDescriptorReturns404() {
        Api.as(sandbox)
                .when().delete(BASE + "/tenant/descriptors/nothing")
                .then().statusCode(404)
                .body("value", equalTo("nothing"));
    }

    @Test
    void unionListsOnlyUnionTaggedSchemas() {
        String member = flows.createSchema("{\"title\": \"In union\", \"type\": \"object\", "
                + "\"meta:immutableTags\": [\"union\"], \"allOf\": [{\"$ref\": \"" + PROFILE + "\"}]}");
        String outsider = flows.createClassSchema("Not in union", PROFILE);

        Api.as(sandbox)
                .when().get(BASE + "/tenant/unions")
                .then().statusCode(200)
                .body("results.$id", contains(PROFILE + "__union"));
        Api.as(sandbox)
                .when().get(BASE + "/tenant/unions/_xdm.context.profile__union")
                .then().statusCode(200)
                .body("'meta:extends'", hasItem(member))
                .body("'meta:extends'", not(hasItem(outsider)));
        Api.as(sandbox)
                .when().get(BASE + "/tenant/unions/" + encode(PROFILE + "__union"))
                .then().statusCode(200)
                .body("'meta:class'", equalTo(PROFILE));
    }

    @Test
    void unionWithoutMembersReturns404() {
        Api.as(sandbox)
                .when().get(BASE + "/tenant/unions/_xdm.context.experienceevent__union")
                .then().statusCode(404);
        Api.as(sandbox)
                .when().get(BASE + "/tenant/unions")
                .then().statusCode(200)
                .body("results", empty());
    }

    @Test
    void statsCountResources() {
        flows.createFieldGroup(fieldGroup("Counted"));
        String schemaId = flows.createSchema("{\"title\": \"Counted schema\", \"type\": \"object\", "
                + "\"meta:immutableTags\": [\"union\"], \"allOf\": [{\"$ref\": \"" + EVENT + "\"}]}");
        flows.createIdentityDescriptor(schemaId, "/personalEmail/address", "Email", true);

        Api.as(sandbox)
                .when().get(BASE + "/stats")
                .then().statusCode(200)
                .body("imsOrg", equalTo(Api.ORG))
                .body("tenantId", equalTo("_openprofiletest"))
                .body("counts.schemas", equalTo(1))
                .body("counts.mixins", equalTo(1))
                .body("counts.datatypes", equalTo(0))
                .body("counts.classes", equalTo(2))
                .body("counts.unions", equalTo(1))
                .body("counts.descriptors", equalTo(1));
    }

    @Test
    void malformedJsonReturns400() {
        Api.invalidRequestAs(sandbox).contentType(ContentType.JSON)
                .body("{\"title\": ")
                .when().post(BASE + "/tenant/schemas")
                .then().statusCode(400)
                .body("field", equalTo("body"));
    }

    @Test
    void missingContentTypeReturns400() {
        UntypedPost.Result result = Api.postWithoutContentType(sandbox, BASE + "/tenant/fieldgroups",
                fieldGroup("No content type"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().getString("field")).isEqualTo("Content-Type");
    }

    @Test
    void resourcesAreInvisibleFromOtherSandbox() {
        String schemaId = flows.createClassSchema("Private", PROFILE);

        Api.as(Api.newSandbox())
                .when().get(BASE + "/tenant/schemas/" + encode(schemaId))
                .then().statusCode(404);
        Api.as(Api.newSandbox())
                .when().get(BASE + "/tenant/schemas")
                .then().statusCode(200)
                .body("results", empty());
    }

    @Test
    void resourcesAreInvisibleFromOtherOrg() {
        String schemaId = flows.createClassSchema("Org private", PROFILE);

        Api.as("OTHERORG1@AdobeOrg", sandbox)
                .when().get(BASE + "/tenant/schemas/" + encode(schemaId))
                .then().statusCode(404);
        Api.as("OTHERORG1@AdobeOrg", sandbox)
                .when().get(BASE + "/tenant/schemas")
                .then().statusCode(200)
                .body("results", empty());
    }

    @Test
    void lumaSchemaRequestsAreAccepted() throws IOException {
        String dataType = Api.as(sandbox).contentType(ContentType.JSON)
                .body(luma("Luma-Loyalty-Data__Create-System-Identidier-Datatype.json"))
                .when().post(BASE + "/tenant/datatypes")
                .then().statusCode(201)
                .extract().path("$id");
        String identityGroup = flows.createFieldGroup(
                luma("Luma-Loyalty-Data__Create-Identity-Profile-Field-Group.json"));
        String loyaltyGroup = flows.createFieldGroup(luma("Luma-Loyalty-Data__Create-Loyalty-Field-Group.json"));
        String eventGroup = flows.createFieldGroup(
                luma("Luma-Offline-Purchase-Events__Create-Luma-Identity-ExperienceEvent-Field-Group.json")
                        .replace("{{luma_identity_profile_fieldgroup_id}}", identityGroup)
                        .replace("{{system_identifier_dataype_id}}", dataType));

        String crm = flows.createSchema(luma("Luma-CRM-Data__Create-CRM-Schema.json")
                .replace("{{luma_identity_profile_fieldgroup_id}}", identityGroup));
        String loyalty = flows.createSchema(luma("Luma-Loyalty-Data__Create-Loyalty-Schema.json")
                .replace("{{luma_loyalty_fieldgroup_id}}", loyaltyGroup)
                .replace("{{luma_identity_profile_fieldgroup_id}}", identityGroup));
        String events = flows.createSchema(luma("Luma-Offline-Purchase-Events__Luma-Offline-Purchase-Events-Schema.json")
                .replace("{{luma_identity_experience_event_fieldgroup_id}}", eventGroup));

        Api.as(sandbox).when().get(BASE + "/tenant/schemas/" + encode(crm))
                .then().statusCode(200)
                .body("'meta:class'", equalTo(PROFILE));
        Api.as(sandbox).when().get(BASE + "/tenant/schemas/" + encode(loyalty))
                .then().statusCode(200)
                .body("'meta:class'", equalTo(PROFILE));
        Api.as(sandbox).when().get(BASE + "/tenant/schemas/" + encode(events))
                .then().statusCode(200)
                .body("'meta:class'", equalTo(EVENT));
    }

    @Test
    void lumaProductCatalogNeedsTenantClass() throws IOException {
        String productClass = "https://ns.adobe.com/openprofiletest/classes/product";
        String group = flows.createFieldGroup(luma("Luma-Product-Catalog__Create-Luma-Product-Catalog-Field-Group.json")
                .replace("{{luma_product_catalog_class_id}}", productClass));

        Api.as(sandbox).contentType(ContentType.JSON)
                .body(luma("Luma-Product-Catalog__Create-Luma-Product-Catalog-Schema.json")
                        .replace("{{luma_product_catalog_class_id}}", productClass)
                        .replace("{{luma_product_catalog_fieldgroup_id}}", group))
                .when().post(BASE + "/tenant/schemas")
                .then().statusCode(400)
                .body("field", equalTo("allOf"));
    }

    private static String luma(String file) throws IOException {
        return Files.readString(Samples.file("luma-tutorial/schema-requests/" + file));
    }

    static String fieldGroup(String title) {
        return "{\"title\": \"" + title + "\", \"type\": \"object\", "
                + "\"meta:intendedToExtend\": [\"" + PROFILE + "\"], "
                + "\"definitions\": {\"loyalty\": {\"properties\": {\"_openprofiletest\": {\"type\": \"object\", "
                + "\"properties\": {\"loyaltyId\": {\"type\": \"string\"}}}}}}, "
                + "\"allOf\": [{\"$ref\": \"#/definitions/loyalty\"}]}";
    }

    static Map<String, Object> identityDescriptor(String schemaId, String path, String namespace,
            boolean primary) {
        return Map.of("@type", "xdm:descriptorIdentity", "xdm:sourceSchema", schemaId, "xdm:sourceVersion", 1,
                "xdm:sourceProperty", path, "xdm:namespace", namespace, "xdm:property", "xdm:code",
                "xdm:isPrimary", primary);
    }

    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
