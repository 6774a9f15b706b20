package io.openprofile.server.computed.pql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openprofile.server.computed.pql.Ast.And;
import io.openprofile.server.computed.pql.Ast.Comparison;
import io.openprofile.server.computed.pql.Ast.FieldPath;
import io.openprofile.server.computed.pql.Ast.Literal;
import io.openprofile.server.computed.pql.Ast.MethodCall;
import io.openprofile.server.computed.pql.Ast.Not;
import io.openprofile.server.computed.pql.Ast.Occurs;
import io.openprofile.server.computed.pql.Ast.Or;
import io.openprofile.server.xdm.ComparisonOperator;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Valid expressions, with every computed-attribute expression of Adobe's documentation that the subset covers:
 * the Profile API reference and computed attributes API guide (sum over commerce events, min over
 * {@code commerce.shipping.shipDate}, most recent {@code producedBy}) and the sample-expressions page (counts, sums,
 * minimums and maximums over the last 7 days, also with the typographic quotes of its rendered HTML).
 */
class PqlParserTest {

    static Stream<Arguments> validExpressions() {
        return Stream.of(
                // Adobe: Profile API reference and computed attributes API guide.
                Arguments.of("xEvent[(commerce.checkouts.value > 0.0 or commerce.purchases.value > 1.0 or"
                        + " commerce.order.priceTotal >= 10.0) and (timestamp occurs <= 7 days before now)]"
                        + ".sum(commerce.order.priceTotal)", AggregationKind.SUM, XdmType.NUMBER,
                        "commerce.order.priceTotal"),
                Arguments.of("xEvent[(commerce.shipping.shipDate occurs <= 1 days before now) and (timestamp occurs"
                        + " <= 1 days before now)].min(commerce.shipping.shipDate)", AggregationKind.MIN,
                        XdmType.STRING, "commerce.shipping.shipDate"),
                Arguments.of("xEvent[eventType.equals(\"commerce.backofficeOrderPlaced\", false)].topN(timestamp, 1)"
                        + ".map({\"timestamp\": timestamp, \"value\": producedBy}).head()",
                        AggregationKind.MOST_RECENT, XdmType.STRING, "producedBy"),
                // Adobe: sample PQL expressions for computed attributes, markdown source.
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\"download\" and"
                        + " contentType = \"image\"].count()", AggregationKind.COUNT, XdmType.INTEGER, null),
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\"transaction\" and"
                        + " category = \"sporting goods\"].sum(commerce.order.priceTotal)", AggregationKind.SUM,
                        XdmType.NUMBER, "commerce.order.priceTotal"),
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\"transaction\" and"
                        + " category = \"sporting goods\"].count()", AggregationKind.COUNT, XdmType.INTEGER, null),
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\"transaction\" and"
                        + " category = \"sporting goods\"].min(commerce.order.priceTotal)", AggregationKind.MIN,
                        XdmType.NUMBER, "commerce.order.priceTotal"),
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\"transaction\" and"
                        + " category = \"sporting goods\"].max(commerce.order.priceTotal)", AggregationKind.MAX,
                        XdmType.NUMBER, "commerce.order.priceTotal"),
                // Adobe: the same page as rendered in HTML, with typographic quotes.
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\u201Cdownload\u201D and"
                        + " contentType = \u201Cimage\u201D].count()", AggregationKind.COUNT, XdmType.INTEGER, null),
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\u201Ctransaction\u201D"
                        + " and category = \u201Csporting goods\u201D].sum(commerce.order.priceTotal)",
                        AggregationKind.SUM, XdmType.NUMBER, "commerce.order.priceTotal"),
                // Forms of the subset beyond Adobe's examples.
                Arguments.of("xEvent[eventType = \"commerce.productViews\"].count()", AggregationKind.COUNT,
                        XdmType.INTEGER, null),
                Arguments.of("xEvent.count()", AggregationKind.COUNT, XdmType.INTEGER, null),
                Arguments.of("xEvent.sum(_tenant.loyaltyPoints)", AggregationKind.SUM, XdmType.NUMBER,
                        "_tenant.loyaltyPoints"),
                Arguments.of("xEvent[not (web.webPageDetails.isHomePage = true)].max(timestamp)", AggregationKind.MAX,
                        XdmType.STRING, "timestamp"),
                Arguments.of("xEvent[commerce.order.priceTotal != -12 and commerce.order.priceTotal < -0.5]"
                        + ".min(commerce.order.priceTotal)", AggregationKind.MIN, XdmType.NUMBER,
                        "commerce.order.priceTotal"),
                Arguments.of("xEvent[timestamp occurs > 1 week before now and timestamp occurs <= 6 months before"
                        + " now].count()", AggregationKind.COUNT, XdmType.INTEGER, null),
                Arguments.of("xEvent[timestamp occurs = 3 hours before now or timestamp occurs != 1 hour before now]"
                        + ".count()", AggregationKind.COUNT, XdmType.INTEGER, null),
                Arguments.of("xEvent[web.webPageDetails.name.startsWith(\"Home\") and"
                        + " web.webPageDetails.URL.contains(\"luma\", false)].topN(timestamp, 1)"
                        + ".map({\"value\": web.webPageDetails.name, \"timestamp\": timestamp}).head()",
                        AggregationKind.MOST_RECENT, XdmType.STRING, "web.webPageDetails.name"),
                Arguments.of("xEvent[\"x\" = \"x\" and 1 = 1.0 and true != false].count()", AggregationKind.COUNT,
                        XdmType.INTEGER, null),
                Arguments.of("xEvent[ 10.0 <= commerce.order.priceTotal ] . sum ( commerce.order.priceTotal ) ",
                        AggregationKind.SUM, XdmType.NUMBER, "commerce.order.priceTotal"),
                Arguments.of("xEvent[_tenant.not = \"x\"].count()", AggregationKind.COUNT, XdmType.INTEGER, null));
    }

    @ParameterizedTest
    @MethodSource("validExpressions")
    void compilesValidExpression(String text, AggregationKind kind, XdmType returnType, String field) {
        CompiledExpression expression = Pql.compile(text);

        assertThat(expression.kind()).isEqualTo(kind);
        assertThat(expression.mergeFunction()).isEqualTo(kind.mergeFunction());
        assertThat(expression.returnType()).isEqualTo(returnType);
        assertThat(expression.field().orElse(null)).isEqualTo(field);
        assertThat(expression.text()).isEqualTo(text);
    }

    @Test
    void mergeFunctionsFollowAdobe() {
        assertThat(Pql.compile("xEvent.count()").mergeFunction()).isEqualTo("SUM");
        assertThat(Pql.compile("xEvent.sum(a)").mergeFunction()).isEqualTo("SUM");
        assertThat(Pql.compile("xEvent.min(a)").mergeFunction()).isEqualTo("MIN");
        assertThat(Pql.compile("xEvent.max(a)").mergeFunction()).isEqualTo("MAX");
        assertThat(Pql.compile("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": a}).head()")
                .mergeFunction()).isEqualTo("MOST_RECENT");
    }

    @Test
    void andBindsTighterThanOr() {
        Ast.Expression expression = PqlParser.parse("xEvent[a = 1 or b = 2 and c = 3].count()");

        Or or = (Or) expression.filter().orElseThrow();
        assertThat(or.operands()).hasSize(2);
        assertThat(or.operands().get(0)).isInstanceOf(Comparison.class);
        assertThat(or.operands().get(1)).isInstanceOf(And.class);
    }

    @Test
    void parenthesesOverridePrecedence() {
        Ast.Expression expression = PqlParser.parse("xEvent[(a = 1 or b = 2) and c = 3].count()");

        And and = (And) expression.filter().orElseThrow();
        assertThat(and.operands().get(0)).isInstanceOf(Or.class);
        assertThat(and.operands().get(1)).isInstanceOf(Comparison.class);
    }

    @Test
    void chainsOfOneOperatorAreFlat() {
        Ast.Expression expression = PqlParser.parse("xEvent[a = 1 or b = 2 or c = 3].count()");

        assertThat(((Or) expression.filter().orElseThrow()).operands()).hasSize(3);
    }

    @Test
    void notAppliesToNextOperandOnly() {
        Ast.Expression expression = PqlParser.parse("xEvent[not a = 1 and b = 2].count()");

        And and = (And) expression.filter().orElseThrow();
        assertThat(and.operands().get(0)).isInstanceOf(Not.class);
        assertThat(and.operands().get(1)).isInstanceOf(Comparison.class);
    }

    @Test
    void comparisonKeepsOperandsAndPositions() {
        Ast.Expression expression = PqlParser.parse("xEvent[commerce.order.priceTotal >= -10.5].count()");

        Comparison comparison = (Comparison) expression.filter().orElseThrow();
        assertThat(comparison.left()).isEqualTo(new FieldPath("commerce.order.priceTotal", 8));
        assertThat(comparison.operator()).isEqualTo(ComparisonOperator.GREATER_OR_EQUAL);
        assertThat(comparison.position()).isEqualTo(34);
        Literal right = (Literal) comparison.right();
        assertThat(right.kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(right.value().decimalValue()).isEqualByComparingTo("-10.5");
        assertThat(right.position()).isEqualTo(37);
    }

    @Test
    void occursClauseKeepsItsParts() {
        Ast.Expression expression = PqlParser.parse("xEvent[timestamp occurs < 24 hours before now].count()");

        Occurs occurs = (Occurs) expression.filter().orElseThrow();
        assertThat(occurs.field().path()).isEqualTo("timestamp");
        assertThat(occurs.operator()).isEqualTo(ComparisonOperator.LESS);
        assertThat(occurs.count()).isEqualTo(24);
        assertThat(occurs.unit()).isEqualTo(LookbackUnit.HOURS);
        assertThat(occurs.position()).isEqualTo(18);
    }

    @Test
    void unitsAcceptSingularAndPlural() {
        for (String unit : new String[] {"hour", "hours", "day", "days", "week", "weeks", "month", "months"}) {
            Occurs occurs = (Occurs) PqlParser.parse("xEvent[timestamp occurs <= 1 " + unit + " before now].count()")
                    .filter().orElseThrow();

            assertThat(occurs.unit().name()).as(unit).startsWith(unit.toUpperCase(Locale.ROOT));
        }
    }

    @Test
    void methodCallSplitsReceiverAndName() {
        Ast.Expression expression = PqlParser.parse("xEvent[web.webPageDetails.name.endsWith(\"x\", true)].count()");

        MethodCall call = (MethodCall) expression.filter().orElseThrow();
        assertThat(call.receiver().path()).isEqualTo("web.webPageDetails.name");
        assertThat(call.method()).isEqualTo("endsWith");
        assertThat(call.arguments()).hasSize(2);
        assertThat(call.position()).isEqualTo(32);
    }

    @Test
    void keywordsIgnoreCase() {
        CompiledExpression lower = Pql.compile("xEvent[not (a = true) and (b = false or timestamp occurs <= 7 days"
                + " before now)].count()");
        CompiledExpression upper = Pql.compile("xEvent[NOT (a = TRUE) AND (b = False Or timestamp OCCURS <= 7 Days"
                + " BEFORE Now)].count()");

        assertThat(upper.kind()).isEqualTo(lower.kind());
        Ast.Expression parsed = PqlParser.parse(upper.text());
        And and = (And) parsed.filter().orElseThrow();
        assertThat(and.operands().get(0)).isInstanceOf(Not.class);
        assertThat(and.operands().get(1)).isInstanceOf(Or.class);
    }

    @Test
    void eventsWordIsCaseSensitive() {
        assertThatThrownBy(() -> Pql.compile("XEVENT.count()"))
                .isInstanceOf(PqlException.class)
                .hasMessage("expected 'xEvent' at position 1 but found 'XEVENT'");
    }

    @Test
    void functionNamesAreCaseSensitive() {
        assertThatThrownBy(() -> Pql.compile("xEvent.SUM(a)"))
                .isInstanceOf(PqlException.class)
                .hasMessageStartingWith("unknown function 'SUM' at position 8");
    }

    @Test
    void fieldPathsKeepTheirCase() {
        CompiledExpression expression = Pql.compile("xEvent.sum(Commerce.Order.PriceTotal)");

        assertThat(expression.field()).contains("Commerce.Order.PriceTotal");
    }

    @Test
    void typographicAndStraightQuotesParseAlike() {
        Ast.Expression typographic = PqlParser.parse("xEvent[eventType = \u201Cdownload\u201D].count()");
        Ast.Expression straight = PqlParser.parse("xEvent[eventType = \"download\"].count()");

        Literal typographicLiteral = (Literal) ((Comparison) typographic.filter().orElseThrow()).right();
        Literal straightLiteral = (Literal) ((Comparison) straight.filter().orElseThrow()).right();
        assertThat(typographicLiteral.value()).isEqualTo(straightLiteral.value());
    }

    @Test
    void emptyFilterIsOptional() {
        Ast.Expression expression = PqlParser.parse("xEvent.count()");

        assertThat(expression.filter()).isEmpty();
        assertThat(expression.calls()).hasSize(1);
    }
}
