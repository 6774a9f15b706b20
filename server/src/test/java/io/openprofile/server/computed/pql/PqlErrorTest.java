package io.openprofile.server.computed.pql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax and static errors without schema types: expression, 1-based position, message fragment. */
class PqlErrorTest {

    static Stream<Arguments> invalidExpressions() {
        return Stream.of(
                // Brackets, dots and the end of the text.
                Arguments.of("xEvent[eventType = \"a\"", 23,
                        "expected ']' at position 23 but found end of expression"),
                Arguments.of("xEvent[eventType = \"a\"] sum(x)", 25, "expected '.' at position 25 but found 'sum'"),
                Arguments.of("xEvent[eventType = \"a\".count()", 23, "expected ']' at position 23 but found '.'"),
                Arguments.of("xEvent[(commerce.order.priceTotal > 0.0 or commerce.purchases.value > 1.0) and"
                        + " (timestamp occurs <= 7 days before now)sum(commerce.order.priceTotal)", 119,
                        "expected ']' at position 119 but found 'sum'"),
                Arguments.of("xEvent[].count()", 8, "expected a condition at position 8 but found ']'; to aggregate"
                        + " every event, leave out the brackets as in xEvent.count()"),
                Arguments.of("", 1, "expected 'xEvent' at position 1 but found end of expression"),
                Arguments.of("xevent.count()", 1, "expected 'xEvent' at position 1 but found 'xevent'"),
                Arguments.of("xEvent", 7, "expected '.' at position 7 but found end of expression"),
                Arguments.of("xEvent[x = 1]].count()", 14, "expected '.' at position 14 but found ']'"),
                Arguments.of("xEvent[x = 1].count() x", 23,
                        "expected '.' or the end of the expression at position 23 but found 'x'"),
                Arguments.of("xEvent[(x = 1].count()", 14, "expected ')' at position 14 but found ']'"),
                // Adobe's documentation lists this expression cut off after the filter.
                Arguments.of("xEvent[(commerce.checkouts.value > 0.0 or commerce.purchases.value > 1.0 or"
                        + " commerce.order.priceTotal >= 10.0)", 111,
                        "expected ']' at position 111 but found end of expression"),
                // Tokens.
                Arguments.of("xEvent[x = \"abc].count()", 12, "unterminated string starting at position 12"),
                Arguments.of("xEvent[x = 'abc'].count()", 12,
                        "unexpected character ''' at position 12; strings use double quotes"),
                Arguments.of("xEvent[x == 1].count()", 10, "'==' at position 10 is not an operator; use '='"),
                Arguments.of("xEvent[x = \"a\\q\"].count()", 14, "invalid escape '\\q' at position 14"),
                Arguments.of("xEvent[x = \u201Da\u201D].count()", 12, "unexpected character '\u201D' at position 12"),
                Arguments.of("xEvent[x = - 1].count()", 12, "unexpected character '-' at position 12"),
                Arguments.of("xEvent[x = 1 ! y = 2].count()", 14, "unexpected character '!' at position 14"),
                Arguments.of("xEvent[timestamp occurs <= 7 days before now].sum(commerce.order.priceTotal) / 2", 78,
                        "unexpected character '/' at position 78"),
                // Conditions.
                Arguments.of("xEvent[x = 1 and].count()", 17, "expected a field or a literal at position 17 but"
                        + " found ']'"),
                Arguments.of("xEvent[x].count()", 9, "expected a comparison operator such as '=' or '<=' at position 9"
                        + " but found ']'"),
                Arguments.of("xEvent[not].count()", 11, "expected a field or a literal at position 11 but found ']'"),
                Arguments.of("xEvent[commerce. = 1].count()", 18,
                        "expected a field name after '.' at position 18 but found '='"),
                Arguments.of("xEvent[equals(\"a\")].count()", 8, "function 'equals' at position 8 needs a field"
                        + " before it"),
                Arguments.of("xEvent[eventType.equalz(\"a\")].count()", 18, "unknown function 'equalz' at position"
                        + " 18; conditions support the string tests equals, notEqualTo, startsWith,"
                        + " doesNotStartWith, endsWith, doesNotEndWith, contains and doesNotContain"),
                Arguments.of("xEvent[eventType.equals(5)].count()", 25, "equals needs a string literal as its first"
                        + " argument, but got the number 5 at position 25"),
                Arguments.of("xEvent[eventType.equals(\"a\", \"no\")].count()", 30, "the second argument of equals"
                        + " sets case sensitivity and must be true or false, but got the string \"no\" at position"
                        + " 30"),
                Arguments.of("xEvent[eventType.equals()].count()", 18, "equals at position 18 takes a string and an"
                        + " optional true or false for case sensitivity, but got 0 arguments"),
                // Time clauses.
                Arguments.of("xEvent[timestamp occurs <= 7 years before now].count()", 30, "unsupported time unit"
                        + " 'years' at position 30; computed attributes support hours, days, weeks and months"),
                Arguments.of("xEvent[timestamp occurs <= 7 fortnights before now].count()", 30,
                        "unknown time unit 'fortnights' at position 30"),
                Arguments.of("xEvent[timestamp occurs <= 0 days before now].count()", 28,
                        "the duration count 0 at position 28 must be 1 or more"),
                Arguments.of("xEvent[timestamp occurs <= -3 days before now].count()", 28,
                        "the duration count -3 at position 28 must be 1 or more"),
                Arguments.of("xEvent[timestamp occurs <= 1.5 days before now].count()", 28,
                        "the duration count 1.5 at position 28 must be a whole number"),
                Arguments.of("xEvent[timestamp occurs <= 99999999999999999999 days before now].count()", 28,
                        "the duration count 99999999999999999999 at position 28 is too large"),
                Arguments.of("xEvent[timestamp occurs <= 7 days after now].count()", 35,
                        "expected 'before' at position 35 but found 'after'"),
                Arguments.of("xEvent[timestamp occurs last month].count()", 25, "expected a comparison operator such"
                        + " as '<=' at position 25 but found 'last'"),
                Arguments.of("xEvent[timestamp occurs <= 7 days before today].count()", 42,
                        "expected 'now' at position 42 but found 'today'"),
                // Aggregations.
                Arguments.of("xEvent[x = 1].avg(y)", 15, "unknown function 'avg' at position 15; computed attributes"
                        + " support count(), sum(field), min(field), max(field) and topN(timestamp, 1)"),
                Arguments.of("xEvent[x = 1].count(y)", 21, "count() takes no arguments, but got the field y at"
                        + " position 21"),
                Arguments.of("xEvent[x = 1].sum()", 15, "sum at position 15 needs a numeric field as its argument"),
                Arguments.of("xEvent[x = 1].sum(a, b)", 22, "sum takes one field, but got a second argument at"
                        + " position 22"),
                Arguments.of("xEvent[x = 1].sum(\"abc\")", 19, "sum needs a numeric field; the literal \"abc\" at"
                        + " position 19 is a string"),
                Arguments.of("xEvent[x = 1].max(true)", 19, "max needs a numeric, date or date-time field; the"
                        + " literal true at position 19 is a boolean"),
                Arguments.of("xEvent[x = 1].count().sum(y)", 23, "unexpected call 'sum' at position 23 after the"
                        + " aggregation"),
                Arguments.of("xEvent.map({\"timestamp\": timestamp, \"value\": y})", 8, "'map' at position 8 cannot"
                        + " start the aggregation"),
                Arguments.of("xEvent[x = 1].topN(timestamp, 2).map({\"timestamp\": timestamp, \"value\": y}).head()",
                        31, "topN(timestamp, n) keeps n events, but a computed attribute stores one value, so n must"
                        + " be 1; got the number 2 at position 31"),
                Arguments.of("xEvent[x = 1].topN(price, 1).map({\"timestamp\": timestamp, \"value\": y}).head()", 20,
                        "first argument must be timestamp, but got the field price at position 20"),
                Arguments.of("xEvent.topN(timestamp).head()", 8, "topN at position 8 takes a sort field and a count"),
                Arguments.of("xEvent.topN(timestamp, 1).head()", 27,
                        "expected .map({\"timestamp\": timestamp, \"value\": field}) at position 27 but found 'head'"),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": y})", 68,
                        "expected .head() at position 68 but found end of expression"),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"val\": y}).head()", 56,
                        "unexpected key \"val\" at position 56 in map; use only \"timestamp\" and \"value\""),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp}).head()", 31,
                        "the object at position 31 needs the key \"value\""),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"value\": y, \"value\": z}).head()", 44,
                        "duplicate key \"value\" at position 44 in map"),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": 5, \"value\": y}).head()", 45,
                        "the key \"timestamp\" at position 32 must map to the field timestamp"),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": \"y\"}).head()", 65,
                        "the key \"value\" at position 56 must map to the field to keep, but maps to the string"
                        + " \"y\""),
                Arguments.of("xEvent.topN(timestamp, 1).map(y).head()", 27, "map at position 27 needs one object"
                        + " argument"),
                Arguments.of("xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": y}).head(z)", 74,
                        "head() takes no arguments, but got the field z at position 74"),
                // Adobe's alpha samples outside the subset.
                Arguments.of("xEvent[(timestamp occurs < 7 days before now) and eventType=\"download\"]"
                        + ".groupBy(product).map((K, G) => mapEntry(K, G.count()))", 73,
                        "unknown function 'groupBy' at position 73"),
                Arguments.of("chain(xEvent, timestamp, [A: WHAT(eventType = \"transaction\") WHEN(< 7 days before"
                        + " now)])", 1, "expected 'xEvent' at position 1 but found 'chain'"),
                // Static types of literals.
                Arguments.of("xEvent[\"a\" = 1].count()", 14, "cannot compare the string \"a\" at position 8 with the"
                        + " number 1 at position 14; both sides must have the same type"),
                Arguments.of("xEvent[true = \u201Ctrue\u201D].count()", 15, "cannot compare the boolean true at"
                        + " position 8 with the string \u201Ctrue\u201D at position 15"),
                Arguments.of("xEvent[x < true].count()", 10, "'<' at position 10 cannot order booleans; compare true"
                        + " or false with '=' or '!='"),
                Arguments.of("xEvent[false >= true].count()", 14, "'>=' at position 14 cannot order booleans"),
                Arguments.of("xEvent[x = 1 and x = \"a\"].count()", 22, "the field x is compared with the number 1"
                        + " at position 12 and with the string \"a\" at position 22 in the same 'and', so the"
                        + " condition can never be true"),
                Arguments.of("xEvent[(x > 1 and y = 2) and \"a\" <= x].count()", 30, "the field x is compared with"
                        + " the number 1 at position 13 and with the string \"a\" at position 30 in the same 'and'"),
                Arguments.of("xEvent[x = \"a\" and x = \"b\"].count()", 24, "the field x must equal both \"a\" at"
                        + " position 12 and \"b\" at position 24 in the same 'and', so the condition can never be"
                        + " true"),
                Arguments.of("xEvent[a = 1 or (x = 1 and x = false)].count()", 32, "the field x is compared with the"
                        + " number 1 at position 22 and with the boolean false at position 32"),
                Arguments.of("xEvent[timestamp occurs <= 7 days before now and timestamp = 5].count()", 62,
                        "the field timestamp at position 50 is a date-time in the schema, so comparing it with the"
                        + " number 5 at position 62 can never be true"),
                Arguments.of("xEvent.max(\"2024-01-01\")", 12, "max needs a numeric, date or date-time field; the"
                        + " literal \"2024-01-01\" at position 12 is a string"));
    }

    @ParameterizedTest
    @MethodSource("invalidExpressions")
    void reportsPositionAndMessage(String text, int position, String message) {
        PqlException error = catchThrowableOfType(() -> Pql.compile(text), PqlException.class);

        assertThat(error).as(text).isNotNull();
        assertThat(error.getMessage()).as(text).contains(message);
        assertThat(error.position()).as(text).isEqualTo(position);
    }

    @Test
    void errorCarriesOffendingToken() {
        PqlException error = catchThrowableOfType(() -> Pql.compile("xEvent[x = 1].sum(\"abc\")"),
                PqlException.class);

        assertThat(error.token()).isEqualTo("\"abc\"");
    }

    @Test
    void errorAtEndNamesEndOfExpression() {
        PqlException error = catchThrowableOfType(() -> Pql.compile("xEvent[x = 1"), PqlException.class);

        assertThat(error.token()).isEqualTo("end of expression");
        assertThat(error.position()).isEqualTo(13);
    }

    @Test
    void sameFieldWithSameLiteralTypeIsAccepted() {
        CompiledExpression expression = Pql.compile("xEvent[x > 1 and x < 5.5 and x != \"a\"].count()");

        assertThat(expression.kind()).isEqualTo(AggregationKind.COUNT);
    }

    @Test
    void contradictionUnderNotIsAccepted() {
        CompiledExpression expression = Pql.compile("xEvent[not (x = 1 and x = \"a\")].count()");

        assertThat(expression.kind()).isEqualTo(AggregationKind.COUNT);
    }

    @Test
    void alternativesOfDifferentTypesAreAccepted() {
        CompiledExpression expression = Pql.compile("xEvent[x = 1 or x = \"a\"].count()");

        assertThat(expression.kind()).isEqualTo(AggregationKind.COUNT);
    }
}
