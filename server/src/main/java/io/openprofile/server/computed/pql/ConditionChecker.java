package io.openprofile.server.computed.pql;

import io.openprofile.server.computed.pql.Ast.Argument;
import io.openprofile.server.computed.pql.Ast.Comparison;
import io.openprofile.server.computed.pql.Ast.Condition;
import io.openprofile.server.computed.pql.Ast.FieldPath;
import io.openprofile.server.computed.pql.Ast.Literal;
import io.openprofile.server.computed.pql.Ast.MethodCall;
import io.openprofile.server.computed.pql.Ast.Occurs;
import io.openprofile.server.computed.pql.Ast.Operand;
import io.openprofile.server.xdm.ComparisonOperator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Static checks of a filter condition. It rejects comparisons whose operand types differ when both are known,
 * ordering comparisons on booleans, comparisons of objects or arrays, {@code occurs} on a field that is not a date
 * or date-time, malformed string tests, and {@code and} chains that compare one field with literals in a way that
 * can never be true ({@code x = 1 and x = "a"}, {@code x = 1 and x = 2}). Chains under an odd number of
 * {@code not} are left out of the last check, because their negation is always true rather than never.
 */
final class ConditionChecker {

    private final TypedFields types;
    private final Set<String> occursFields = new HashSet<>();

    private ConditionChecker(TypedFields types) {
        this.types = types;
    }

    /**
     * Checks {@code condition} and returns the paths of the fields it uses with {@code occurs}, which the
     * aggregation treats as date-times when their type is unknown.
     *
     * @throws PqlException at the first error
     */
    static Set<String> check(Condition condition, TypedFields types) {
        ConditionChecker checker = new ConditionChecker(types);
        checker.visit(condition, false);
        return Set.copyOf(checker.occursFields);
    }

    private void visit(Condition condition, boolean negated) {
        if (condition instanceof Ast.And and) {
            if (!negated) {
                checkConjunction(flatten(and, new ArrayList<>()));
            }
            and.operands().forEach(operand -> visit(operand, negated));
        } else if (condition instanceof Ast.Or or) {
            or.operands().forEach(operand -> visit(operand, negated));
        } else if (condition instanceof Ast.Not not) {
            visit(not.operand(), !negated);
        } else if (condition instanceof Comparison comparison) {
            checkComparison(comparison);
        } else if (condition instanceof Occurs occurs) {
            checkOccurs(occurs);
        } else {
            checkMethodCall((MethodCall) condition);
        }
    }

    private static List<Condition> flatten(Ast.And and, List<Condition> into) {
        for (Condition operand : and.operands()) {
            if (operand instanceof Ast.And nested) {
                flatten(nested, into);
            } else {
                into.add(operand);
            }
        }
        return into;
    }

    private void checkComparison(Comparison comparison) {
        Operand left = comparison.left();
        Operand right = comparison.right();
        Optional<ValueKind> leftKind = types.kindOf(left);
        Optional<ValueKind> rightKind = types.kindOf(right);
        rejectStructure(left, leftKind);
        rejectStructure(right, rightKind);
        boolean hasBoolean = leftKind.equals(Optional.of(ValueKind.BOOLEAN))
                || rightKind.equals(Optional.of(ValueKind.BOOLEAN));
        if (comparison.operator().isOrdering() && hasBoolean) {
            String symbol = comparison.operator().symbol();
            throw new PqlException("'" + symbol + "' at position " + comparison.position()
                    + " cannot order booleans; compare true or false with '=' or '!='", comparison.position(),
                    symbol);
        }
        if (leftKind.isPresent() && rightKind.isPresent() && leftKind.get() != rightKind.get()) {
            throw mismatch(left, right);
        }
    }

    private void rejectStructure(Operand operand, Optional<ValueKind> kind) {
        if (kind.equals(Optional.of(ValueKind.STRUCTURE))) {
            FieldPath field = (FieldPath) operand;
            throw new PqlException(types.describeTyped(field) + " and cannot be compared; compare one of its"
                    + " fields instead", field.position(), field.path());
        }
    }

    private PqlException mismatch(Operand left, Operand right) {
        if (left instanceof Literal && right instanceof Literal) {
            return new PqlException("cannot compare " + left.describe() + " with " + right.describe()
                    + "; both sides must have the same type", right.position(), text(right));
        }
        if (left instanceof FieldPath field && right instanceof Literal) {
            return new PqlException(types.describeTyped(field) + ", so comparing it with " + right.describe()
                    + " can never be true", right.position(), text(right));
        }
        if (right instanceof FieldPath field && left instanceof Literal) {
            return new PqlException(types.describeTyped(field) + ", so comparing it with " + left.describe()
                    + " can never be true", left.position(), text(left));
        }
        return new PqlException(types.describeTyped((FieldPath) left) + " but "
                + types.describeTyped((FieldPath) right) + ", so comparing them can never be true",
                right.position(), text(right));
    }

