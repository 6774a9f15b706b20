package io.openprofile.server.computed.pql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.openprofile.server.computed.pql.Ast.Argument;
import io.openprofile.server.computed.pql.Ast.Call;
import io.openprofile.server.computed.pql.Ast.Condition;
import io.openprofile.server.computed.pql.Ast.Entry;
import io.openprofile.server.computed.pql.Ast.FieldPath;
import io.openprofile.server.computed.pql.Ast.Literal;
import io.openprofile.server.computed.pql.Ast.ObjectLiteral;
import io.openprofile.server.computed.pql.Ast.Operand;
import io.openprofile.server.computed.pql.Token.Type;
import io.openprofile.server.xdm.ComparisonOperator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recursive-descent parser for the grammar in {@code package-info.java}, with one method per rule. It checks the
 * syntax and rejects unknown aggregation functions early. {@link ConditionChecker} and {@link AggregationResolver}
 * check argument counts and types.
 */
final class PqlParser {

    /** The word that names a person's experience events, written in this case only. */
    static final String EVENTS = "xEvent";

    private final List<Token> tokens;
    private int index;

    private PqlParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses {@code source} into a syntax tree.
     *
     * @throws PqlException at the first token that does not fit the grammar
     */
    static Ast.Expression parse(String source) {
        return new PqlParser(PqlLexer.tokenize(source)).expression();
    }

    // expression = "xEvent" [ "[" condition "]" ] call { call } END
    private Ast.Expression expression() {
        Token first = peek();
        if (!first.is(Type.IDENTIFIER) || !first.text().equals(EVENTS)) {
            throw expected("'" + EVENTS + "'", first);
        }
        index++;
        Optional<Condition> filter = Optional.empty();
        if (peek().is(Type.LEFT_BRACKET)) {
            index++;
            if (peek().is(Type.RIGHT_BRACKET)) {
                Token closing = peek();
                throw new PqlException("expected a condition at position " + closing.position() + " but found "
                        + closing.describe() + "; to aggregate every event, leave out the brackets as in "
                        + EVENTS + ".count()", closing.position(), closing.text());
            }
            filter = Optional.of(condition());
            expect(Type.RIGHT_BRACKET, "']'");
        }
        List<Call> calls = new ArrayList<>();
        do {
            calls.add(call());
        } while (peek().is(Type.DOT));
        if (!peek().is(Type.END)) {
            throw expected("'.' or the end of the expression", peek());
        }
        return new Ast.Expression(filter, List.copyOf(calls), peek().position());
    }

    // call = "." IDENTIFIER "(" [ argument { "," argument } ] ")"
    private Call call() {
        expect(Type.DOT, "'.'");
        Token name = expect(Type.IDENTIFIER, "a function name");
        if (!AggregationResolver.FUNCTIONS.contains(name.text())) {
            // Reported here, before the arguments, because unsupported PQL functions take arguments
            // such as lambdas that this grammar cannot parse.
            throw AggregationResolver.unknownFunction(name.text(), name.position());
        }
        expect(Type.LEFT_PARENTHESIS, "'('");
        return new Call(name.text(), arguments(), name.position());
    }

    // The part of a call after "(": [ argument { "," argument } ] ")"
    private List<Argument> arguments() {
        List<Argument> arguments = new ArrayList<>();
        if (!peek().is(Type.RIGHT_PARENTHESIS)) {
            arguments.add(argument());
            while (peek().is(Type.COMMA)) {
                index++;
                arguments.add(argument());
            }
        }
        expect(Type.RIGHT_PARENTHESIS, "')'");
        return List.copyOf(arguments);
    }

    // argument = object | operand
    private Argument argument() {
        return peek().is(Type.LEFT_BRACE) ? object() : operand();
    }

    // object = "{" [ entry { "," entry } ] "}"
    // entry = STRING ":" operand
    private ObjectLiteral object() {
        Token opening = expect(Type.LEFT_BRACE, "'{'");
        List<Entry> entries = new ArrayList<>();
        if (!peek().is(Type.RIGHT_BRACE)) {
            entries.add(entry());
            while (peek().is(Type.COMMA)) {
                index++;
                entries.add(entry());
            }
        }
        expect(Type.RIGHT_BRACE, "'}'");
        return new ObjectLiteral(List.copyOf(entries), opening.position());
    }

