package io.openprofile.server.computed.pql;

import static io.openprofile.server.computed.pql.PqlEvents.event;
import static io.openprofile.server.computed.pql.PqlEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partial states: their JSON form, merging, and the checks on states of the wrong aggregation. */
class AggregatorTest {

    private static final Instant T1 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2024-03-02T10:00:00Z");

    private static final String MOST_RECENT = "xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp,"
            + " \"value\": page}).head()";

    private static Aggregator aggregator(String text) {
        return Pql.compile(text).aggregator();
    }

    private static PartialAggregate fold(Aggregator aggregator, List<ExperienceEvent> events) {
        PartialAggregate state = aggregator.empty();
        for (ExperienceEvent event : events) {
            state = aggregator.add(state, event);
        }
        return state;
    }

    @Test
    void countStateJson() {
        Aggregator count = aggregator("xEvent.count()");
        PartialAggregate state = fold(count, List.of(event("a", T1, "{}"), event("b", T2, "{}")));

        assertThat(count.toJson(state)).hasToString("{\"count\":2}");
        assertThat(count.fromJson(json("{'count': 2}"))).isEqualTo(state);
        assertThat(count.toJson(count.empty())).hasToString("{\"count\":0}");
    }

    @Test
    void sumStateKeepsDigitsAsText() {
        Aggregator sum = aggregator("xEvent.sum(amount)");
        PartialAggregate state = fold(sum, List.of(event("a", T1, "{'amount': 12.50}"),
                event("b", T2, "{'amount': 0.01}")));

        JsonNode stored = sum.toJson(state);

        assertThat(stored).isEqualTo(json("{'sum': '12.51', 'integral': false}"));
        assertThat(sum.fromJson(stored)).isEqualTo(state);
        assertThat(sum.toJson(sum.empty())).isEqualTo(json("{'sum': '0', 'integral': true}"));
    }

    @Test
    void numberExtremeStateJson() {
        Aggregator max = aggregator("xEvent.max(amount)");
        PartialAggregate state = fold(max, List.of(event("a", T1, "{'amount': 3}"),
                event("b", T2, "{'amount': 4.5}")));

        JsonNode stored = max.toJson(state);

        assertThat(stored).isEqualTo(json("{'number': '4.5', 'integral': false}"));
        assertThat(max.fromJson(stored)).isEqualTo(state);
        assertThat(max.toJson(max.empty())).isEqualTo(json("{}"));
        assertThat(max.fromJson(json("{}"))).isEqualTo(PartialAggregate.NO_VALUE);
    }

    @Test
    void timeExtremeStateJson() {
        Aggregator min = aggregator("xEvent.min(timestamp)");
        PartialAggregate state = fold(min, List.of(event("a", T2, "{}"), event("b", T1, "{}")));

        JsonNode stored = min.toJson(state);

        assertThat(stored).isEqualTo(json("{'millis': " + T1.toEpochMilli() + ", 'value': '2024-03-01T10:00:00Z'}"));
        assertThat(min.fromJson(stored)).isEqualTo(state);
    }

    @Test
    void mostRecentStateJson() {
        Aggregator mostRecent = aggregator(MOST_RECENT);
        PartialAggregate state = fold(mostRecent, List.of(event("a", T1, "{'page': 'home'}"),
                event("b", T2, "{'page': 'cart'}")));

        JsonNode stored = mostRecent.toJson(state);

        assertThat(stored).isEqualTo(json("{'timestamp': " + T2.toEpochMilli() + ", 'id': 'b', 'value': 'cart'}"));
        assertThat(mostRecent.fromJson(stored)).isEqualTo(state);
        assertThat(state).isInstanceOf(PartialAggregate.MostRecent.class);
        assertThat(((PartialAggregate.MostRecent) state).timestampMillis()).isEqualTo(T2.toEpochMilli());
    }

    @Test
    void emptyIsIdentityOfMerge() {
        for (String text : List.of("xEvent.count()", "xEvent.sum(amount)", "xEvent.min(amount)", MOST_RECENT)) {
            Aggregator aggregator = aggregator(text);
            PartialAggregate state = fold(aggregator, List.of(event("a", T1, "{'amount': 2, 'page': 'p'}")));

            assertThat(aggregator.merge(aggregator.empty(), state)).as(text).isEqualTo(state);
            assertThat(aggregator.merge(state, aggregator.empty())).as(text).isEqualTo(state);
        }
    }

