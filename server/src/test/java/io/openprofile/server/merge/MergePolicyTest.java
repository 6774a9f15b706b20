package io.openprofile.server.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergePolicyTest {

    private static MergePolicy precedence(List<String> order) {
        return new MergePolicy("p1", "CRM first", MergePolicy.PROFILE_SCHEMA, IdentityGraphType.NONE,
                AttributeMergeType.DATASET_PRECEDENCE, order, false, false, 1, 1_551_660_639L);
    }

    @Test
    void systemDefaultIsTimestampOrderedOverPdg() {
        MergePolicy policy = MergePolicy.systemDefault(1_551_660_639L);

        assertThat(policy.attributeMerge()).isEqualTo(AttributeMergeType.TIMESTAMP_ORDERED);
        assertThat(policy.identityGraph()).isEqualTo(IdentityGraphType.PDG);
        assertThat(policy.defaultPolicy()).isTrue();
        assertThat(policy.activeOnEdge()).isFalse();
        assertThat(policy.schemaName()).isEqualTo("_xdm.context.profile");
        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.updateEpoch()).isEqualTo(1_551_660_639L);
        assertThat(policy.datasetOrder()).isEmpty();
    }

    @Test
    void precedenceWithoutOrderIsRejected() {
        assertThatThrownBy(() -> precedence(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attributeMerge.order");
    }

    @Test
    void duplicateDatasetInOrderIsRejected() {
        assertThatThrownBy(() -> precedence(List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset a occurs twice");
    }

    @Test
    void datasetOrderIsCopied() {
        List<String> order = new ArrayList<>(List.of("a", "b"));

        MergePolicy policy = precedence(order);
        order.add("c");

        assertThat(policy.datasetOrder()).containsExactly("a", "b");
    }

    @Test
    void nullOrderBecomesEmpty() {
        MergePolicy policy = new MergePolicy("p", "n", MergePolicy.PROFILE_SCHEMA, IdentityGraphType.NONE,
                AttributeMergeType.TIMESTAMP_ORDERED, null, false, false, 1, 0);

        assertThat(policy.datasetOrder()).isEmpty();
    }

    @Test
    void versionBelowOneIsRejected() {
        assertThatThrownBy(() -> new MergePolicy("p", "n", MergePolicy.PROFILE_SCHEMA, IdentityGraphType.NONE,
                AttributeMergeType.TIMESTAMP_ORDERED, List.of(), false, false, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void apiValuesRoundTrip() {
        assertThat(AttributeMergeType.fromApiValue("dataSetPrecedence"))
                .isEqualTo(AttributeMergeType.DATASET_PRECEDENCE);
        assertThat(AttributeMergeType.fromApiValue("TIMESTAMPORDERED"))
                .isEqualTo(AttributeMergeType.TIMESTAMP_ORDERED);
        assertThat(IdentityGraphType.fromApiValue("pdg")).isEqualTo(IdentityGraphType.PDG);
        assertThat(IdentityGraphType.NONE.apiValue()).isEqualTo("none");
    }

    @Test
    void unknownApiValueIsRejected() {
        assertThatThrownBy(() -> IdentityGraphType.fromApiValue("auto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got auto");
        assertThatThrownBy(() -> AttributeMergeType.fromApiValue("newest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got newest");
    }
}
