package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.client.ApiClient;
import io.openprofile.client.ApiException;
import io.openprofile.client.api.ComputedAttributesApi;
import io.openprofile.client.api.ComputedAttributesLegacyApi;
import io.openprofile.client.model.ComputedAttribute;
import io.openprofile.client.model.ComputedAttributeCreate;
import io.openprofile.client.model.ComputedAttributeDuration;
import io.openprofile.client.model.ComputedAttributeExpression;
import io.openprofile.client.model.ComputedAttributeList;
import io.openprofile.client.model.LegacyComputedAttribute;
import io.openprofile.client.model.LegacyComputedAttributeCreate;
import io.openprofile.client.model.LegacyComputedAttributeCreateSchema;
import io.openprofile.client.model.LegacyPatchOperation;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls every computed attribute operation of both API generations through the generated Java client. */
@QuarkusTest
class ComputedAttributesClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUM = "xEvent[eventType = \"commerce.purchases\"].sum(commerce.order.priceTotal)";

    private ComputedAttributesApi current;
    private ComputedAttributesLegacyApi legacy;

    @BeforeEach
    void createClients() {
        ApiClient client = Clients.forSandbox(Api.newSandbox());
        current = new ComputedAttributesApi(client);
        legacy = new ComputedAttributesLegacyApi(client);
    }

    @Test
    void currentApiOperations() throws ApiException {
        ComputedAttribute created = current.createComputedAttribute(new ComputedAttributeCreate()
                .name("clientSum")
                .expression(new ComputedAttributeExpression().type("PQL").format("pql/text").value(SUM))
                .duration(new ComputedAttributeDuration().count(7).unit("DAYS")));
        assertThat(created.getStatus()).isEqualTo(ComputedAttribute.StatusEnum.DRAFT);

        ObjectNode change = JSON.createObjectNode().put("description", "changed");
        assertThat(current.updateComputedAttribute(created.getId(), change).getDescription()).isEqualTo("changed");
        assertThat(current.getComputedAttribute(created.getId()).getName()).isEqualTo("clientSum");

        ComputedAttributeList list = current.listComputedAttributes(10, 0, "name", List.of("name=clientSum"));
        assertThat(list.getComputedAttributes()).extracting(ComputedAttribute::getId).containsExactly(created.getId());

        assertThat(current.deleteComputedAttribute(created.getId()).getId()).isEqualTo(created.getId());
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> current.getComputedAttribute(created.getId()));
        assertThat(missing.getCode()).isEqualTo(404);
    }

    @Test
    void legacyApiOperations() throws ApiException {
        LegacyComputedAttribute created = legacy.createLegacyComputedAttribute(new LegacyComputedAttributeCreate()
                .name("legacySum")
                .path("_acme.summary")
                .expression(new ComputedAttributeExpression().type("PQL").format("pql/text").value(SUM))
                .schema(new LegacyComputedAttributeCreateSchema().name("_xdm.context.profile")));
        assertThat(created.getActive()).isTrue();

        legacy.updateLegacyComputedAttribute(created.getId(), List.of(new LegacyPatchOperation()
                .op("add").path("/description").value("changed")));
        assertThat(legacy.getLegacyComputedAttribute(created.getId()).getDescription()).isEqualTo("changed");
        assertThat(legacy.listLegacyComputedAttributes().getChildren()).hasSize(1);

        legacy.deleteLegacyComputedAttribute(created.getId());
        assertThat(legacy.listLegacyComputedAttributes().getChildren()).isEmpty();
    }
}