    private Entry entry() {
        Token key = expect(Type.STRING, "a quoted key");
        expect(Type.COLON, "':'");
        return new Entry(key.value(), key.position(), operand());
    }

    // condition = conjunction { "or" conjunction }
    private Condition condition() {
        List<Condition> operands = new ArrayList<>();
        operands.add(conjunction());
        while (peek().isKeyword("or")) {
            index++;
            operands.add(conjunction());
        }
        return operands.size() == 1 ? operands.get(0) : new Ast.Or(List.copyOf(operands));
    }

    // conjunction = negation { "and" negation }
    private Condition conjunction() {
        List<Condition> operands = new ArrayList<>();
        operands.add(negation());
        while (peek().isKeyword("and")) {
            index++;
            operands.add(negation());
        }
        return operands.size() == 1 ? operands.get(0) : new Ast.And(List.copyOf(operands));
    }

    // negation = "not" negation | primary
    private Condition negation() {
        if (peek().isKeyword("not")) {
            Token not = next();
            return new Ast.Not(negation(), not.position());
        }
        return primary();
    }

    // primary = "(" condition ")" | predicate
    private Condition primary() {
        if (peek().is(Type.LEFT_PARENTHESIS)) {
            index++;
            Condition inner = condition();
            expect(Type.RIGHT_PARENTHESIS, "')'");
            return inner;
        }
        return predicate();
    }

    // predicate = path "occurs" occursClause | path "." IDENTIFIER "(" arguments | operand operator operand
    private Condition predicate() {
        Token start = peek();
        if (start.is(Type.IDENTIFIER) && !isLiteralKeyword(start)) {
            List<Token> segments = pathSegments();
            Token after = peek();
            if (after.is(Type.LEFT_PARENTHESIS)) {
                return methodCall(segments);
            }
            FieldPath path = toPath(segments);
            if (after.isKeyword("occurs")) {
                return occurs(path);
            }
            return comparison(path);
        }
        return comparison(operand());
    }

    private Condition methodCall(List<Token> segments) {
        Token method = segments.get(segments.size() - 1);
        if (segments.size() == 1) {
            throw new PqlException("function '" + method.text() + "' at position " + method.position()
                    + " needs a field before it, as in eventType.equals(\"download\")", method.position(),
                    method.text());
        }
        index++;
        FieldPath receiver = toPath(segments.subList(0, segments.size() - 1));
        return new Ast.MethodCall(receiver, method.text(), arguments(), method.position());
    }

    private Condition comparison(Operand left) {
        Token operatorToken = peek();
        ComparisonOperator operator = toOperator(operatorToken);
        if (operator == null) {
            throw expected("a comparison operator such as '=' or '<='", operatorToken);
        }
        index++;
        return new Ast.Comparison(left, operator, operand(), operatorToken.position());
    }

    // occursClause = "occurs" operator INTEGER unit "before" "now"
    private Condition occurs(FieldPath path) {
        Token occurs = next();
        Token operatorToken = peek();
        ComparisonOperator operator = toOperator(operatorToken);
        if (operator == null) {
            throw new PqlException("expected a comparison operator such as '<=' at position "
                    + operatorToken.position() + " but found " + operatorToken.describe()
                    + "; computed attributes support only 'occurs <operator> <count> <unit> before now'",
                    operatorToken.position(), operatorToken.text());
        }
        index++;
        long count = durationCount(next());
        LookbackUnit unit = unit(next());
        expectKeyword("before", "; computed attributes support only lookbacks that end now");
        expectKeyword("now", "; computed attributes support only lookbacks that end now");
        return new Ast.Occurs(path, operator, count, unit, occurs.position());
    }

    private static long durationCount(Token token) {
        if (token.is(Type.DECIMAL)) {
            throw new PqlException("the duration count " + token.text() + " at position " + token.position()
                    + " must be a whole number", token.position(), token.text());
        }
        if (!token.is(Type.INTEGER)) {
            throw expected("a duration count such as 7", token);
        }
        BigDecimal count = new BigDecimal(token.text());
        if (count.signum() <= 0) {
            throw new PqlException("the duration count " + token.text() + " at position " + token.position()
                    + " must be 1 or more", token.position(), token.text());
        }
        try {
            return count.longValueExact();
        } catch (ArithmeticException e) {
            throw new PqlException("the duration count " + token.text() + " at position " + token.position()
                    + " is too large; use at most " + Long.MAX_VALUE, token.position(), token.text());
        }
    }