    /** Rejects a chain of {@code and} that needs one field to match literals that exclude each other. */
    private void checkConjunction(List<Condition> operands) {
        Map<String, List<Literal>> positiveLiterals = new LinkedHashMap<>();
        Map<String, List<Literal>> equalLiterals = new LinkedHashMap<>();
        for (Condition operand : operands) {
            if (!(operand instanceof Comparison comparison)
                    || comparison.operator() == ComparisonOperator.NOT_EQUAL) {
                continue;
            }
            Optional<FieldPath> field = fieldAgainstLiteral(comparison);
            if (field.isEmpty()) {
                continue;
            }
            Literal literal = (Literal) (comparison.left() == field.get() ? comparison.right() : comparison.left());
            String path = field.get().path();
            for (Literal earlier : positiveLiterals.getOrDefault(path, List.of())) {
                if (earlier.kind() != literal.kind()) {
                    throw new PqlException("the field " + path + " is compared with " + earlier.describe()
                            + " and with " + literal.describe() + " in the same 'and', so the condition can never"
                            + " be true", literal.position(), literal.text());
                }
            }
            positiveLiterals.computeIfAbsent(path, key -> new ArrayList<>()).add(literal);
            if (comparison.operator() == ComparisonOperator.EQUAL) {
                for (Literal earlier : equalLiterals.getOrDefault(path, List.of())) {
                    if (!JsonValues.sameValue(earlier.value(), literal.value())) {
                        throw new PqlException("the field " + path + " must equal both " + earlier.text()
                                + " at position " + earlier.position() + " and " + literal.text() + " at position "
                                + literal.position() + " in the same 'and', so the condition can never be true",
                                literal.position(), literal.text());
                    }
                }
                equalLiterals.computeIfAbsent(path, key -> new ArrayList<>()).add(literal);
            }
        }
    }

    private static Optional<FieldPath> fieldAgainstLiteral(Comparison comparison) {
        if (comparison.left() instanceof FieldPath field && comparison.right() instanceof Literal) {
            return Optional.of(field);
        }
        if (comparison.right() instanceof FieldPath field && comparison.left() instanceof Literal) {
            return Optional.of(field);
        }
        return Optional.empty();
    }

    private void checkOccurs(Occurs occurs) {
        FieldPath field = occurs.field();
        Optional<XdmType> type = types.typeOf(field);
        if (type.isPresent() && !type.get().isTemporal()) {
            throw new PqlException("occurs needs a date or date-time field; " + types.describeTyped(field),
                    field.position(), field.path());
        }
        occursFields.add(field.path());
    }

    private void checkMethodCall(MethodCall call) {
        Optional<StringMethod> method = StringMethod.fromName(call.method());
        if (method.isEmpty()) {
            throw new PqlException("unknown function '" + call.method() + "' at position " + call.position()
                    + "; conditions support the string tests " + StringMethod.names(), call.position(),
                    call.method());
        }
        String name = call.method();
        List<Argument> arguments = call.arguments();
        if (arguments.isEmpty() || arguments.size() > 2) {
            throw new PqlException(name + " at position " + call.position() + " takes a string and an optional"
                    + " true or false for case sensitivity, but got " + arguments.size() + " arguments",
                    call.position(), name);
        }
        Argument pattern = arguments.get(0);
        if (!(pattern instanceof Literal literal) || literal.kind() != ValueKind.STRING) {
            throw new PqlException(name + " needs a string literal as its first argument, but got "
                    + pattern.describe(), pattern.position(), text(pattern));
        }
        if (arguments.size() == 2) {
            Argument caseSensitive = arguments.get(1);
            if (!(caseSensitive instanceof Literal flag) || flag.kind() != ValueKind.BOOLEAN) {
                throw new PqlException("the second argument of " + name + " sets case sensitivity and must be"
                        + " true or false, but got " + caseSensitive.describe(), caseSensitive.position(),
                        text(caseSensitive));
            }
        }
        FieldPath receiver = call.receiver();
        Optional<XdmType> type = types.typeOf(receiver);
        if (type.isPresent() && type.get().kind() != ValueKind.STRING) {
            throw new PqlException(name + " needs a string field; " + types.describeTyped(receiver),
                    receiver.position(), receiver.path());
        }
    }

    /** Returns the argument as written, for {@link PqlException#token()}. */
    static String text(Argument argument) {
        if (argument instanceof Literal literal) {
            return literal.text();
        }
        if (argument instanceof FieldPath field) {
            return field.path();
        }
        return "{";
    }
}
