package io.openprofile.server.computed.pql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property test of the partial states. Random events are split into random buckets. Each bucket is aggregated, its
 * state is written to JSON and read back, and the states are merged in random order. The merged state and result
 * must equal those of one pass over all events in random order. Timestamps, ids and values repeat often so that
 * ties occur. The seed is fixed, so a failure reproduces, and the assertion message names the trial.
 */
class BucketMergePropertyTest {

    private static final int TRIALS = 300;
    private static final Instant NOW = Instant.parse("2024-06-15T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {
        "xEvent[eventType = \"purchase\"].count()",
        "xEvent.sum(amount)",
        "xEvent[eventType != \"view\" and timestamp occurs <= 5 days before now].sum(amount)",
        "xEvent.min(amount)",
        "xEvent.max(amount)",
        "xEvent[timestamp occurs < 10 days before now].max(timestamp)",
        "xEvent[when occurs <= 30 days before now].min(when)",
        "xEvent.topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": amount}).head()",
        "xEvent[eventType.contains(\"P\", false)].topN(timestamp, 1).map({\"timestamp\": timestamp,"
                + " \"value\": page}).head()"})
    void bucketsMergeToWholeResult(String text) {
        CompiledExpression expression = Pql.compile(text);
        Aggregator aggregator = expression.aggregator();
        Random random = new Random(20240615L ^ text.hashCode());

        for (int trial = 0; trial < TRIALS; trial++) {
            List<ExperienceEvent> events = randomEvents(random);
            List<ExperienceEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            PartialAggregate whole = expression.aggregate(shuffled, NOW, Optional.empty());

            List<PartialAggregate> buckets = bucketStates(expression, events, random);
            Collections.shuffle(buckets, random);
            PartialAggregate merged = aggregator.empty();
            for (PartialAggregate bucket : buckets) {
                merged = random.nextBoolean() ? aggregator.merge(merged, bucket) : aggregator.merge(bucket, merged);
            }

            assertThat(aggregator.toJson(merged)).as("trial %d, events %s", trial, events)
                    .isEqualTo(aggregator.toJson(whole));
            assertThat(aggregator.result(merged)).as("trial %d, events %s", trial, events)
                    .isEqualTo(aggregator.result(whole));
        }
    }

    /** Splits the events into 1 to 5 buckets, aggregates each and passes each state through its JSON form. */
    private static List<PartialAggregate> bucketStates(CompiledExpression expression, List<ExperienceEvent> events,
            Random random) {
        Aggregator aggregator = expression.aggregator();
        int bucketCount = 1 + random.nextInt(5);
        List<PartialAggregate> states = new ArrayList<>();
        for (int i = 0; i < bucketCount; i++) {
            states.add(aggregator.empty());
        }
        for (ExperienceEvent event : events) {
            if (!expression.filter().matches(event, NOW)) {
                continue;
            }
            int bucket = random.nextInt(bucketCount);
            states.set(bucket, aggregator.add(states.get(bucket), event));
        }
        List<PartialAggregate> stored = new ArrayList<>();
        for (PartialAggregate state : states) {
            stored.add(aggregator.fromJson(aggregator.toJson(state)));
        }
        return stored;
    }

    /** Returns 0 to 24 events over the last 12 days whose times, ids and values often collide. */
    private static List<ExperienceEvent> randomEvents(Random random) {
        int count = random.nextInt(25);
        List<ExperienceEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long time = NOW.toEpochMilli() - random.nextInt(12) * 86_400_000L - random.nextInt(3) * 1000L;
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.put("_id", "e" + random.nextInt(6));
            body.put("timestamp", Instant.ofEpochMilli(time).toString());
            body.put("eventType", List.of("purchase", "view", "Purchase").get(random.nextInt(3)));
            putRandomAmount(body, random);
            if (random.nextInt(4) > 0) {
                body.put("page", "p" + random.nextInt(4));
            }
            if (random.nextInt(4) > 0) {
                body.put("when", Instant.ofEpochMilli(time - random.nextInt(40) * 86_400_000L).toString());
            }
            events.add(new ExperienceEvent(body, time));
        }
        return events;
    }

    private static void putRandomAmount(ObjectNode body, Random random) {
        switch (random.nextInt(7)) {
            case 0:
                body.put("amount", random.nextInt(10) - 3);
                break;
            case 1:
                body.put("amount", (random.nextInt(100) - 30) / 10.0);
                break;
            case 2:
                body.put("amount", new BigDecimal(random.nextInt(10) + ".00"));
                break;
            case 3:
                body.put("amount", "text");
                break;
            case 4:
                body.put("amount", random.nextBoolean());
                break;
            case 5:
                body.put("amount", Long.MAX_VALUE - random.nextInt(3));
                break;
            default:
                break;
        }
    }
}
