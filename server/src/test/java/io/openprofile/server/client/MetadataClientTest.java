package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.client.ApiClient;
import io.openprofile.client.ApiException;
import io.openprofile.client.api.CatalogApi;
import io.openprofile.client.api.IdentityNamespacesApi;
import io.openprofile.client.api.SchemaRegistryApi;
import io.openprofile.client.model.Dataset;
import io.openprofile.client.model.DatasetCreate;
import io.openprofile.client.model.DatasetPatch;
import io.openprofile.client.model.Namespace;
import io.openprofile.client.model.NamespaceCreate;
import io.openprofile.client.model.SchemaRef;
import io.openprofile.client.model.XdmResourceList;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls every identity namespace, Schema Registry and Catalog operation through the generated Java client. */
@QuarkusTest
class MetadataClientTest {

    private static final String PROFILE = "https://ns.adobe.com/xdm/context/profile";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String sandbox;
    private IdentityNamespacesApi namespaces;
    private SchemaRegistryApi registry;
    private CatalogApi catalog;

    @BeforeEach
    void createClients() {
        sandbox = Api.newSandbox();
        ApiClient client = Clients.forSandbox(sandbox);
        namespaces = new IdentityNamespacesApi(client);
        registry = new SchemaRegistryApi(client);
        catalog = new CatalogApi(client);
    }

    @Test
    void namespaceOperations() throws ApiException {
        Namespace created = namespaces.createNamespace(new NamespaceCreate()
                .name("Loyalty id").code("loyaltyId").idType("CROSS_DEVICE"));

        assertThat(created.getNamespaceType()).isEqualTo("Custom");
        assertThat(namespaces.getNamespace(created.getId().toString()).getCode()).isEqualTo("loyaltyId");
        assertThat(namespaces.listNamespaces()).extracting(Namespace::getCode).contains("Email", "loyaltyId");
    }

    @Test
    void errorStatusReadThroughApiException() {
        ApiException error = catchThrowableOfType(ApiException.class, () -> namespaces.getNamespace("99999999"));

        assertThat(error.getCode()).isEqualTo(404);
        assertThat(error.getResponseBody()).contains("99999999");
    }

    @Test
    void classOperations() throws ApiException {
        XdmResourceList classes = registry.listClasses(null, null, null);

        assertThat(classes.getResults()).hasSize(2);
        assertThat(registry.getXdmClass(PROFILE).get("meta:altId").asText()).isEqualTo("_xdm.context.profile");
    }

    @Test
    void fieldGroupAndMixinOperations() throws ApiException {
        String groupId = registry.createFieldGroup(fieldGroup("Group")).get("$id").asText();
        String mixinId = registry.createMixin(fieldGroup("Mixin")).get("$id").asText();

        assertThat(registry.getFieldGroup(mixinId).get("title").asText()).isEqualTo("Mixin");
        assertThat(registry.getMixin(groupId).get("title").asText()).isEqualTo("Group");
        assertThat(registry.listFieldGroups("title", 10, null).getResults()).hasSize(2);
        assertThat(registry.listMixins("-title", 1, null).getPage().getNext()).isEqualTo("Group");
    }

    @Test
    void dataTypeOperations() throws ApiException {
        ObjectNode body = JSON.createObjectNode().put("title", "Address").put("type", "object");

        String id = registry.createDataType(body).get("$id").asText();

        assertThat(registry.getDataType(id).get("title").asText()).isEqualTo("Address");
        assertThat(registry.listDataTypes(null, null, null).getResults()).hasSize(1);
    }

    @Test
    void schemaDescriptorAndUnionOperations() throws ApiException {
        String schemaId = registry.createSchema(unionSchema("People")).get("$id").asText();
        ObjectNode descriptor = JSON.createObjectNode()
                .put("@type", "xdm:descriptorIdentity")
                .put("xdm:sourceSchema", schemaId)
                .put("xdm:sourceVersion", 1)
                .put("xdm:sourceProperty", "/personalEmail/address")
                .put("xdm:namespace", "Email")
                .put("xdm:property", "xdm:code")
                .put("xdm:isPrimary", true);

        String descriptorId = registry.createDescriptor(descriptor).get("@id").asText();

        assertThat(registry.getSchema(schemaId).get("title").asText()).isEqualTo("People");
        assertThat(registry.listSchemas(null, null, null).getResults()).hasSize(1);
        assertThat(registry.getDescriptor(descriptorId).get("xdm:sourceSchema").asText()).isEqualTo(schemaId);
        assertThat(registry.listDescriptors(null, null, null).getResults()).hasSize(1);
        assertThat(registry.listUnions(null, null, null).getResults()).hasSize(1);
        assertThat(registry.getUnion(PROFILE + "__union").get("meta:class").asText()).isEqualTo(PROFILE);
        assertThat(registry.getSchemaRegistryStats().getCounts().getDescriptors()).isEqualTo(1);
        registry.deleteDescriptor(descriptorId);
        assertThat(registry.listDescriptors(null, null, null).getResults()).isEmpty();
    }

    @Test
    void datasetOperations() throws ApiException {
        String schemaId = registry.createSchema(unionSchema("Members")).get("$id").asText();

        List<String> paths = catalog.createDataset(new DatasetCreate()
                .name("Members")
                .schemaRef(new SchemaRef().id(schemaId))
                .tags(Map.of("unifiedProfile", List.of("enabled:true"))));
        String id = paths.get(0).substring("@/dataSets/".length());
        catalog.updateDataset(id, new DatasetPatch().name("Renamed"));
        Dataset dataset = catalog.getDataset(id).get(id);

        assertThat(dataset.getName()).isEqualTo("Renamed");
        assertThat(dataset.getVersion()).isEqualTo("1.0.1");
        assertThat(dataset.getTags()).as("tags kept by a rename").containsEntry("unifiedProfile", List.of("enabled:true"));
        assertThat(catalog.listDatasets(10, 0, "Renamed")).containsOnlyKeys(id);
    }

    @Test
    void batchReadOperations() throws ApiException {
        assertThat(catalog.listBatches(null, null, null, null)).isEmpty();
        ApiException error = catchThrowableOfType(ApiException.class,
                () -> catalog.getBatch("00000000000000000000000000000000"));

        assertThat(error.getCode()).isEqualTo(404);
    }

    private static ObjectNode fieldGroup(String title) {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("type", "object");
        body.putArray("meta:intendedToExtend").add(PROFILE);
        return body;
    }

    private static ObjectNode unionSchema(String title) {
        ObjectNode body = JSON.createObjectNode().put("title", title).put("type", "object");
        body.putArray("meta:immutableTags").add("union");
        body.putArray("allOf").addObject().put("$ref", PROFILE);
        return body;
    }
}
