package io.openprofile.server.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.xdm.ComparisonOperator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyFilterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectNode EVENT = json("{"
            + "'timestamp': '2020-07-20T23:30:00-07:00',"
            + "'receivedAt': 1595289600000,"
            + "'web': {'webPageDetails': {'isHomepage': false, 'name': 'home', 'pageViews': {'value': 3}}},"
            + "'placeContext': {'localTime': '2020-07-20T10:00:00'},"
            + "'productListItems': [{'SKU': 'LLMJ03', 'quantity': 3}, {'SKU': '24-UG03', 'quantity': 1}],"
            + "'commerce': {'order': {'purchaseID': '805-472-642-1090', 'priceTotal': 252.19}},"
            + "'code': '20200720',"
            + "'note': null}");

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static boolean matches(String filter) {
        return PropertyFilter.parse(filter).matches(EVENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "web.webPageDetails.isHomepage=false             | true",
        "web.webPageDetails.isHomepage=true              | false",
        "web.webPageDetails.isHomepage!=true             | true",
        "web.webPageDetails.name=home                    | true",
        "web.webPageDetails.name=\"home\"                | true",
        "web.webPageDetails.name!=home                   | false",
        "web.webPageDetails.name<homf                    | true",
        "web.webPageDetails.pageViews.value=3            | true",
        "web.webPageDetails.pageViews.value>=3           | true",
        "web.webPageDetails.pageViews.value>3            | false",
        "web.webPageDetails.pageViews.value<3.5          | true",
        "web.webPageDetails.pageViews.value<=2           | false",
        "commerce.order.priceTotal>252.1                 | true",
        "commerce.order.priceTotal=252.19                | true",
        "commerce.order.priceTotal=\"252.19\"            | true"
    })
    void scalarComparisons(String filter, boolean expected) {
        assertThat(matches(filter)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "placeContext.localTime<=\"2020-07-20\"          | true",
        "placeContext.localTime<\"2020-07-20\"           | false",
        "placeContext.localTime=2020-07-20               | true",
        "placeContext.localTime>=20200720                | true",
        "placeContext.localTime>20200719                 | true",
        "placeContext.localTime>20200720                 | false",
        "timestamp=\"2020-07-20\"                        | true",
        "timestamp>\"2020-07-20\"                        | false",
        "receivedAt=\"2020-07-21\"                       | true",
        "receivedAt<2020-07-21                           | false"
    })
    void datesCompareAsDates(String filter, boolean expected) {
        assertThat(matches(filter)).isEqualTo(expected);
    }

    @Test
    void timestampDateUsesItsOwnOffset() {
        // 23:30 at -07:00 is already 2020-07-21 in UTC, but the written date is 2020-07-20.
        assertThat(matches("timestamp<\"2020-07-21\"")).isTrue();
    }

    @Test
    void eightDigitValueComparesWithNumbersAsNumber() {
        assertThat(matches("receivedAt>20200720")).isTrue();
    }

    @Test
    void eightDigitStringFieldComparesAsString() {
        assertThat(matches("code=20200720")).isTrue();
    }

    @Test
    void pathThroughArrayMatchesAnyElement() {
        assertThat(matches("productListItems.SKU=24-UG03")).isTrue();
        assertThat(matches("productListItems.quantity>2")).isTrue();
        assertThat(matches("productListItems.quantity>3")).isFalse();
    }

    @Test
    void missingFieldNeverMatches() {
        assertThat(matches("web.webPageDetails.missing=x")).isFalse();
        assertThat(matches("web.webPageDetails.missing!=x")).isFalse();
    }

    @Test
    void nullFieldNeverMatches() {
        assertThat(matches("note!=x")).isFalse();
    }

    @Test
    void mismatchedTypeMatchesOnlyNotEqual() {
        assertThat(matches("web.webPageDetails.isHomepage=3")).isFalse();
        assertThat(matches("web.webPageDetails.isHomepage!=3")).isTrue();
        assertThat(matches("web.webPageDetails!=x")).isTrue();
    }

    @Test
    void parsedPartsAreExposed() {
        PropertyFilter filter = PropertyFilter.parse("placeContext.localTime<=\"2020-07-20\"");

        assertThat(filter.path()).containsExactly("placeContext", "localTime");
        assertThat(filter.operator()).isEqualTo(ComparisonOperator.LESS_OR_EQUAL);
        assertThat(filter.toString()).isEqualTo("placeContext.localTime<=\"2020-07-20\"");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "web.webPageDetails.isHomepage      | missing operator",
        "=true                              | missing field path",
        "a..b=1                             | empty segment",
        "a!1                                | must be followed by '='",
        "a=                                 | missing value",
        "a=\"open                           | missing its closing quote",
        "a<true                             | not a boolean",
        "a>=2020-13-45                      | not a valid date"
    })
    void invalidSyntaxIsRejected(String filter, String problem) {
        assertThatThrownBy(() -> PropertyFilter.parse(filter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(filter)
                .hasMessageContaining(problem);
    }

    @Test
    void atMostThreeFilters() {
        List<String> four = List.of("a=1", "b=2", "c=3", "d=4");

        assertThatThrownBy(() -> PropertyFilter.parseAll(four))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 3");
    }

    @Test
    void parseAllKeepsOrder() {
        List<PropertyFilter> filters = PropertyFilter.parseAll(List.of("a=1", "b!=2"));

        assertThat(filters).extracting(PropertyFilter::operator)
                .containsExactly(ComparisonOperator.EQUAL, ComparisonOperator.NOT_EQUAL);
    }
}
