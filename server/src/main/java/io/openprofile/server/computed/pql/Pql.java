package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.computed.pql.Ast.Condition;
import io.openprofile.server.computed.pql.Ast.Occurs;
import io.openprofile.server.xdm.ComparisonOperator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Entry point: compiles computed-attribute expressions. */
public final class Pql {

    private static final EventFilter EVERY_EVENT = (event, time, now) -> true;

    private Pql() {
    }

    /**
     * Compiles {@code text} without schema types, so only literals and the event {@code timestamp} are typed.
     *
     * @throws PqlException for a syntax error or a static type error
     */
    public static CompiledExpression compile(String text) {
        return compile(text, FieldTypes.unknown());
    }

    /**
     * Compiles {@code text}, checking fields against {@code fieldTypes}.
     *
     * @throws PqlException for a syntax error or a static type error
     */
    public static CompiledExpression compile(String text, FieldTypes fieldTypes) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fieldTypes, "fieldTypes");
        Ast.Expression expression = PqlParser.parse(text);
        TypedFields types = new TypedFields(fieldTypes);
        Set<String> occursFields = expression.filter()
                .map(condition -> ConditionChecker.check(condition, types))
                .orElse(Set.of());
        AggregationSpec aggregation = AggregationResolver.resolve(expression, types, occursFields);

        EventFilter filter = expression.filter().map(FilterCompiler::compile).orElse(EVERY_EVENT);
        List<Condition> conjuncts = expression.filter().map(Pql::conjuncts).orElse(List.of());
        List<TimeClause> windowClauses = new ArrayList<>();
        List<Condition> others = new ArrayList<>();
        for (Condition conjunct : conjuncts) {
            if (conjunct instanceof Occurs occurs && occurs.field().path().equals(TypedFields.TIMESTAMP)
                    && occurs.operator() != ComparisonOperator.NOT_EQUAL) {
                windowClauses.add(new TimeClause(occurs.operator(), occurs.count(), occurs.unit()));
            } else {
                others.add(conjunct);
            }
        }
        Optional<TimeWindow> window = windowClauses.isEmpty()
                ? Optional.empty()
                : Optional.of(new TimeWindow(windowClauses));
        Optional<Predicate<ObjectNode>> timeIndependent = Optional.empty();
        if (others.stream().noneMatch(FilterCompiler::dependsOnNow)) {
            List<EventFilter> parts = others.stream().map(FilterCompiler::compile).toList();
            // No part reads the time or now, so any values will do for them.
            timeIndependent = Optional.of(event -> parts.stream()
                    .allMatch(part -> part.matches(event, 0L, Instant.EPOCH)));
        }
        return new CompiledExpression(text, aggregation, filter, window, timeIndependent, aggregator(aggregation));
    }

    /** Returns the operands of a top-level {@code and}, nested ones included, or the condition itself. */
    private static List<Condition> conjuncts(Condition condition) {
        List<Condition> result = new ArrayList<>();
        if (condition instanceof Ast.And and) {
            for (Condition operand : and.operands()) {
                result.addAll(conjuncts(operand));
            }
        } else {
            result.add(condition);
        }
        return result;
    }

    private static Aggregator aggregator(AggregationSpec aggregation) {
        if (aggregation.kind() == AggregationKind.COUNT) {
            return new CountAggregator();
        }
        String[] segments = FilterCompiler.segments(aggregation.field().orElseThrow());
        switch (aggregation.kind()) {
            case SUM:
                return new SumAggregator(segments, aggregation.fieldType());
            case MOST_RECENT:
                return new MostRecentAggregator(segments, aggregation.fieldType());
            default:
                return new ExtremeAggregator(aggregation.kind(), segments, aggregation.fieldType(),
                        aggregation.temporal());
        }
    }
}