    @Test
    void equalNumbersPreferIntegerWhateverTheOrder() {
        Aggregator min = aggregator("xEvent.min(amount)");
        ExperienceEvent integer = event("a", T1, "{'amount': 5}");
        ExperienceEvent decimal = event("b", T1, "{'amount': 5.0}");

        JsonNode forward = min.result(fold(min, List.of(integer, decimal))).orElseThrow();
        JsonNode backward = min.result(fold(min, List.of(decimal, integer))).orElseThrow();

        assertThat(forward.isIntegralNumber()).isTrue();
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void equalInstantsPreferTextThatSortsFirst() {
        Aggregator max = aggregator("xEvent[d occurs <= 9 days before now].max(d)");
        ExperienceEvent utc = event("a", T1, "{'d': '2024-03-01T10:00:00Z'}");
        ExperienceEvent offset = event("b", T1, "{'d': '2024-03-01T11:00:00+01:00'}");

        JsonNode forward = max.result(fold(max, List.of(utc, offset))).orElseThrow();
        JsonNode backward = max.result(fold(max, List.of(offset, utc))).orElseThrow();

        assertThat(forward.textValue()).isEqualTo("2024-03-01T10:00:00Z");
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void countCountsEventsWithoutField() {
        Aggregator count = aggregator("xEvent.count()");

        assertThat(count.result(fold(count, List.of(event("a", T1, "{}")))).orElseThrow().longValue())
                .isEqualTo(1);
    }

    @Test
    void mergeRejectsStateOfOtherAggregation() {
        Aggregator sum = aggregator("xEvent.sum(amount)");
        Aggregator count = aggregator("xEvent.count()");

        assertThatThrownBy(() -> sum.merge(sum.empty(), count.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a SUM aggregation cannot use the state Count[count=0]");
    }

    @Test
    void timeExtremeRejectsNumberState() {
        Aggregator min = aggregator("xEvent.min(timestamp)");

        assertThatThrownBy(() -> min.result(new PartialAggregate.NumberExtreme(BigDecimal.ONE, true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromJsonRejectsMalformedStates() {
        assertThatThrownBy(() -> aggregator("xEvent.count()").fromJson(json("{'count': -1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count must not be negative");
        assertThatThrownBy(() -> aggregator("xEvent.count()").fromJson(json("{'total': 1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the field count is missing");
        assertThatThrownBy(() -> aggregator("xEvent.sum(a)").fromJson(json("{'sum': 1.5, 'integral': false}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum must be a string");
        assertThatThrownBy(() -> aggregator("xEvent.sum(a)").fromJson(json("{'sum': 'x', 'integral': false}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum must be a decimal number in a string");
        assertThatThrownBy(() -> aggregator("xEvent.sum(a)").fromJson(json("{'sum': '1.5', 'integral': true}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an integral sum cannot have a fraction");
        assertThatThrownBy(() -> aggregator("xEvent.max(a)").fromJson(json("{'number': '1'}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the field integral is missing");
        assertThatThrownBy(() -> aggregator(MOST_RECENT).fromJson(PqlEvents.MAPPER.getNodeFactory().arrayNode()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a state is a JSON object");
        assertThatThrownBy(() -> aggregator(MOST_RECENT).fromJson(json("{'timestamp': 'x', 'id': 'a', 'value': 1}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp must be a whole number");
    }

    @Test
    void lookbackDurationNeedsPositiveCount() {
        assertThatThrownBy(() -> new LookbackDuration(0, LookbackUnit.DAYS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration count must be 1 or more, got 0");
    }

    @Test
    void hugeLookbackMeansSinceEver() {
        long start = LookbackUnit.MONTHS.millisBefore(T1, Long.MAX_VALUE);

        assertThat(start).isEqualTo(Long.MIN_VALUE);
        assertThat(LookbackUnit.HOURS.millisBefore(T1, Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE);
    }
}
