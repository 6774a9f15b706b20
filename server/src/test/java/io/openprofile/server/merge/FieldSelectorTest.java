package io.openprofile.server.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectNode PROFILE = json("{"
            + "'identities': [{'id': 'a@b.c', 'namespace': {'code': 'Email'}}],"
            + "'person': {'name': {'firstName': 'Jane', 'lastName': 'Doe'}, 'gender': 'female'},"
            + "'workEmail': {'address': 'jane@xyz.com', 'primary': false},"
            + "'addresses': [{'type': 'home', 'city': {'name': 'Portland', 'country': 'US'}, 'street': 'Main'},"
            + "              {'type': 'work', 'city': {'name': 'San Jose', 'country': 'US'}},"
            + "              {'street': 'Only street'}],"
            + "'segments': ['s1', 's2']}");

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String select(String fields) {
        return FieldSelector.parse(fields).select(PROFILE).toString();
    }

    @Test
    void topLevelFieldsAreKept() {
        assertThat(select("workEmail,segments"))
                .isEqualTo(json("{'workEmail': {'address': 'jane@xyz.com', 'primary': false},"
                        + " 'segments': ['s1', 's2']}").toString());
    }

    @Test
    void dotPathKeepsOnlyThatBranch() {
        assertThat(select("person.name.firstName"))
                .isEqualTo(json("{'person': {'name': {'firstName': 'Jane'}}}").toString());
    }

    @Test
    void selectingObjectKeepsAllChildren() {
        assertThat(select("person.name"))
                .isEqualTo(json("{'person': {'name': {'firstName': 'Jane', 'lastName': 'Doe'}}}").toString());
    }

    @Test
    void parenthesesEqualDottedPaths() {
        assertThat(select("addresses(type,city.country)")).isEqualTo(select("addresses.type,addresses.city.country"));
    }

    @Test
    void pathThroughArrayAppliesToEachElement() {
        assertThat(select("addresses(type,city.country)")).isEqualTo(json("{'addresses': ["
                + "{'type': 'home', 'city': {'country': 'US'}}, {'type': 'work', 'city': {'country': 'US'}}]}")
                .toString());
    }

    @Test
    void arrayElementsWithoutMatchAreLeftOut() {
        assertThat(select("addresses.street"))
                .isEqualTo(json("{'addresses': [{'street': 'Main'}, {'street': 'Only street'}]}").toString());
    }

    @Test
    void unknownPathsAreAbsent() {
        assertThat(select("loyalty,person.nickname,person.name.firstName.x"))
                .isEqualTo("{}");
    }

    @Test
    void objectWithNoMatchIsAbsent() {
        assertThat(select("person.nickname,workEmail")).doesNotContain("person");
    }

    @Test
    void wholeObjectAndSubPathKeepWhole() {
        assertThat(select("person.name.firstName,person")).isEqualTo(select("person"));
    }

    @Test
    void nestedParenthesesAreSupported() {
        assertThat(select("person(name(lastName),gender)"))
                .isEqualTo(json("{'person': {'name': {'lastName': 'Doe'}, 'gender': 'female'}}").toString());
    }

    @Test
    void whitespaceAroundNamesIsIgnored() {
        assertThat(select(" person . gender , workEmail.address "))
                .isEqualTo(select("person.gender,workEmail.address"));
    }

    @Test
    void listFormMatchesStringForm() {
        String fromList = FieldSelector.parse(List.of("identities", "person.name", "addresses(type)"))
                .select(PROFILE).toString();

        assertThat(fromList).isEqualTo(select("identities,person.name,addresses(type)"));
    }

    @Test
    void sourceIsNotModified() {
        String before = PROFILE.toString();

        ObjectNode selected = FieldSelector.parse("person").select(PROFILE);
        ((ObjectNode) selected.get("person")).put("gender", "changed");

        assertThat(PROFILE.toString()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a(b                | missing ')' for the '(' at position 2",
        "a)b                | unbalanced ')' at position 2",
        "a(b))              | unbalanced ')' at position 5",
        "a,,b               | empty field name at position 3",
        "a..b               | empty field name at position 3",
        "a()                | empty field name at position 3",
        "''                 | empty field name at position 1",
        ".a                 | empty field name at position 1",
        "a(b)c              | expected ',' or ')' at position 5",
        "a(b)(c)            | expected ',' or ')' at position 5"
    })
    void invalidSyntaxNamesPosition(String fields, String expected) {
        assertThatThrownBy(() -> FieldSelector.parse(fields))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void errorsNameFieldsByDefault() {
        assertThatThrownBy(() -> FieldSelector.parse("a(b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid fields \"a(b\": ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "emails,person(firstName    | missing ')' for the '(' at position 14",
        "emails,,person             | empty field name at position 8",
        "person(name)x              | expected ',' or ')' at position 13"
    })
    void errorsNameGivenParameter(String selector, String expected) {
        assertThatThrownBy(() -> FieldSelector.parse(selector, "selector"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid selector \"" + selector + "\": ")
                .hasMessageEndingWith(expected);
    }

    @Test
    void projectionSelectorExampleSelects() {
        String selected = FieldSelector.parse("workEmail,person(name(firstName))", "selector")
                .select(PROFILE).toString();

        assertThat(selected).isEqualTo(json("{'workEmail': {'address': 'jane@xyz.com', 'primary': false},"
                + " 'person': {'name': {'firstName': 'Jane'}}}").toString());
    }

    @Test
    void namedParseMatchesFieldsParse() {
        String named = FieldSelector.parse("addresses(type,city.country),person.gender", "selector")
                .select(PROFILE).toString();

        assertThat(named).isEqualTo(select("addresses(type,city.country),person.gender"));
    }

    @Test
    void invalidListItemIsNamed() {
        assertThatThrownBy(() -> FieldSelector.parse(List.of("person", "a(b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fields[1]");
    }

    @Test
    void emptyListIsRejected() {
        assertThatThrownBy(() -> FieldSelector.parse(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
