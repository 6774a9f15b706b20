package io.openprofile.server.computed.pql;

import static io.openprofile.server.computed.pql.PqlEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Evaluation over event lists with a fixed now. */
class EvaluationTest {

    /** The last day of March, so that a month back lands on the shorter February of a leap year. */
    private static final Instant NOW = Instant.parse("2024-03-31T12:00:00Z");

    private static Instant ago(Duration duration) {
        return NOW.minus(duration);
    }

    private static Optional<JsonNode> evaluate(String text, List<ExperienceEvent> events) {
        return Pql.compile(text).evaluate(events, NOW, Optional.empty());
    }

    private static JsonNode value(String text, List<ExperienceEvent> events) {
        return evaluate(text, events).orElseThrow();
    }

    @Test
    void sumMinMaxTakeArrayElements() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'productListItems': [{'priceTotal': 10}, {'priceTotal': 2.5},"
                        + " {'name': 'no price'}]}"),
                event("e2", ago(Duration.ofHours(2)), "{'productListItems': [{'priceTotal': 7}]}"));

        assertThat(value("xEvent.sum(productListItems.priceTotal)", events).decimalValue())
                .isEqualByComparingTo("19.5");
        assertThat(value("xEvent.min(productListItems.priceTotal)", events).decimalValue())
                .isEqualByComparingTo("2.5");
        assertThat(value("xEvent.max(productListItems.priceTotal)", events).decimalValue())
                .isEqualByComparingTo("10");
    }

    @Test
    void countMatchesEventType() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'eventType': 'commerce.productViews'}"),
                event("e2", ago(Duration.ofHours(2)), "{'eventType': 'commerce.productViews'}"),
                event("e3", ago(Duration.ofHours(3)), "{'eventType': 'web.webpagedetails.pageViews'}"));

        JsonNode count = value("xEvent[eventType = \"commerce.productViews\"].count()", events);

        assertThat(count.isIntegralNumber()).isTrue();
        assertThat(count.longValue()).isEqualTo(2);
    }

    @Test
    void countOfNothingIsZero() {
        assertThat(value("xEvent.count()", List.of()).longValue()).isZero();
    }

    @Test
    void adobeSumExampleAddsQualifyingOrders() {
        String text = "xEvent[(commerce.checkouts.value > 0.0 or commerce.purchases.value > 1.0 or"
                + " commerce.order.priceTotal >= 10.0) and (timestamp occurs <= 7 days before now)]"
                + ".sum(commerce.order.priceTotal)";
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofDays(1)), "{'commerce': {'order': {'priceTotal': 12.5}}}"),
                event("e2", ago(Duration.ofDays(2)), "{'commerce': {'checkouts': {'value': 1},"
                        + " 'order': {'priceTotal': 3.25}}}"),
                event("e3", ago(Duration.ofDays(3)), "{'commerce': {'order': {'priceTotal': 9.99}}}"),
                event("e4", ago(Duration.ofDays(8)), "{'commerce': {'order': {'priceTotal': 100}}}"));

        JsonNode sum = value(text, events);

        assertThat(sum.decimalValue()).isEqualByComparingTo("15.75");
        assertThat(sum.isIntegralNumber()).isFalse();
    }

    @Test
    void sumOfIntegersStaysInteger() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'points': 3}"),
                event("e2", ago(Duration.ofHours(2)), "{'points': 4}"));

        JsonNode sum = value("xEvent.sum(points)", events);

        assertThat(sum.isIntegralNumber()).isTrue();
        assertThat(sum.longValue()).isEqualTo(7);
    }

    @Test
    void sumBecomesDecimalAfterOneDecimal() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'points': 3}"),
                event("e2", ago(Duration.ofHours(2)), "{'points': 4.0}"));

        JsonNode sum = value("xEvent.sum(points)", events);

        assertThat(sum.isIntegralNumber()).isFalse();
        assertThat(sum.decimalValue()).isEqualByComparingTo("7");
    }

    @Test
    void sumOfDecimalsIsExact() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'amount': 0.1}"),
                event("e2", ago(Duration.ofHours(2)), "{'amount': 0.2}"));

        JsonNode sum = value("xEvent.sum(amount)", events);

        assertThat(sum.decimalValue()).isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void sumBeyondLongStaysExact() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'amount': 9223372036854775807}"),
                event("e2", ago(Duration.ofHours(2)), "{'amount': 9223372036854775807}"));

        JsonNode sum = value("xEvent.sum(amount)", events);

        assertThat(sum.isIntegralNumber()).isTrue();
        assertThat(sum.bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551614"));
    }

    @Test
    void sumOfNothingIsIntegerZero() {
        JsonNode sum = value("xEvent.sum(amount)", List.of());

        assertThat(sum.isIntegralNumber()).isTrue();
        assertThat(sum.longValue()).isZero();
    }

    @Test
    void wrongTypesAreSkipped() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'amount': 'abc'}"),
                event("e2", ago(Duration.ofHours(2)), "{'amount': true}"),
                event("e3", ago(Duration.ofHours(3)), "{'amount': {'value': 3}}"),
                event("e4", ago(Duration.ofHours(4)), "{'amount': null}"),
                event("e5", ago(Duration.ofHours(5)), "{}"),
                event("e6", ago(Duration.ofHours(6)), "{'amount': 2}"));

        assertThat(value("xEvent.sum(amount)", events).longValue()).isEqualTo(2);
        assertThat(value("xEvent.min(amount)", events).longValue()).isEqualTo(2);
        assertThat(value("xEvent.max(amount)", events).longValue()).isEqualTo(2);
        assertThat(value("xEvent.count()", events).longValue()).isEqualTo(6);
    }

    @Test
    void knownIntegerTypeSkipsDecimals() {
        FieldTypes types = FieldTypes.of(Map.of("quantity", XdmType.INTEGER));
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'quantity': 2.5}"),
                event("e2", ago(Duration.ofHours(2)), "{'quantity': 2}"));

        JsonNode sum = Pql.compile("xEvent.sum(quantity)", types).evaluate(events, NOW, Optional.empty())
                .orElseThrow();

        assertThat(sum.longValue()).isEqualTo(2);
    }

    @Test
    void minAndMaxOfNumbers() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'commerce': {'order': {'priceTotal': 12.5}}}"),
                event("e2", ago(Duration.ofHours(2)), "{'commerce': {'order': {'priceTotal': -3}}}"),
                event("e3", ago(Duration.ofHours(3)), "{'commerce': {'order': {'priceTotal': 40}}}"));

        JsonNode min = value("xEvent.min(commerce.order.priceTotal)", events);
        JsonNode max = value("xEvent.max(commerce.order.priceTotal)", events);

        assertThat(min.longValue()).isEqualTo(-3);
        assertThat(min.isIntegralNumber()).isTrue();
        assertThat(max.longValue()).isEqualTo(40);
    }

    @Test
    void minOfNothingIsEmpty() {
        assertThat(evaluate("xEvent.min(amount)", List.of())).isEmpty();
        assertThat(evaluate("xEvent.max(amount)", List.of())).isEmpty();
    }

    @Test
    void adobeShipDateExampleReturnsEarliestDate() {
        String text = "xEvent[(commerce.shipping.shipDate occurs <= 1 days before now) and (timestamp occurs <= 1"
                + " days before now)].min(commerce.shipping.shipDate)";
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(2)), "{'commerce': {'shipping': {'shipDate':"
                        + " '2024-03-31T08:00:00Z'}}}"),
                event("e2", ago(Duration.ofHours(3)), "{'commerce': {'shipping': {'shipDate':"
                        + " '2024-03-30T13:00:00+01:00'}}}"),
                event("e3", ago(Duration.ofHours(4)), "{'commerce': {'shipping': {'shipDate':"
                        + " '2024-03-29T12:00:00Z'}}}"),
                event("e4", ago(Duration.ofDays(2)), "{'commerce': {'shipping': {'shipDate':"
                        + " '2024-03-30T20:00:00Z'}}}"),
                event("e5", ago(Duration.ofHours(5)), "{'commerce': {'shipping': {'shipDate': 'soon'}}}"));

        JsonNode min = value(text, events);

        assertThat(min.textValue()).isEqualTo("2024-03-30T13:00:00+01:00");
    }

    @Test
    void maxOfTimestampIsLatestEventTime() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofDays(3)), "{}"),
                event("e2", ago(Duration.ofDays(1)), "{}"),
                event("e3", ago(Duration.ofDays(2)), "{}"));

        assertThat(value("xEvent.max(timestamp)", events).textValue()).isEqualTo("2024-03-30T12:00:00Z");
    }

    @Test
    void adobeMostRecentExampleKeepsLatestValue() {
        String text = "xEvent[eventType.equals(\"commerce.backofficeOrderPlaced\", false)].topN(timestamp, 1)"
                + ".map({\"timestamp\": timestamp, \"value\": producedBy}).head()";
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(5)), "{'eventType': 'commerce.backofficeOrderPlaced',"
                        + " 'producedBy': 'self'}"),
                event("e2", ago(Duration.ofHours(1)), "{'eventType': 'COMMERCE.BACKOFFICEORDERPLACED',"
                        + " 'producedBy': 'salesRef'}"),
                event("e3", ago(Duration.ofMinutes(5)), "{'eventType': 'commerce.purchases', 'producedBy': 'x'}"),
                event("e4", ago(Duration.ofMinutes(1)), "{'eventType': 'commerce.backofficeOrderPlaced'}"));

        assertThat(value(text, events).textValue()).isEqualTo("salesRef");
    }

    @Test
    void mostRecentTieGoesToLargerEventId() {
        String text = "xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": page}).head()";
        Instant time = ago(Duration.ofHours(1));
        List<ExperienceEvent> events = List.of(
                event("b", time, "{'page': 'second'}"),
                event("c", time, "{'page': 'third'}"),
                event("a", time, "{'page': 'first'}"));

        assertThat(value(text, events).textValue()).isEqualTo("third");
        assertThat(value(text, List.of(events.get(1), events.get(2), events.get(0))).textValue())
                .isEqualTo("third");
    }

    @Test
    void mostRecentSkipsValuesOfWrongType() {
        FieldTypes types = FieldTypes.of(Map.of("page", XdmType.STRING));
        String text = "xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": page}).head()";
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(3)), "{'page': 'home'}"),
                event("e2", ago(Duration.ofHours(2)), "{'page': 42}"),
                event("e3", ago(Duration.ofHours(1)), "{'page': {'name': 'cart'}}"));

        JsonNode typed = Pql.compile(text, types).evaluate(events, NOW, Optional.empty()).orElseThrow();
        JsonNode untyped = value(text, events);

        assertThat(typed.textValue()).isEqualTo("home");
        assertThat(untyped.intValue()).isEqualTo(42);
    }

    @Test
    void mostRecentKeepsArrays() {
        String text = "xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": tags}).head()";
        List<ExperienceEvent> events = List.of(event("e1", ago(Duration.ofHours(1)), "{'tags': ['a', 'b']}"));

        assertThat(value(text, events)).isEqualTo(PqlEvents.json("{'tags': ['a', 'b']}").get("tags"));
    }

    @Test
    void lessOrEqualIncludesExactBoundary() {
        String text = "xEvent[timestamp occurs <= 7 days before now].count()";
        List<ExperienceEvent> events = List.of(
                event("edge", ago(Duration.ofDays(7)), "{}"),
                event("outside", ago(Duration.ofDays(7).plusMillis(1)), "{}"),
                event("now", NOW, "{}"),
                event("future", NOW.plusMillis(1), "{}"));

        assertThat(value(text, events).longValue()).isEqualTo(2);
    }

    @Test
    void lessExcludesExactBoundary() {
        String text = "xEvent[timestamp occurs < 7 days before now].count()";
        List<ExperienceEvent> events = List.of(
                event("edge", ago(Duration.ofDays(7)), "{}"),
                event("inside", ago(Duration.ofDays(7).minusMillis(1)), "{}"));

        assertThat(value(text, events).longValue()).isEqualTo(1);
        assertThat(Pql.compile(text).filter().matches(events.get(1), NOW)).isTrue();
        assertThat(Pql.compile(text).filter().matches(events.get(0), NOW)).isFalse();
    }

    @Test
    void greaterSelectsOlderEvents() {
        List<ExperienceEvent> events = List.of(
                event("edge", ago(Duration.ofDays(7)), "{}"),
                event("older", ago(Duration.ofDays(7).plusMillis(1)), "{}"),
                event("newer", ago(Duration.ofDays(7).minusMillis(1)), "{}"));

        assertThat(value("xEvent[timestamp occurs > 7 days before now].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[timestamp occurs >= 7 days before now].count()", events).longValue())
                .isEqualTo(2);
    }

    @Test
    void equalAndNotEqualCompareToTheMillisecond() {
        List<ExperienceEvent> events = List.of(
                event("edge", ago(Duration.ofHours(3)), "{}"),
                event("near", ago(Duration.ofHours(3).plusMillis(1)), "{}"),
                event("future", NOW.plusSeconds(1), "{}"));

        assertThat(value("xEvent[timestamp occurs = 3 hours before now].count()", events).longValue())
                .isEqualTo(1);
        assertThat(value("xEvent[timestamp occurs != 3 hours before now].count()", events).longValue())
                .isEqualTo(1);
    }

    @Test
    void monthsAreCalendarMonthsInUtc() {
        // One month before 2024-03-31T12:00Z is 2024-02-29T12:00Z, because February 2024 has no 31st.
        String text = "xEvent[timestamp occurs <= 1 month before now].count()";
        List<ExperienceEvent> events = List.of(
                event("edge", Instant.parse("2024-02-29T12:00:00Z"), "{}"),
                event("outside", Instant.parse("2024-02-29T11:59:59.999Z"), "{}"));

        assertThat(value(text, events).longValue()).isEqualTo(1);
    }

    @Test
    void weeksAreSevenDays() {
        String text = "xEvent[timestamp occurs <= 2 weeks before now].count()";
        List<ExperienceEvent> events = List.of(
                event("edge", ago(Duration.ofDays(14)), "{}"),
                event("outside", ago(Duration.ofDays(14).plusMillis(1)), "{}"));

        assertThat(value(text, events).longValue()).isEqualTo(1);
    }

    @Test
    void durationLimitsEventsIncludingStart() {
        CompiledExpression expression = Pql.compile("xEvent.count()");
        List<ExperienceEvent> events = List.of(
                event("edge", ago(Duration.ofDays(4)), "{}"),
                event("outside", ago(Duration.ofDays(4).plusMillis(1)), "{}"),
                event("future", NOW.plusMillis(1), "{}"),
                event("recent", ago(Duration.ofHours(1)), "{}"));

        Optional<JsonNode> count = expression.evaluate(events, NOW,
                Optional.of(new LookbackDuration(4, LookbackUnit.DAYS)));

        assertThat(count.orElseThrow().longValue()).isEqualTo(2);
    }

    @Test
    void durationMonthsAreCalendarMonths() {
        CompiledExpression expression = Pql.compile("xEvent.count()");
        List<ExperienceEvent> events = List.of(
                event("edge", Instant.parse("2023-09-30T12:00:00Z"), "{}"),
                event("outside", Instant.parse("2023-09-30T11:59:59.999Z"), "{}"));

        Optional<JsonNode> count = expression.evaluate(events, NOW,
                Optional.of(new LookbackDuration(6, LookbackUnit.MONTHS)));

        assertThat(count.orElseThrow().longValue()).isEqualTo(1);
    }

    @Test
    void durationAndOccursBothApply() {
        CompiledExpression expression = Pql.compile("xEvent[timestamp occurs <= 7 days before now].count()");
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofDays(1)), "{}"),
                event("e2", ago(Duration.ofDays(3)), "{}"),
                event("e3", ago(Duration.ofDays(6)), "{}"));

        Optional<JsonNode> count = expression.evaluate(events, NOW,
                Optional.of(new LookbackDuration(72, LookbackUnit.HOURS)));

        assertThat(count.orElseThrow().longValue()).isEqualTo(2);
    }

    @Test
    void clockIsTheParameter() {
        CompiledExpression expression = Pql.compile("xEvent[timestamp occurs <= 1 day before now].count()");
        List<ExperienceEvent> events = List.of(event("e1", Instant.parse("2020-01-01T00:00:00Z"), "{}"));

        assertThat(expression.evaluate(events, Instant.parse("2020-01-01T12:00:00Z"), Optional.empty())
                .orElseThrow().longValue()).isEqualTo(1);
        assertThat(expression.evaluate(events, Instant.parse("2020-01-03T00:00:00Z"), Optional.empty())
                .orElseThrow().longValue()).isZero();
    }

    @Test
    void occursOnOtherFieldReadsItsValue() {
        String text = "xEvent[_tenant.renewal occurs < 30 days before now].count()";
        List<ExperienceEvent> events = List.of(
                event("iso", ago(Duration.ofDays(40)), "{'_tenant': {'renewal': '2024-03-20'}}"),
                event("millis", ago(Duration.ofDays(40)), "{'_tenant': {'renewal': "
                        + ago(Duration.ofDays(1)).toEpochMilli() + "}}"),
                event("old", ago(Duration.ofDays(1)), "{'_tenant': {'renewal': '2023-01-01T00:00:00Z'}}"),
                event("text", ago(Duration.ofDays(1)), "{'_tenant': {'renewal': 'next week'}}"),
                event("missing", ago(Duration.ofDays(1)), "{}"));

        assertThat(value(text, events).longValue()).isEqualTo(2);
    }

    @Test
    void missingValueFailsEveryComparison() {
        List<ExperienceEvent> events = List.of(
                event("missing", ago(Duration.ofHours(1)), "{}"),
                event("string", ago(Duration.ofHours(1)), "{'x': 'abc'}"),
                event("five", ago(Duration.ofHours(1)), "{'x': 5}"),
                event("six", ago(Duration.ofHours(1)), "{'x': 6.0}"));

        assertThat(value("xEvent[x != 5].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[not (x = 5)].count()", events).longValue()).isEqualTo(3);
        assertThat(value("xEvent[x = 6].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[x >= 5.5].count()", events).longValue()).isEqualTo(1);
    }

    @Test
    void stringsCompareByCodeUnits() {
        List<ExperienceEvent> events = List.of(
                event("a", ago(Duration.ofHours(1)), "{'name': 'Apple'}"),
                event("b", ago(Duration.ofHours(1)), "{'name': 'banana'}"));

        assertThat(value("xEvent[name < \"a\"].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[name = \"apple\"].count()", events).longValue()).isZero();
    }

    @Test
    void booleansCompareWithEquals() {
        List<ExperienceEvent> events = List.of(
                event("home", ago(Duration.ofHours(1)), "{'web': {'webPageDetails': {'isHomePage': true}}}"),
                event("other", ago(Duration.ofHours(1)), "{'web': {'webPageDetails': {'isHomePage': false}}}"),
                event("text", ago(Duration.ofHours(1)), "{'web': {'webPageDetails': {'isHomePage': 'true'}}}"));

        assertThat(value("xEvent[web.webPageDetails.isHomePage = true].count()", events).longValue())
                .isEqualTo(1);
        assertThat(value("xEvent[web.webPageDetails.isHomePage != true].count()", events).longValue())
                .isEqualTo(1);
    }

    @Test
    void fieldsCompareWithFields() {
        List<ExperienceEvent> events = List.of(
                event("more", ago(Duration.ofHours(1)), "{'a': 5, 'b': 3}"),
                event("less", ago(Duration.ofHours(1)), "{'a': 1, 'b': 3}"),
                event("mixed", ago(Duration.ofHours(1)), "{'a': '5', 'b': 3}"));

        assertThat(value("xEvent[a > b].count()", events).longValue()).isEqualTo(1);
    }

    @Test
    void pathsDoNotEnterArrays() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'productListItems': [{'SKU': 'a'}]}"));

        assertThat(value("xEvent[productListItems.SKU = \"a\"].count()", events).longValue()).isZero();
    }

    @Test
    void stringTestsHonourCaseSensitivity() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofHours(1)), "{'page': 'Luma Home'}"),
                event("e2", ago(Duration.ofHours(1)), "{'page': 'luma cart'}"),
                event("e3", ago(Duration.ofHours(1)), "{'page': 7}"));

        assertThat(value("xEvent[page.startsWith(\"luma\")].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[page.startsWith(\"luma\", false)].count()", events).longValue()).isEqualTo(2);
        assertThat(value("xEvent[page.startsWith(\"luma\", true)].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[page.doesNotStartWith(\"luma\")].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[page.endsWith(\"HOME\", false)].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[page.doesNotEndWith(\"home\", false)].count()", events).longValue())
                .isEqualTo(1);
        assertThat(value("xEvent[page.contains(\"A C\", false)].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[page.doesNotContain(\"cart\")].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[page.equals(\"luma cart\")].count()", events).longValue()).isEqualTo(1);
        assertThat(value("xEvent[page.notEqualTo(\"luma cart\")].count()", events).longValue()).isEqualTo(1);
    }

    @Test
    void typographicQuotesMatchLikeStraightQuotes() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofDays(1)), "{'eventType': 'download', 'contentType': 'image'}"),
                event("e2", ago(Duration.ofDays(1)), "{'eventType': 'download', 'contentType': 'video'}"));
        String typographic = "xEvent[(timestamp occurs < 7 days before now) and eventType=\u201Cdownload\u201D and"
                + " contentType = \u201Cimage\u201D].count()";
        String straight = "xEvent[(timestamp occurs < 7 days before now) and eventType=\"download\" and"
                + " contentType = \"image\"].count()";

        assertThat(value(typographic, events).longValue()).isEqualTo(1);
        assertThat(value(straight, events).longValue()).isEqualTo(1);
    }

    @Test
    void upperCaseKeywordsEvaluateAlike() {
        List<ExperienceEvent> events = List.of(
                event("e1", ago(Duration.ofDays(1)), "{'a': true}"),
                event("e2", ago(Duration.ofDays(1)), "{'a': false}"),
                event("e3", ago(Duration.ofDays(9)), "{'a': false}"));

        assertThat(value("xEvent[NOT (a = TRUE) AND timestamp OCCURS <= 7 DAYS BEFORE NOW].count()", events)
                .longValue()).isEqualTo(1);
    }

    @Test
    void matchesAppliesFilterAndDuration() {
        CompiledExpression expression = Pql.compile("xEvent[a = 1].count()");
        ExperienceEvent event = event("e1", ago(Duration.ofDays(2)), "{'a': 1}");

        assertThat(expression.matches(event, NOW, Optional.empty())).isTrue();
        assertThat(expression.matches(event, NOW, Optional.of(new LookbackDuration(1, LookbackUnit.DAYS))))
                .isFalse();
    }
}
