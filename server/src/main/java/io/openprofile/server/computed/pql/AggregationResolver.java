package io.openprofile.server.computed.pql;

import io.openprofile.server.computed.pql.Ast.Argument;
import io.openprofile.server.computed.pql.Ast.Call;
import io.openprofile.server.computed.pql.Ast.Entry;
import io.openprofile.server.computed.pql.Ast.FieldPath;
import io.openprofile.server.computed.pql.Ast.Literal;
import io.openprofile.server.computed.pql.Ast.ObjectLiteral;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the call chain after {@code xEvent[...]} to one of the supported aggregations and checks its arguments:
 * {@code count()}, {@code sum(field)}, {@code min(field)}, {@code max(field)}, and the most recent value in the
 * form Adobe documents, {@code topN(timestamp, 1).map({"timestamp": timestamp, "value": field}).head()}.
 *
 * <p>Result types: count is {@code integer} and sum is {@code number}. Min and max give the field's type when it
 * is numeric, and {@code string} for a date or date-time field, as Adobe's documented
 * {@code min(commerce.shipping.shipDate)} reports. A field of unknown type counts as a date-time when the filter
 * uses it with {@code occurs}, else as a number. The most recent value has the field's type, or {@code string}
 * when the type is unknown.
 */
final class AggregationResolver {

    /** Names of the functions that the call chain may use. */
    static final Set<String> FUNCTIONS = Set.of("count", "sum", "min", "max", "topN", "map", "head");

    private static final String SUPPORTED = "count(), sum(field), min(field), max(field) and"
            + " topN(timestamp, 1).map({\"timestamp\": timestamp, \"value\": field}).head()";

    private final TypedFields types;
    private final Set<String> occursFields;

    private AggregationResolver(TypedFields types, Set<String> occursFields) {
        this.types = types;
        this.occursFields = occursFields;
    }

    /**
     * Resolves the aggregation of {@code expression}.
     *
     * @param occursFields paths that the filter uses with {@code occurs}
     * @throws PqlException for an unknown function, a wrong argument or a call after the aggregation
     */
    static AggregationSpec resolve(Ast.Expression expression, TypedFields types, Set<String> occursFields) {
        return new AggregationResolver(types, occursFields).resolve(expression);
    }

    private AggregationSpec resolve(Ast.Expression expression) {
        List<Call> calls = expression.calls();
        Call first = calls.get(0);
        AggregationSpec spec;
        int used;
        switch (first.name()) {
            case "count":
                spec = count(first);
                used = 1;
                break;
            case "sum":
                spec = sum(first);
                used = 1;
                break;
            case "min":
                spec = extreme(first, AggregationKind.MIN);
                used = 1;
                break;
            case "max":
                spec = extreme(first, AggregationKind.MAX);
                used = 1;
                break;
            case "topN":
                spec = mostRecent(calls, expression.endPosition());
                used = 3;
                break;
            default:
                if (FUNCTIONS.contains(first.name())) {
                    throw new PqlException("'" + first.name() + "' at position " + first.position()
                            + " cannot start the aggregation; computed attributes support " + SUPPORTED,
                            first.position(), first.name());
                }
                throw unknownFunction(first.name(), first.position());
        }
        if (calls.size() > used) {
            Call extra = calls.get(used);
            throw new PqlException("unexpected call '" + extra.name() + "' at position " + extra.position()
                    + " after the aggregation; an expression ends with " + SUPPORTED, extra.position(),
                    extra.name());
        }
        return spec;
    }

    static PqlException unknownFunction(String name, int position) {
        return new PqlException("unknown function '" + name + "' at position " + position
                + "; computed attributes support " + SUPPORTED, position, name);
    }

    private static AggregationSpec count(Call call) {
        if (!call.arguments().isEmpty()) {
            Argument argument = call.arguments().get(0);
            throw new PqlException("count() takes no arguments, but got " + argument.describe(),
                    argument.position(), ConditionChecker.text(argument));
        }
        return new AggregationSpec(AggregationKind.COUNT, Optional.empty(), Optional.empty(), XdmType.INTEGER,
                false);
    }

    private AggregationSpec sum(Call call) {
        FieldPath field = singleField(call, "a numeric field");
        Optional<XdmType> type = types.typeOf(field);
        if (type.isPresent() && type.get().kind() != ValueKind.NUMBER) {
            throw new PqlException("sum needs a numeric field; " + types.describeTyped(field), field.position(),
                    field.path());
        }
        return new AggregationSpec(AggregationKind.SUM, Optional.of(field), type, XdmType.NUMBER, false);
    }

    private AggregationSpec extreme(Call call, AggregationKind kind) {
        FieldPath field = singleField(call, "a numeric, date or date-time field");
        Optional<XdmType> type = types.typeOf(field);
        if (type.isPresent()) {
            XdmType known = type.get();
            if (known.isTemporal()) {
                return new AggregationSpec(kind, Optional.of(field), type, XdmType.STRING, true);
            }
            if (known.kind() != ValueKind.NUMBER) {
                throw new PqlException(call.name() + " needs a numeric, date or date-time field; "
                        + types.describeTyped(field), field.position(), field.path());
            }
            return new AggregationSpec(kind, Optional.of(field), type, known, false);
        }
        if (occursFields.contains(field.path())) {
            return new AggregationSpec(kind, Optional.of(field), type, XdmType.STRING, true);
        }
        return new AggregationSpec(kind, Optional.of(field), type, XdmType.NUMBER, false);
    }

