package io.openprofile.server.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.identity.NamespaceCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeEngineTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MergePolicy TIMESTAMP = MergePolicy.systemDefault(0);

    private final MergeEngine engine = new MergeEngine(NamespaceCatalog.standard());

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static Fragment fragment(String datasetId, String key, long recordTime, long ingestedAt, String record) {
        return new Fragment(datasetId, key, json(record), recordTime, ingestedAt);
    }

    private static MergePolicy precedence(String... order) {
        return new MergePolicy("p", "precedence", MergePolicy.PROFILE_SCHEMA, IdentityGraphType.PDG,
                AttributeMergeType.DATASET_PRECEDENCE, List.of(order), false, false, 1, 0);
    }

    @Test
    void timestampOrderedLatestFragmentWins() {
        Fragment crm = fragment("crm", "k1", 100, 100, "{'person': {'name': {'firstName': 'Danny'}}}");
        Fragment loyalty = fragment("loyalty", "k2", 200, 200, "{'person': {'name': {'firstName': 'Daniel'}}}");

        MergedProfile profile = engine.merge(List.of(crm, loyalty), TIMESTAMP);

        assertThat(profile.entity().at("/person/name/firstName").asText()).isEqualTo("Daniel");
    }

    @Test
    void objectsMergeFieldByField() {
        Fragment older = fragment("crm", "k1", 100, 100,
                "{'person': {'name': {'firstName': 'Danny', 'lastName': 'Wright'}},"
                        + " 'homeAddress': {'city': 'Portland'}}");
        Fragment newer = fragment("loyalty", "k2", 200, 200,
                "{'person': {'name': {'firstName': 'Daniel'}}, 'loyalty': {'level': 'gold'}}");

        MergedProfile profile = engine.merge(List.of(older, newer), TIMESTAMP);

        assertThat(profile.entity().at("/person/name/firstName").asText()).isEqualTo("Daniel");
        assertThat(profile.entity().at("/person/name/lastName").asText()).isEqualTo("Wright");
        assertThat(profile.entity().at("/homeAddress/city").asText()).isEqualTo("Portland");
        assertThat(profile.entity().at("/loyalty/level").asText()).isEqualTo("gold");
    }

    @Test
    void arraysAreReplacedWhole() {
        Fragment older = fragment("a", "k", 100, 100, "{'segments': ['s1', 's2', 's3']}");
        Fragment newer = fragment("b", "k", 200, 200, "{'segments': ['s9']}");

        MergedProfile profile = engine.merge(List.of(older, newer), TIMESTAMP);

        assertThat(profile.entity().get("segments").toString()).isEqualTo("[\"s9\"]");
    }

    @Test
    void nullNeverOverwritesValue() {
        Fragment older = fragment("crm", "k1", 100, 100,
                "{'person': {'gender': 'male'}, 'mobilePhone': {'number': '1'}}");
        Fragment newer = fragment("crm2", "k2", 200, 200, "{'person': {'gender': null}, 'mobilePhone': null}");

        MergedProfile profile = engine.merge(List.of(newer, older), TIMESTAMP);

        assertThat(profile.entity().at("/person/gender").asText()).isEqualTo("male");
        assertThat(profile.entity().at("/mobilePhone/number").asText()).isEqualTo("1");
    }

    @Test
    void onlyNullValuesAreLeftOut() {
        Fragment only = fragment("crm", "k1", 100, 100, "{'person': {'gender': null, 'name': 'x'}, 'email': null}");

        MergedProfile profile = engine.merge(List.of(only), TIMESTAMP);

        assertThat(profile.entity().has("email")).isFalse();
        assertThat(profile.entity().get("person").has("gender")).isFalse();
        assertThat(profile.entity().at("/person/name").asText()).isEqualTo("x");
    }

    @Test
    void newerScalarBeatsOlderObject() {
        Fragment older = fragment("a", "k", 100, 100, "{'address': {'city': 'Portland'}}");
        Fragment newer = fragment("b", "k", 200, 200, "{'address': 'unknown'}");

        MergedProfile profile = engine.merge(List.of(older, newer), TIMESTAMP);

        assertThat(profile.entity().get("address").asText()).isEqualTo("unknown");
    }

    @Test
    void equalTimestampsAnyInputOrderSameProfile() {
        Fragment a = fragment("dsA", "k1", 500, 900, "{'person': {'firstName': 'A'}, 'x': 'A'}");
        Fragment b = fragment("dsB", "k1", 500, 900, "{'person': {'firstName': 'B'}, 'y': 'B'}");
        Fragment c = fragment("dsA", "k0", 500, 900, "{'person': {'firstName': 'C'}, 'x': 'C'}");
        List<Fragment> forward = List.of(a, b, c);
        List<Fragment> backward = new ArrayList<>(forward);
        Collections.reverse(backward);

        MergedProfile first = engine.merge(forward, TIMESTAMP);
        MergedProfile second = engine.merge(backward, TIMESTAMP);

        assertThat(first).isEqualTo(second);
        assertThat(first.entity().at("/person/firstName").asText()).isEqualTo("C");
    }

    @Test
    void tieOnRecordTimeGoesToLaterIngestion() {
        Fragment earlier = fragment("dsA", "k", 500, 100, "{'v': 'early'}");
        Fragment later = fragment("dsB", "k", 500, 200, "{'v': 'late'}");

        assertThat(engine.merge(List.of(earlier, later), TIMESTAMP).entity().get("v").asText()).isEqualTo("late");
        assertThat(engine.merge(List.of(later, earlier), TIMESTAMP).entity().get("v").asText()).isEqualTo("late");
    }

    @Test
    void tieOnIngestionGoesToSmallerDatasetId() {
        Fragment a = fragment("dsA", "k", 500, 100, "{'v': 'A'}");
        Fragment b = fragment("dsB", "k", 500, 100, "{'v': 'B'}");

        assertThat(engine.merge(List.of(a, b), TIMESTAMP).entity().get("v").asText()).isEqualTo("A");
        assertThat(engine.merge(List.of(b, a), TIMESTAMP).entity().get("v").asText()).isEqualTo("A");
    }

    @Test
    void tieOnDatasetGoesToSmallerKey() {
        Fragment k1 = fragment("ds", "k1", 500, 100, "{'v': 'one'}");
        Fragment k2 = fragment("ds", "k2", 500, 100, "{'v': 'two'}");

        assertThat(engine.merge(List.of(k2, k1), TIMESTAMP).entity().get("v").asText()).isEqualTo("one");
    }

    @Test
    void precedenceEarliestDatasetWins() {
        Fragment crm = fragment("crm", "k", 100, 100, "{'person': {'firstName': 'Danny', 'lastName': 'Wright'}}");
        Fragment loyalty = fragment("loyalty", "k", 900, 900, "{'person': {'firstName': 'Daniel', 'title': 'Mr'}}");

        MergedProfile profile = engine.merge(List.of(loyalty, crm), precedence("crm", "loyalty"));

        assertThat(profile.entity().at("/person/firstName").asText()).isEqualTo("Danny");
        assertThat(profile.entity().at("/person/lastName").asText()).isEqualTo("Wright");
        assertThat(profile.entity().at("/person/title").asText()).isEqualTo("Mr");
    }

    @Test
    void precedenceNullFallsToNextDataset() {
        Fragment crm = fragment("crm", "k", 100, 100, "{'email': null}");
        Fragment loyalty = fragment("loyalty", "k", 50, 50, "{'email': 'x@y.z'}");

        MergedProfile profile = engine.merge(List.of(crm, loyalty), precedence("crm", "loyalty"));

        assertThat(profile.entity().get("email").asText()).isEqualTo("x@y.z");
    }

    @Test
    void datasetMissingFromOrderDoesNotContribute() {
        Fragment crm = fragment("crm", "k", 100, 100, "{'identityMap': {'Email': [{'id': 'a@b.c'}]}, 'a': 1}");
        Fragment web = fragment("web", "k", 900, 900, "{'identityMap': {'ECID': [{'id': 'e1'}]}, 'b': 2}");

        MergedProfile profile = engine.merge(List.of(crm, web), precedence("crm"));

        assertThat(profile.entity().has("b")).isFalse();
        assertThat(profile.entity().at("/identityMap").has("ECID")).isFalse();
        assertThat(profile.sources()).containsExactly("crm");
        assertThat(profile.lastModifiedAt()).isEqualTo(100);
    }

    @Test
    void precedenceWithinDatasetLatestWins() {
        Fragment old = fragment("crm", "k1", 100, 100, "{'v': 'old'}");
        Fragment fresh = fragment("crm", "k2", 200, 200, "{'v': 'new'}");
        Fragment other = fragment("loyalty", "k3", 900, 900, "{'v': 'other'}");

        MergedProfile profile = engine.merge(List.of(old, other, fresh), precedence("crm", "loyalty"));

        assertThat(profile.entity().get("v").asText()).isEqualTo("new");
    }

    @Test
    void identityMapEntriesCombined() {
        Fragment crm = fragment("crm", "k1", 900, 100,
                "{'identityMap': {'Email': [{'id': 'a@b.c', 'primary': true}], 'CRMID': [{'id': 'c1'}]}}");
        Fragment web = fragment("web", "k2", 100, 200,
                "{'identityMap': {'ECID': [{'id': 'e1'}, {'id': 'e2'}], 'Email': [{'id': 'a@b.c'}]}}");

        MergedProfile profile = engine.merge(List.of(crm, web), TIMESTAMP);

        ObjectNode map = (ObjectNode) profile.entity().get("identityMap");
        assertThat(map.get("Email")).hasSize(1);
        assertThat(map.at("/Email/0/primary").asBoolean()).isTrue();
        assertThat(map.get("CRMID")).hasSize(1);
        assertThat(map.get("ECID")).hasSize(2);
    }

    @Test
    void identityMapKeysDifferingInCaseCombine() {
        Fragment a = fragment("a", "k", 200, 200, "{'identityMap': {'EMAIL': [{'id': 'x@y.z'}]}}");
        Fragment b = fragment("b", "k", 100, 100, "{'identityMap': {'email': [{'id': 'x@y.z'}, {'id': 'X@y.z'}]}}");

        MergedProfile profile = engine.merge(List.of(a, b), TIMESTAMP);

        ObjectNode map = (ObjectNode) profile.entity().get("identityMap");
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get("Email")).hasSize(2);
    }

    @Test
    void namespaceUriKeyCombinesWithCode() {
        Fragment a = fragment("a", "k", 200, 200, "{'identityMap': {'ECID': [{'id': '9231'}]}}");
        Fragment b = fragment("b", "k", 100, 100,
                "{'identityMap': {'https://data.adobe.io/entities/namespace/4': [{'id': '9231'}, {'id': '77'}]}}");

        MergedProfile profile = engine.merge(List.of(a, b), TIMESTAMP);

        ObjectNode map = (ObjectNode) profile.entity().get("identityMap");
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get("ECID")).hasSize(2);
    }

    @Test
    void unknownNamespaceKeepsFirstSpelling() {
        MergeEngine plain = new MergeEngine();
        Fragment newer = fragment("a", "k", 200, 200, "{'identityMap': {'lumaCRM': [{'id': 'c1'}]}}");
        Fragment older = fragment("b", "k", 100, 100, "{'identityMap': {'LUMACRM': [{'id': 'c2'}]}}");

        MergedProfile profile = plain.merge(List.of(older, newer), TIMESTAMP);

        ObjectNode map = (ObjectNode) profile.entity().get("identityMap");
        assertThat(map.size()).isEqualTo(1);
        assertThat(map.get("lumaCRM")).hasSize(2);
    }

    @Test
    void legacyIdentitiesCombined() {
        Fragment a = fragment("a", "k", 200, 200, "{'identities': [{'id': 'a@b.c', 'namespace': {'code': 'Email'}}]}");
        Fragment b = fragment("b", "k", 100, 100, "{'identities': [{'id': 'a@b.c', 'namespace': {'code': 'email'}},"
                + " {'id': '6122006', 'namespace': {'code': 'Phone'}}]}");

        MergedProfile profile = engine.merge(List.of(a, b), TIMESTAMP);

        assertThat(profile.entity().get("identities")).hasSize(2);
        assertThat(profile.entity().at("/identities/0/namespace/code").asText()).isEqualTo("Email");
        assertThat(profile.entity().at("/identities/1/id").asText()).isEqualTo("6122006");
    }

    @Test
    void noIdentityFieldsWhenNoneGiven() {
        MergedProfile profile = engine.merge(List.of(fragment("a", "k", 1, 1, "{'v': 1}")), TIMESTAMP);

        assertThat(profile.entity().has("identityMap")).isFalse();
        assertThat(profile.entity().has("identities")).isFalse();
    }

    @Test
    void sourcesAreSortedAndDistinct() {
        Fragment b = fragment("dsB", "k1", 1, 10, "{}");
        Fragment a1 = fragment("dsA", "k2", 2, 30, "{}");
        Fragment a2 = fragment("dsA", "k3", 3, 20, "{}");

        MergedProfile profile = engine.merge(List.of(b, a1, a2), TIMESTAMP);

        assertThat(profile.sources()).containsExactly("dsA", "dsB");
        assertThat(profile.lastModifiedAt()).isEqualTo(30);
    }

    @Test
    void noFragmentsGiveEmptyProfile() {
        MergedProfile profile = engine.merge(List.of(), TIMESTAMP);

        assertThat(profile.entity().isEmpty()).isTrue();
        assertThat(profile.sources()).isEmpty();
        assertThat(profile.lastModifiedAt()).isZero();
    }

    @Test
    void inputRecordsAreNotModified() {
        Fragment a = fragment("a", "k", 200, 200, "{'person': {'name': 'A'}}");
        Fragment b = fragment("b", "k", 100, 100, "{'person': {'age': 3}}");

        MergedProfile profile = engine.merge(List.of(a, b), TIMESTAMP);
        ((ObjectNode) profile.entity().get("person")).put("name", "changed");

        assertThat(a.record().toString()).isEqualTo("{\"person\":{\"name\":\"A\"}}");
        assertThat(b.record().toString()).isEqualTo("{\"person\":{\"age\":3}}");
    }
}
