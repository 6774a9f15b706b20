package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.pql.PartialAggregate.MostRecent;
import java.util.Comparator;
import java.util.Optional;

/**
 * The most recent value of a field: the value in the matching event with the latest timestamp among those that
 * have a value of the right type. Events without the field, or with a value that does not fit the field's known
 * type, are skipped, so an older value wins over a newer event that lacks it.
 *
 * <p>Ties are broken so that the result does not depend on the order of events: on equal timestamps the event
 * with the larger {@code _id} (compared as text) wins, and on equal ids the value whose JSON text sorts last. JSON
 * form: {@code {}} for no value, else {@code {"timestamp": 1700000000000, "id": "e1", "value": "home"}}.
 */
final class MostRecentAggregator extends ChoosingAggregator {

    private static final String TIMESTAMP = "timestamp";
    private static final String ID = "id";
    private static final String VALUE = "value";

    private static final Comparator<MostRecent> RECENCY = Comparator.comparingLong(MostRecent::timestampMillis)
            .thenComparing(MostRecent::eventId)
            .thenComparing(state -> state.value().toString());

    private final String[] segments;
    private final Optional<XdmType> fieldType;

    MostRecentAggregator(String[] segments, Optional<XdmType> fieldType) {
        this.segments = segments;
        this.fieldType = fieldType;
    }

    @Override
    public AggregationKind kind() {
        return AggregationKind.MOST_RECENT;
    }

    @Override
    public PartialAggregate add(PartialAggregate state, ExperienceEvent event) {
        JsonNode value = JsonValues.lookup(event.body(), segments);
        if (value == null || !ValueTypes.fits(fieldType, value)) {
            return check(state);
        }
        return merge(state, new MostRecent(event.timestampMillis(), event.id(), value.deepCopy()));
    }

    @Override
    Class<? extends PartialAggregate> valueStateType() {
        return MostRecent.class;
    }

    @Override
    PartialAggregate choose(PartialAggregate first, PartialAggregate second) {
        return RECENCY.compare((MostRecent) first, (MostRecent) second) >= 0 ? first : second;
    }

    @Override
    JsonNode resultOf(PartialAggregate chosen) {
        return ((MostRecent) chosen).value();
    }

    @Override
    void writeJson(PartialAggregate chosen, ObjectNode json) {
        MostRecent latest = (MostRecent) chosen;
        json.put(TIMESTAMP, latest.timestampMillis()).put(ID, latest.eventId());
        json.set(VALUE, latest.value());
    }

    @Override
    PartialAggregate readJson(JsonNode json) {
        return new MostRecent(StateJson.longField(json, TIMESTAMP, kind()), StateJson.textField(json, ID, kind()),
                StateJson.field(json, VALUE, kind()));
    }
}
