package io.openprofile.server.computed.pql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The time window and the time-independent filter that an incremental engine builds on. */
class IncrementalSupportTest {

    private static final Instant NOW = Instant.parse("2024-03-31T12:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    @Test
    void adobeSumExampleSplitsIntoConditionAndWindow() {
        CompiledExpression expression = Pql.compile("xEvent[(commerce.checkouts.value > 0.0 or"
                + " commerce.purchases.value > 1.0 or commerce.order.priceTotal >= 10.0) and (timestamp occurs <= 7"
                + " days before now)].sum(commerce.order.priceTotal)");

        TimeRange range = expression.timeWindow().orElseThrow().rangeAt(NOW);
        Predicate<ObjectNode> condition = expression.timeIndependentFilter().orElseThrow();

        assertThat(range).isEqualTo(new TimeRange(NOW.toEpochMilli() - 7 * DAY, NOW.toEpochMilli()));
        assertThat(condition.test(PqlEvents.json("{'commerce': {'order': {'priceTotal': 10}}}"))).isTrue();
        assertThat(condition.test(PqlEvents.json("{'commerce': {'order': {'priceTotal': 9}}}"))).isFalse();
    }

    @Test
    void occursOnOtherFieldPreventsSplit() {
        CompiledExpression expression = Pql.compile("xEvent[(commerce.shipping.shipDate occurs <= 1 days before now)"
                + " and (timestamp occurs <= 1 days before now)].min(commerce.shipping.shipDate)");

        assertThat(expression.timeWindow()).isPresent();
        assertThat(expression.timeIndependentFilter()).isEmpty();
    }

    @Test
    void occursUnderOrPreventsSplitAndWindow() {
        CompiledExpression expression = Pql.compile("xEvent[timestamp occurs <= 1 days before now or a = 1].count()");

        assertThat(expression.timeWindow()).isEmpty();
        assertThat(expression.timeIndependentFilter()).isEmpty();
    }

    @Test
    void notEqualOccursPreventsSplit() {
        CompiledExpression expression = Pql.compile("xEvent[timestamp occurs <= 9 days before now and timestamp"
                + " occurs != 1 day before now].count()");

        assertThat(expression.timeWindow().orElseThrow().rangeAt(NOW).fromMillis())
                .isEqualTo(NOW.toEpochMilli() - 9 * DAY);
        assertThat(expression.timeIndependentFilter()).isEmpty();
    }

    @Test
    void noFilterMatchesEverything() {
        CompiledExpression expression = Pql.compile("xEvent.count()");

        assertThat(expression.timeWindow()).isEmpty();
        assertThat(expression.timeIndependentFilter().orElseThrow().test(PqlEvents.json("{}"))).isTrue();
    }

    @Test
    void clausesIntersectIntoOneRange() {
        CompiledExpression expression = Pql.compile("xEvent[timestamp occurs > 1 week before now and a = 1 and"
                + " timestamp occurs <= 6 months before now].count()");

        TimeRange range = expression.timeWindow().orElseThrow().rangeAt(NOW);

        assertThat(range.fromMillis()).isEqualTo(Instant.parse("2023-09-30T12:00:00Z").toEpochMilli());
        assertThat(range.toMillis()).isEqualTo(NOW.toEpochMilli() - 7 * DAY - 1);
        assertThat(expression.timeIndependentFilter()).isPresent();
    }

    @Test
    void contradictoryClausesGiveEmptyRange() {
        CompiledExpression expression = Pql.compile("xEvent[timestamp occurs < 1 day before now and timestamp occurs"
                + " > 2 days before now].count()");

        assertThat(expression.timeWindow().orElseThrow().rangeAt(NOW).isEmpty()).isTrue();
    }

    /** The split filter must agree with the whole filter on every event. */
    @ParameterizedTest
    @ValueSource(strings = {
        "xEvent[a = 1 and timestamp occurs <= 3 days before now].count()",
        "xEvent[(a = 1 or b = \"x\") and timestamp occurs < 2 days before now and not (b = \"y\")].count()",
        "xEvent[timestamp occurs >= 1 day before now and timestamp occurs < 4 days before now].count()",
        "xEvent[timestamp occurs = 2 days before now].count()",
        "xEvent[a != 2].count()"})
    void splitFilterAgreesWithWholeFilter(String text) {
        CompiledExpression expression = Pql.compile(text);
        Predicate<ObjectNode> condition = expression.timeIndependentFilter().orElseThrow();
        Random random = new Random(31L);

        for (int trial = 0; trial < 500; trial++) {
            long time = NOW.toEpochMilli() - random.nextInt(6) * DAY + random.nextInt(3) - 1;
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("a", random.nextInt(3));
            body.put("b", random.nextBoolean() ? "x" : "y");

            boolean whole = expression.filter().matches(body, time, NOW);
            boolean split = condition.test(body)
                    && expression.timeWindow().map(window -> window.contains(time, NOW)).orElse(true);

            assertThat(split).as("trial %d, time %d, body %s", trial, time, body).isEqualTo(whole);
        }
    }
}
