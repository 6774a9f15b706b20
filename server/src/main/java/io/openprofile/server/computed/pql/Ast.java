package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import io.openprofile.server.xdm.ComparisonOperator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Syntax tree that {@link PqlParser} builds. Every position is the 1-based character position in the text. */
final class Ast {

    private Ast() {
    }

    /**
     * A whole expression: {@code xEvent}, an optional filter in brackets and the chain of calls after it.
     *
     * @param filter the condition in brackets, empty for {@code xEvent.count()}
     * @param calls the calls in written order, at least one
     * @param endPosition position just after the last character, where "end of expression" is reported
     */
    record Expression(Optional<Condition> filter, List<Call> calls, int endPosition) {
    }

    /** A call such as {@code .sum(commerce.order.priceTotal)}; {@code position} is that of the name. */
    record Call(String name, List<Argument> arguments, int position) {
    }

    /** An argument of a call. */
    sealed interface Argument permits Operand, ObjectLiteral {

        int position();

        /** Returns the argument for error messages, such as {@code the string "abc" at position 40}. */
        String describe();
    }

    /** An operand of a comparison: a field path or a literal. */
    sealed interface Operand extends Argument permits FieldPath, Literal {
    }

    /** A dotted path into the event, such as {@code commerce.order.priceTotal}. */
    record FieldPath(String path, int position) implements Operand {

        @Override
        public String describe() {
            return "the field " + path + " at position " + position;
        }
    }

    /**
     * A string, number or boolean literal.
     *
     * @param value the value as JSON: a text, decimal or boolean node
     * @param text the literal as written
     */
    record Literal(ValueKind kind, JsonNode value, String text, int position) implements Operand {

        @Override
        public String describe() {
            return "the " + kind.name().toLowerCase(Locale.ROOT) + " " + text + " at position " + position;
        }
    }

    /** An object literal such as {@code {"timestamp": timestamp, "value": producedBy}}. */
    record ObjectLiteral(List<Entry> entries, int position) implements Argument {

        @Override
        public String describe() {
            return "the object at position " + position;
        }
    }

    /** One {@code "key": value} entry of an object literal. */
    record Entry(String key, int keyPosition, Operand value) {
    }

    /** A condition inside the brackets of {@code xEvent[...]}. */
    sealed interface Condition permits And, Or, Not, Comparison, Occurs, MethodCall {
    }

    /** Two or more conditions joined by {@code and}. */
    record And(List<Condition> operands) implements Condition {
    }

    /** Two or more conditions joined by {@code or}. */
    record Or(List<Condition> operands) implements Condition {
    }

    /** A negated condition; {@code position} is that of the {@code not} keyword. */
    record Not(Condition operand, int position) implements Condition {
    }

    /** A comparison such as {@code commerce.order.priceTotal >= 10.0}; {@code position} is the operator's. */
    record Comparison(Operand left, ComparisonOperator operator, Operand right, int position) implements Condition {
    }

    /**
     * A time clause {@code <field> occurs <operator> <count> <unit> before now}.
     *
     * @param position position of the {@code occurs} keyword
     */
    record Occurs(FieldPath field, ComparisonOperator operator, long count, LookbackUnit unit, int position)
            implements Condition {
    }

    /** A string test such as {@code eventType.equals("download", false)}; {@code position} is the method name's. */
    record MethodCall(FieldPath receiver, String method, List<Argument> arguments, int position)
            implements Condition {
    }
}