    private static LookbackUnit unit(Token token) {
        if (!token.is(Type.IDENTIFIER)) {
            throw expected("a time unit (hours, days, weeks or months)", token);
        }
        Optional<LookbackUnit> unit = LookbackUnit.fromWord(token.text());
        if (unit.isPresent()) {
            return unit.get();
        }
        String word = token.text().toLowerCase(Locale.ROOT);
        String problem = LookbackUnit.OTHER_PQL_UNITS.contains(word) ? "unsupported" : "unknown";
        throw new PqlException(problem + " time unit '" + token.text() + "' at position " + token.position()
                + "; computed attributes support hours, days, weeks and months", token.position(), token.text());
    }

    // operand = path | literal
    // literal = STRING | INTEGER | DECIMAL | "true" | "false"
    private Operand operand() {
        Token token = peek();
        switch (token.type()) {
            case STRING:
                index++;
                return new Literal(ValueKind.STRING, TextNode.valueOf(token.value()), token.text(), token.position());
            case INTEGER:
            case DECIMAL:
                index++;
                return new Literal(ValueKind.NUMBER, DecimalNode.valueOf(new BigDecimal(token.text())), token.text(),
                        token.position());
            case IDENTIFIER:
                if (isLiteralKeyword(token)) {
                    index++;
                    JsonNode value = BooleanNode.valueOf(token.isKeyword("true"));
                    return new Literal(ValueKind.BOOLEAN, value, token.text(), token.position());
                }
                return toPath(pathSegments());
            default:
                throw expected("a field or a literal", token);
        }
    }

    // path = IDENTIFIER { "." IDENTIFIER }
    // A reserved word may follow a dot but cannot start a path.
    private List<Token> pathSegments() {
        Token first = peek();
        if (isReserved(first)) {
            throw expected("a field or a literal", first);
        }
        List<Token> segments = new ArrayList<>();
        segments.add(next());
        while (peek().is(Type.DOT) && peekAt(1).is(Type.IDENTIFIER)) {
            index++;
            segments.add(next());
        }
        if (peek().is(Type.DOT)) {
            throw expected("a field name after '.'", peekAt(1));
        }
        return segments;
    }

    private static FieldPath toPath(List<Token> segments) {
        StringBuilder path = new StringBuilder();
        for (Token segment : segments) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(segment.text());
        }
        return new FieldPath(path.toString(), segments.get(0).position());
    }

    private static boolean isLiteralKeyword(Token token) {
        return token.isKeyword("true") || token.isKeyword("false");
    }

    private static boolean isReserved(Token token) {
        return token.isKeyword("and") || token.isKeyword("or") || token.isKeyword("not")
                || token.isKeyword("occurs") || isLiteralKeyword(token);
    }

    private Token expect(Type type, String description) {
        Token token = peek();
        if (!token.is(type)) {
            throw expected(description, token);
        }
        index++;
        return token;
    }

    private void expectKeyword(String keyword, String hint) {
        Token token = peek();
        if (!token.isKeyword(keyword)) {
            throw new PqlException("expected '" + keyword + "' at position " + token.position() + " but found "
                    + token.describe() + hint, token.position(), token.text());
        }
        index++;
    }

    private static PqlException expected(String description, Token found) {
        return new PqlException("expected " + description + " at position " + found.position() + " but found "
                + found.describe(), found.position(), found.text());
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peekAt(int offset) {
        return tokens.get(Math.min(index + offset, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(index);
        if (!token.is(Type.END)) {
            index++;
        }
        return token;
    }

    private static ComparisonOperator toOperator(Token token) {
        switch (token.type()) {
            case EQUAL:
                return ComparisonOperator.EQUAL;
            case NOT_EQUAL:
                return ComparisonOperator.NOT_EQUAL;
            case LESS:
                return ComparisonOperator.LESS;
            case LESS_OR_EQUAL:
                return ComparisonOperator.LESS_OR_EQUAL;
            case GREATER:
                return ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL:
                return ComparisonOperator.GREATER_OR_EQUAL;
            default:
                return null;
        }
    }
}
