package io.openprofile.server.computed.pql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Static checks against schema types, and the same expressions accepted when no type is known. */
class TypeCheckTest {

    private static final FieldTypes SCHEMA = FieldTypes.of(Map.ofEntries(
            Map.entry("web.webPageDetails.name", XdmType.STRING),
            Map.entry("web.webPageDetails.isHomePage", XdmType.BOOLEAN),
            Map.entry("web.webPageDetails.pageViews.value", XdmType.INTEGER),
            Map.entry("commerce.order.priceTotal", XdmType.NUMBER),
            Map.entry("commerce.order.quantity", XdmType.LONG),
            Map.entry("commerce.shipping.shipDate", XdmType.DATE_TIME),
            Map.entry("person.birthDate", XdmType.DATE),
            Map.entry("placeContext", XdmType.OBJECT),
            Map.entry("productListItems", XdmType.ARRAY),
            Map.entry("_tenant.tags", XdmType.ARRAY),
            Map.entry("_tenant.preferences", XdmType.MAP),
            Map.entry("eventType", XdmType.STRING)));

    static Stream<Arguments> schemaErrors() {
        return Stream.of(
                Arguments.of("xEvent.sum(web.webPageDetails.name)", 12, "sum needs a numeric field; the field"
                        + " web.webPageDetails.name at position 12 is a string in the schema"),
                Arguments.of("xEvent.sum(web.webPageDetails.isHomePage)", 12, "is a boolean in the schema"),
                Arguments.of("xEvent.sum(commerce.shipping.shipDate)", 12, "is a date-time in the schema"),
                Arguments.of("xEvent.min(web.webPageDetails.name)", 12, "min needs a numeric, date or date-time field;"
                        + " the field web.webPageDetails.name at position 12 is a string in the schema"),
                Arguments.of("xEvent.max(placeContext)", 12, "max needs a numeric, date or date-time field; the"
                        + " field placeContext at position 12 is an object in the schema"),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": placeContext})"
                        + ".head()", 65, "the most recent value needs a field of a primitive type or an array; the"
                        + " field placeContext at position 65 is an object in the schema"),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\":"
                        + " _tenant.preferences}).head()", 65, "is a map in the schema"),
                Arguments.of("xEvent[web.webPageDetails.name = 5].count()", 34, "the field web.webPageDetails.name"
                        + " at position 8 is a string in the schema, so comparing it with the number 5 at position"
                        + " 34 can never be true"),
                Arguments.of("xEvent[\"10\" < commerce.order.priceTotal].count()", 8, "the field"
                        + " commerce.order.priceTotal at position 15 is a number in the schema, so comparing it with"
                        + " the string \"10\" at position 8 can never be true"),
                Arguments.of("xEvent[web.webPageDetails.isHomePage = \"true\"].count()", 40,
                        "is a boolean in the schema, so comparing it with the string \"true\""),
                Arguments.of("xEvent[web.webPageDetails.isHomePage > web.webPageDetails.name].count()", 38,
                        "'>' at position 38 cannot order booleans"),
                Arguments.of("xEvent[web.webPageDetails.name = commerce.order.priceTotal].count()", 34, "the field"
                        + " web.webPageDetails.name at position 8 is a string in the schema but the field"
                        + " commerce.order.priceTotal at position 34 is a number in the schema, so comparing them"
                        + " can never be true"),
                Arguments.of("xEvent[placeContext = \"x\"].count()", 8, "the field placeContext at position 8 is an"
                        + " object in the schema and cannot be compared"),
                Arguments.of("xEvent[productListItems != 1].count()", 8, "is an array in the schema and cannot be"
                        + " compared"),
                Arguments.of("xEvent[commerce.order.priceTotal occurs <= 1 days before now].count()", 8, "occurs"
                        + " needs a date or date-time field; the field commerce.order.priceTotal at position 8 is a"
                        + " number in the schema"),
                Arguments.of("xEvent[commerce.order.quantity.contains(\"1\")].count()", 8, "contains needs a string"
                        + " field; the field commerce.order.quantity at position 8 is a long in the schema"));
    }

    @ParameterizedTest
    @MethodSource("schemaErrors")
    void schemaTypesRejectMismatch(String text, int position, String message) {
        PqlException error = catchThrowableOfType(() -> Pql.compile(text, SCHEMA), PqlException.class);

        assertThat(error).as(text).isNotNull();
        assertThat(error.getMessage()).as(text).contains(message);
        assertThat(error.position()).as(text).isEqualTo(position);
    }

    @ParameterizedTest
    @MethodSource("schemaErrors")
    void unknownTypesAcceptSameExpression(String text, int position, String message) {
        CompiledExpression expression = Pql.compile(text);

        assertThat(expression.text()).isEqualTo(text);
    }

    @Test
    void timestampIsDateTimeWithoutSchema() {
        PqlException error = catchThrowableOfType(() -> Pql.compile("xEvent[timestamp > 5].count()"),
                PqlException.class);

        assertThat(error.getMessage()).isEqualTo("the field timestamp at position 8 is a date-time in the schema,"
                + " so comparing it with the number 5 at position 20 can never be true");
    }

    @Test
    void timestampComparesWithStrings() {
        CompiledExpression expression = Pql.compile("xEvent[timestamp >= \"2024-01-01T00:00:00Z\"].count()");

        assertThat(expression.kind()).isEqualTo(AggregationKind.COUNT);
    }

    @Test
    void dateFieldsComparedWithStrings() {
        CompiledExpression expression = Pql.compile("xEvent[person.birthDate = \"1990-05-01\" and"
                + " commerce.shipping.shipDate occurs < 2 weeks before now].count()", SCHEMA);

        assertThat(expression.kind()).isEqualTo(AggregationKind.COUNT);
    }

    @Test
    void countReturnsIntegerAndSumNumber() {
        assertThat(Pql.compile("xEvent.count()", SCHEMA).returnType()).isEqualTo(XdmType.INTEGER);
        assertThat(Pql.compile("xEvent.sum(web.webPageDetails.pageViews.value)", SCHEMA).returnType())
                .isEqualTo(XdmType.NUMBER);
        assertThat(Pql.compile("xEvent.sum(commerce.order.priceTotal)", SCHEMA).returnType())
                .isEqualTo(XdmType.NUMBER);
    }

    @Test
    void minAndMaxReturnFieldType() {
        assertThat(Pql.compile("xEvent.max(commerce.order.quantity)", SCHEMA).returnType()).isEqualTo(XdmType.LONG);
        assertThat(Pql.compile("xEvent.min(web.webPageDetails.pageViews.value)", SCHEMA).returnType())
                .isEqualTo(XdmType.INTEGER);
        assertThat(Pql.compile("xEvent.min(commerce.order.priceTotal)", SCHEMA).returnType())
                .isEqualTo(XdmType.NUMBER);
    }

    @Test
    void minOfDateTimeReturnsString() {
        assertThat(Pql.compile("xEvent.min(commerce.shipping.shipDate)", SCHEMA).returnType())
                .isEqualTo(XdmType.STRING);
        assertThat(Pql.compile("xEvent.max(person.birthDate)", SCHEMA).returnType()).isEqualTo(XdmType.STRING);
        assertThat(Pql.compile("xEvent.max(timestamp)").returnType()).isEqualTo(XdmType.STRING);
    }

    @Test
    void untypedMinIsNumberUnlessUsedWithOccurs() {
        assertThat(Pql.compile("xEvent.min(_tenant.shipDate)").returnType()).isEqualTo(XdmType.NUMBER);
        assertThat(Pql.compile("xEvent[_tenant.shipDate occurs <= 3 days before now].min(_tenant.shipDate)")
                .returnType()).isEqualTo(XdmType.STRING);
    }

    @Test
    void mostRecentReturnsFieldType() {
        String template = "xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": %s}).head()";

        assertThat(Pql.compile(String.format(template, "web.webPageDetails.name"), SCHEMA).returnType())
                .isEqualTo(XdmType.STRING);
        assertThat(Pql.compile(String.format(template, "web.webPageDetails.isHomePage"), SCHEMA).returnType())
                .isEqualTo(XdmType.BOOLEAN);
        assertThat(Pql.compile(String.format(template, "_tenant.tags"), SCHEMA).returnType())
                .isEqualTo(XdmType.ARRAY);
        assertThat(Pql.compile(String.format(template, "commerce.order.priceTotal"), SCHEMA).returnType())
                .isEqualTo(XdmType.NUMBER);
        assertThat(Pql.compile(String.format(template, "_tenant.unknown")).returnType())
                .isEqualTo(XdmType.STRING);
    }

    @Test
    void unknownPathsPassWithSchema() {
        CompiledExpression expression = Pql.compile("xEvent[_tenant.level = \"gold\"].sum(_tenant.points)", SCHEMA);

        assertThat(expression.returnType()).isEqualTo(XdmType.NUMBER);
    }

    @Test
    void schemaTypesMayRetypeTimestamp() {
        FieldTypes longTimestamp = FieldTypes.of(Map.of("timestamp", XdmType.LONG));

        CompiledExpression expression = Pql.compile("xEvent[timestamp > 5].count()", longTimestamp);

        assertThat(expression.kind()).isEqualTo(AggregationKind.COUNT);
    }

    @Test
    void metaNamesRoundTrip() {
        for (XdmType type : XdmType.values()) {
            assertThat(XdmType.fromMetaName(type.metaName())).contains(type);
        }
        assertThat(XdmType.fromMetaName("date-time")).contains(XdmType.DATE_TIME);
        assertThat(XdmType.fromMetaName("decimal")).isEmpty();
    }
}