    /** Returns the one field argument of sum, min or max. */
    private static FieldPath singleField(Call call, String needed) {
        List<Argument> arguments = call.arguments();
        String name = call.name();
        if (arguments.isEmpty()) {
            throw new PqlException(name + " at position " + call.position() + " needs " + needed
                    + " as its argument, as in " + name + "(commerce.order.priceTotal)", call.position(), name);
        }
        if (arguments.size() > 1) {
            Argument extra = arguments.get(1);
            throw new PqlException(name + " takes one field, but got a second argument at position "
                    + extra.position(), extra.position(), ConditionChecker.text(extra));
        }
        Argument argument = arguments.get(0);
        if (argument instanceof Literal literal) {
            throw new PqlException(name + " needs " + needed + "; the literal " + literal.text() + " at position "
                    + literal.position() + " is a " + literal.kind().name().toLowerCase(Locale.ROOT),
                    literal.position(), literal.text());
        }
        if (argument instanceof ObjectLiteral object) {
            throw new PqlException(name + " needs " + needed + "; " + object.describe() + " is not a field",
                    object.position(), "{");
        }
        return (FieldPath) argument;
    }

    // topN(timestamp, 1) . map({"timestamp": timestamp, "value": field}) . head()
    private AggregationSpec mostRecent(List<Call> calls, int endPosition) {
        checkTopN(calls.get(0));
        Call map = followingCall(calls, 1, "map", "map({\"timestamp\": timestamp, \"value\": field})",
                endPosition);
        FieldPath field = mapValueField(map);
        Call head = followingCall(calls, 2, "head", "head()", endPosition);
        if (!head.arguments().isEmpty()) {
            Argument argument = head.arguments().get(0);
            throw new PqlException("head() takes no arguments, but got " + argument.describe(),
                    argument.position(), ConditionChecker.text(argument));
        }
        Optional<XdmType> type = types.typeOf(field);
        if (type.isPresent() && type.get().kind() == ValueKind.STRUCTURE && type.get() != XdmType.ARRAY) {
            throw new PqlException("the most recent value needs a field of a primitive type or an array; "
                    + types.describeTyped(field), field.position(), field.path());
        }
        return new AggregationSpec(AggregationKind.MOST_RECENT, Optional.of(field), type,
                type.orElse(XdmType.STRING), false);
    }

    private static void checkTopN(Call topN) {
        List<Argument> arguments = topN.arguments();
        if (arguments.size() != 2) {
            throw new PqlException("topN at position " + topN.position() + " takes a sort field and a count, as in"
                    + " topN(timestamp, 1), but got " + arguments.size() + " arguments", topN.position(), "topN");
        }
        Argument order = arguments.get(0);
        if (!(order instanceof FieldPath field) || !field.path().equals(TypedFields.TIMESTAMP)) {
            throw new PqlException("computed attributes support topN only to take the most recent event, so its"
                    + " first argument must be timestamp, but got " + order.describe(), order.position(),
                    ConditionChecker.text(order));
        }
        Argument count = arguments.get(1);
        if (!(count instanceof Literal literal) || !literal.text().equals("1")) {
            throw new PqlException("topN(timestamp, n) keeps n events, but a computed attribute stores one value,"
                    + " so n must be 1; got " + count.describe(), count.position(), ConditionChecker.text(count));
        }
    }

    private static Call followingCall(List<Call> calls, int index, String name, String form, int endPosition) {
        if (index >= calls.size()) {
            throw new PqlException("expected ." + form + " at position " + endPosition + " but found "
                    + Token.END_TEXT, endPosition, Token.END_TEXT);
        }
        Call call = calls.get(index);
        if (!call.name().equals(name)) {
            throw new PqlException("expected ." + form + " at position " + call.position() + " but found '"
                    + call.name() + "'", call.position(), call.name());
        }
        return call;
    }

    /** Returns the field under the key "value" of {@code map({"timestamp": timestamp, "value": field})}. */
    private static FieldPath mapValueField(Call map) {
        List<Argument> arguments = map.arguments();
        if (arguments.size() != 1 || !(arguments.get(0) instanceof ObjectLiteral object)) {
            throw new PqlException("map at position " + map.position() + " needs one object argument such as"
                    + " {\"timestamp\": timestamp, \"value\": web.webPageDetails.name}", map.position(), "map");
        }
        Map<String, Entry> entries = new HashMap<>();
        for (Entry entry : object.entries()) {
            String key = entry.key();
            if (!key.equals("timestamp") && !key.equals("value")) {
                throw new PqlException("unexpected key \"" + key + "\" at position " + entry.keyPosition()
                        + " in map; use only \"timestamp\" and \"value\"", entry.keyPosition(), key);
            }
            if (entries.put(key, entry) != null) {
                throw new PqlException("duplicate key \"" + key + "\" at position " + entry.keyPosition()
                        + " in map", entry.keyPosition(), key);
            }
        }
        for (String key : List.of("timestamp", "value")) {
            if (!entries.containsKey(key)) {
                throw new PqlException("the object at position " + object.position() + " needs the key \"" + key
                        + "\"", object.position(), "{");
            }
        }
        Entry timestamp = entries.get("timestamp");
        if (!(timestamp.value() instanceof FieldPath timeField) || !timeField.path().equals(TypedFields.TIMESTAMP)) {
            throw new PqlException("the key \"timestamp\" at position " + timestamp.keyPosition()
                    + " must map to the field timestamp, but maps to " + timestamp.value().describe(),
                    timestamp.value().position(), ConditionChecker.text(timestamp.value()));
        }
        Entry value = entries.get("value");
        if (!(value.value() instanceof FieldPath field)) {
            throw new PqlException("the key \"value\" at position " + value.keyPosition() + " must map to the field"
                    + " to keep, but maps to " + value.value().describe(), value.value().position(),
                    ConditionChecker.text(value.value()));
        }
        return field;
    }
}
