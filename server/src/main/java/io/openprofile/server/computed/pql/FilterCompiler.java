package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.pql.Ast.Argument;
import io.openprofile.server.computed.pql.Ast.Comparison;
import io.openprofile.server.computed.pql.Ast.Condition;
import io.openprofile.server.computed.pql.Ast.FieldPath;
import io.openprofile.server.computed.pql.Ast.Literal;
import io.openprofile.server.computed.pql.Ast.MethodCall;
import io.openprofile.server.computed.pql.Ast.Occurs;
import io.openprofile.server.computed.pql.Ast.Operand;
import io.openprofile.server.xdm.ComparisonOperator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Turns a checked condition into an {@link EventFilter}.
 *
 * <p>Run-time rules: a comparison is false when a value is missing, null or of another JSON kind than the other
 * side, whatever the operator, so {@code x != 5} is false for {@code "x": "abc"} while {@code not (x = 5)} is true.
 * String tests are false for a value that is not a string. An {@code occurs} clause on {@code timestamp} reads the
 * event time passed to the filter. On any other field it reads an ISO-8601 date or date-time or a number of epoch
 * milliseconds, and it is false for anything else.
 */
final class FilterCompiler {

    private FilterCompiler() {
    }

    static EventFilter compile(Condition condition) {
        if (condition instanceof Ast.And and) {
            List<EventFilter> operands = and.operands().stream().map(FilterCompiler::compile).toList();
            return (event, time, now) -> operands.stream().allMatch(filter -> filter.matches(event, time, now));
        }
        if (condition instanceof Ast.Or or) {
            List<EventFilter> operands = or.operands().stream().map(FilterCompiler::compile).toList();
            return (event, time, now) -> operands.stream().anyMatch(filter -> filter.matches(event, time, now));
        }
        if (condition instanceof Ast.Not not) {
            EventFilter operand = compile(not.operand());
            return (event, time, now) -> !operand.matches(event, time, now);
        }
        if (condition instanceof Comparison comparison) {
            return comparison(comparison);
        }
        if (condition instanceof Occurs occurs) {
            return occurs(occurs);
        }
        return stringTest((MethodCall) condition);
    }

    /** Returns true when {@code condition} contains an {@code occurs} clause, which makes it depend on now. */
    static boolean dependsOnNow(Condition condition) {
        if (condition instanceof Ast.And and) {
            return and.operands().stream().anyMatch(FilterCompiler::dependsOnNow);
        }
        if (condition instanceof Ast.Or or) {
            return or.operands().stream().anyMatch(FilterCompiler::dependsOnNow);
        }
        if (condition instanceof Ast.Not not) {
            return dependsOnNow(not.operand());
        }
        return condition instanceof Occurs;
    }

    private static EventFilter comparison(Comparison comparison) {
        Function<ObjectNode, JsonNode> left = accessor(comparison.left());
        Function<ObjectNode, JsonNode> right = accessor(comparison.right());
        ComparisonOperator operator = comparison.operator();
        return (event, time, now) -> JsonValues.compare(left.apply(event), operator, right.apply(event));
    }

    private static Function<ObjectNode, JsonNode> accessor(Operand operand) {
        if (operand instanceof Literal literal) {
            JsonNode value = literal.value();
            return event -> value;
        }
        String[] segments = segments((FieldPath) operand);
        return event -> JsonValues.lookup(event, segments);
    }

    private static EventFilter occurs(Occurs occurs) {
        TimeClause clause = new TimeClause(occurs.operator(), occurs.count(), occurs.unit());
        if (occurs.field().path().equals(TypedFields.TIMESTAMP)) {
            return (event, time, now) -> clause.matches(time, now);
        }
        String[] segments = segments(occurs.field());
        return (event, time, now) -> {
            OptionalLong fieldTime = JsonValues.epochMillis(JsonValues.lookup(event, segments));
            return fieldTime.isPresent() && clause.matches(fieldTime.getAsLong(), now);
        };
    }

    private static EventFilter stringTest(MethodCall call) {
        StringMethod method = StringMethod.fromName(call.method()).orElseThrow();
        List<Argument> arguments = call.arguments();
        String pattern = ((Literal) arguments.get(0)).value().textValue();
        boolean caseSensitive = arguments.size() < 2 || ((Literal) arguments.get(1)).value().booleanValue();
        String[] segments = segments(call.receiver());
        return (event, time, now) -> {
            JsonNode value = JsonValues.lookup(event, segments);
            return value != null && value.isTextual() && method.test(value.textValue(), pattern, caseSensitive);
        };
    }

    static String[] segments(FieldPath field) {
        return field.path().split("\\.");
    }
}
