package io.openprofile.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.client.ApiException;
import io.openprofile.client.api.MergePoliciesApi;
import io.openprofile.client.model.AttributeMerge;
import io.openprofile.client.model.IdentityGraph;
import io.openprofile.client.model.MergePolicy;
import io.openprofile.client.model.MergePolicyBulkGetRequest;
import io.openprofile.client.model.MergePolicyBulkGetRequestIdsInner;
import io.openprofile.client.model.MergePolicyCreate;
import io.openprofile.client.model.MergePolicyList;
import io.openprofile.client.model.MergePolicyReplace;
import io.openprofile.client.model.MergePolicySchema;
import io.openprofile.server.support.Api;
import io.openprofile.server.support.Clients;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls every merge policy operation through the generated Java client. */
@QuarkusTest
class MergePoliciesClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MergePoliciesApi policies;

    @BeforeEach
    void createClient() {
        policies = new MergePoliciesApi(Clients.forSandbox(Api.newSandbox()));
    }

    @Test
    void createReadListAndDelete() throws ApiException {
        MergePolicy created = policies.createMergePolicy(new MergePolicyCreate()
                .name("Client policy")
                .schema(new MergePolicySchema().name("_xdm.context.profile"))
                .identityGraph(new IdentityGraph().type(IdentityGraph.TypeEnum.NONE))
                .attributeMerge(new AttributeMerge().type(AttributeMerge.TypeEnum.TIMESTAMP_ORDERED)), null);

        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(policies.getMergePolicy(created.getId()).getName()).isEqualTo("Client policy");

        MergePolicyList list = policies.listMergePolicies(null, null, null, "none", null, null, null, null, null,
                null);
        assertThat(list.getChildren()).extracting(MergePolicy::getId).containsExactly(created.getId());
        assertThat(list.getPage().getTotalCount()).isEqualTo(1);

        policies.deleteMergePolicy(created.getId());
        ApiException missing = catchThrowableOfType(ApiException.class,
                () -> policies.getMergePolicy(created.getId()));
        assertThat(missing.getCode()).isEqualTo(404);
    }

    @Test
    void replaceAndPatch() throws Exception {
        MergePolicy created = policies.createMergePolicy(new MergePolicyCreate()
                .schema(new MergePolicySchema().name("_xdm.context.profile"))
                .identityGraph(new IdentityGraph().type(IdentityGraph.TypeEnum.PDG))
                .attributeMerge(new AttributeMerge().type(AttributeMerge.TypeEnum.TIMESTAMP_ORDERED)), "ups");

        MergePolicy replaced = policies.replaceMergePolicy(created.getId(), new MergePolicyReplace()
                .name("Replaced")
                .version(1)
                .schema(new MergePolicySchema().name("_xdm.context.profile"))
                .identityGraph(new IdentityGraph().type(IdentityGraph.TypeEnum.NONE))
                .attributeMerge(new AttributeMerge().type(AttributeMerge.TypeEnum.TIMESTAMP_ORDERED)), null);
        assertThat(replaced.getVersion()).isEqualTo(2);

        JsonNode operations = JSON.readTree("[{\"op\": \"add\", \"path\": \"/default\", \"value\": \"true\"}]");
        MergePolicy patched = policies.updateMergePolicy(created.getId(), operations, null);
        assertThat(patched.getDefault()).isTrue();
        assertThat(patched.getVersion()).isEqualTo(3);
    }

    @Test
    void bulkGetReturns207Entries() throws ApiException {
        ObjectNode body = policies.bulkGetMergePolicies(new MergePolicyBulkGetRequest().ids(List.of(
                new MergePolicyBulkGetRequestIdsInner().id("timestampOrdered-pdg-mp"),
                new MergePolicyBulkGetRequestIdsInner().id("missing"))));

        assertThat(body.at("/results/timestampOrdered-pdg-mp/default").asBoolean()).isTrue();
        assertThat(body.at("/results/missing/error/status").asInt()).isEqualTo(404);
        assertThat(JSON.convertValue(body.get("results"), Map.class)).hasSize(2);
    }
}
