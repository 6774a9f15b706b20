package io.openprofile.server.mergepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.merge.MergePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergePolicyPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MergePolicy CURRENT = MergePolicy.systemDefault(0);

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static MergePolicyPatch.Result apply(String body) throws Exception {
        return MergePolicyPatch.apply(CURRENT, MergePolicyPatch.parse(json(body)));
    }

    private static DomainException rejection(String body) {
        return catchThrowableOfType(DomainException.class, () -> apply(body));
    }

    @Test
    void singleObjectWithStringBoolean() throws Exception {
        MergePolicyPatch.Result result = apply("{'op': 'add', 'path': '/default', 'value': 'false'}");

        assertThat(result.draft().defaultPolicy()).isFalse();
        assertThat(result.draft().name()).isEqualTo(CURRENT.name());
        assertThat(result.expectedVersion()).isNull();
    }

    @Test
    void dottedAndPointerPathsAreEqual() throws Exception {
        MergePolicyPatch.Result dotted = apply("[{'op': 'add', 'path': '/identityGraph.type', 'value': 'none'}]");
        MergePolicyPatch.Result pointer = apply("[{'op': 'add', 'path': '/identityGraph/type', 'value': 'none'}]");

        assertThat(dotted.draft()).isEqualTo(pointer.draft());
        assertThat(dotted.draft().identityGraph()).isEqualTo("none");
    }

    @Test
    void missingOpNamesBothOperations() {
        DomainException missing = rejection("{'path': '/name', 'value': 'a'}");

        assertThat(missing.field()).isEqualTo("op");
        assertThat(missing.getMessage()).isEqualTo("op is required: use add or replace");
    }

    @Test
    void unknownPathMentionsPointerForm() {
        DomainException unknown = rejection("{'op': 'add', 'path': '/nope', 'value': 'a'}");

        assertThat(unknown.field()).isEqualTo("path");
        assertThat(unknown.getMessage()).contains("/identityGraph.type").contains("/identityGraph/type");
    }

    @Test
    void laterOperationWins() throws Exception {
        MergePolicyPatch.Result result = apply("[{'op': 'add', 'path': '/name', 'value': 'a'},"
                + " {'op': 'replace', 'path': '/name', 'value': 'b'}]");

        assertThat(result.draft().name()).isEqualTo("b");
    }

    @Test
    void versionAcceptsNumberAndString() throws Exception {
        assertThat(apply("{'op': 'add', 'path': '/version', 'value': 3}").expectedVersion()).isEqualTo(3);
        assertThat(apply("{'op': 'add', 'path': '/version', 'value': '4'}").expectedVersion()).isEqualTo(4);
    }

    @Test
    void orderTakesArrayOfIds() throws Exception {
        MergePolicyPatch.Result result = apply("{'op': 'add', 'path': '/attributeMerge.order', 'value': ['a', 'b']}");

        assertThat(result.draft().datasetOrder()).containsExactly("a", "b");
    }

    @Test
    void rejectionsNameTheField() {
        List<String[]> cases = List.of(
                new String[] {"{'op': 'add', 'path': '/sandbox', 'value': 'x'}", "path"},
                new String[] {"{'op': 'remove', 'path': '/name', 'value': 'x'}", "op"},
                new String[] {"{'path': '/name', 'value': 'x'}", "op"},
                new String[] {"{'op': 'add', 'value': 'x'}", "path"},
                new String[] {"{'op': 'add', 'path': '/name'}", "value"},
                new String[] {"[{'op': 'add', 'path': 'name', 'value': 'x'}]", "[0].path"},
                new String[] {"[{'op': 'add', 'path': '/default', 'value': 1}]", "[0].value"},
                new String[] {"[{'op': 'add', 'path': '/version', 'value': 'two'}]", "[0].value"},
                new String[] {"[{'op': 'add', 'path': '/name', 'value': 5}]", "[0].value"},
                new String[] {"[{'op': 'add', 'path': '/attributeMerge.order', 'value': [1]}]", "[0].value[0]"},
                new String[] {"['add']", "[0]"},
                new String[] {"[]", "body"},
                new String[] {"'add'", "body"});
        for (String[] testCase : cases) {
            DomainException rejection = rejection(testCase[0]);

            assertThat(rejection).as(testCase[0]).isNotNull();
            assertThat(rejection.field()).as(testCase[0]).isEqualTo(testCase[1]);
        }
    }
}
