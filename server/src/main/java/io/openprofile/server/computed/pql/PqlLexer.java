package io.openprofile.server.computed.pql;

import io.openprofile.server.computed.pql.Token.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits expression text into tokens.
 *
 * <p>Strings are delimited by straight double quotes or by the typographic pair “ and ”, because Adobe's rendered
 * documentation shows its examples with typographic quotes and users paste them from there. The pair must match:
 * a string opened with “ ends at the next unescaped ”, and one opened with {@code "} ends at the next unescaped
 * {@code "}. Both kinds accept the JSON escapes {@code \" \\ \/ \b \f \n \r \t} and <code>&#92;u</code> followed by
 * four hex digits.
 */
final class PqlLexer {

    static final char OPENING_TYPOGRAPHIC_QUOTE = '\u201C';
    static final char CLOSING_TYPOGRAPHIC_QUOTE = '\u201D';

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private PqlLexer(String source) {
        this.source = source;
    }

    /**
     * Returns the tokens of {@code source}, ending with one {@link Type#END} token.
     *
     * @throws PqlException for a character that starts no token, an unterminated string or a bad escape
     */
    static List<Token> tokenize(String source) {
        PqlLexer lexer = new PqlLexer(source);
        lexer.run();
        return List.copyOf(lexer.tokens);
    }

    private void run() {
        while (true) {
            skipWhitespace();
            if (index >= source.length()) {
                tokens.add(new Token(Type.END, Token.END_TEXT, Token.END_TEXT, index + 1));
                return;
            }
            tokens.add(next());
        }
    }

    private void skipWhitespace() {
        while (index < source.length() && Character.isWhitespace(source.charAt(index))) {
            index++;
        }
    }

    private Token next() {
        char c = source.charAt(index);
        if (isIdentifierStart(c)) {
            return identifier();
        }
        if (isDigit(c) || (c == '-' && index + 1 < source.length() && isDigit(source.charAt(index + 1)))) {
            return number();
        }
        if (c == '"') {
            return string('"');
        }
        if (c == OPENING_TYPOGRAPHIC_QUOTE) {
            return string(CLOSING_TYPOGRAPHIC_QUOTE);
        }
        return symbol(c);
    }

    private Token identifier() {
        int start = index;
        while (index < source.length() && isIdentifierPart(source.charAt(index))) {
            index++;
        }
        String text = source.substring(start, index);
        return new Token(Type.IDENTIFIER, text, text, start + 1);
    }

    private Token number() {
        int start = index;
        if (source.charAt(index) == '-') {
            index++;
        }
        skipDigits();
        Type type = Type.INTEGER;
        if (index + 1 < source.length() && source.charAt(index) == '.' && isDigit(source.charAt(index + 1))) {
            index++;
            skipDigits();
            type = Type.DECIMAL;
        }
        String text = source.substring(start, index);
        return new Token(type, text, text, start + 1);
    }

    private void skipDigits() {
        while (index < source.length() && isDigit(source.charAt(index))) {
            index++;
        }
    }

    private Token string(char closingQuote) {
        int start = index;
        index++;
        StringBuilder value = new StringBuilder();
        while (index < source.length()) {
            char c = source.charAt(index);
            if (c == closingQuote) {
                index++;
                return new Token(Type.STRING, source.substring(start, index), value.toString(), start + 1);
            }
            if (c == '\\') {
                value.append(escape());
            } else {
                value.append(c);
                index++;
            }
        }
        String text = source.substring(start);
        throw new PqlException("unterminated string starting at position " + (start + 1) + "; close it with "
                + closingQuote, start + 1, text);
    }

    /** Decodes the escape sequence at {@code index} and moves past it. */
    private char escape() {
        int start = index;
        if (index + 1 >= source.length()) {
            throw invalidEscape(start, source.substring(start));
        }
        char code = source.charAt(index + 1);
        index += 2;
        switch (code) {
            case '"':
            case '\\':
            case '/':
                return code;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                return unicodeEscape(start);
            default:
                throw invalidEscape(start, source.substring(start, index));
        }
    }

    private char unicodeEscape(int start) {
        if (index + 4 > source.length()) {
            throw invalidEscape(start, source.substring(start));
        }
        String hex = source.substring(index, index + 4);
        for (char digit : hex.toCharArray()) {
            if (Character.digit(digit, 16) < 0) {
                throw invalidEscape(start, source.substring(start, index + 4));
            }
        }
        index += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    private static PqlException invalidEscape(int start, String escape) {
        return new PqlException("invalid escape '" + escape + "' at position " + (start + 1)
                + "; use one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by four hex digits",
                start + 1, escape);
    }

    private Token symbol(char c) {
        int start = index;
        char following = index + 1 < source.length() ? source.charAt(index + 1) : '\0';
        switch (c) {
            case '[':
                return single(Type.LEFT_BRACKET);
            case ']':
                return single(Type.RIGHT_BRACKET);
            case '(':
                return single(Type.LEFT_PARENTHESIS);
            case ')':
                return single(Type.RIGHT_PARENTHESIS);
            case '{':
                return single(Type.LEFT_BRACE);
            case '}':
                return single(Type.RIGHT_BRACE);
            case '.':
                return single(Type.DOT);
            case ',':
                return single(Type.COMMA);
            case ':':
                return single(Type.COLON);
            case '=':
                if (following == '=') {
                    throw new PqlException("'==' at position " + (start + 1) + " is not an operator; use '='",
                            start + 1, "==");
                }
                return single(Type.EQUAL);
            case '!':
                if (following == '=') {
                    return pair(Type.NOT_EQUAL);
                }
                throw unexpected(c, "; use 'not' to negate a condition or '!=' to compare");
            case '<':
                return following == '=' ? pair(Type.LESS_OR_EQUAL) : single(Type.LESS);
            case '>':
                return following == '=' ? pair(Type.GREATER_OR_EQUAL) : single(Type.GREATER);
            case '\'':
                throw unexpected(c, "; strings use double quotes");
            case CLOSING_TYPOGRAPHIC_QUOTE:
                throw unexpected(c, "; a string opens with \" or " + OPENING_TYPOGRAPHIC_QUOTE);
            default:
                throw unexpected(c, "");
        }
    }

    private Token single(Type type) {
        String text = source.substring(index, index + 1);
        index++;
        return new Token(type, text, text, index);
    }

    private Token pair(Type type) {
        String text = source.substring(index, index + 2);
        index += 2;
        return new Token(type, text, text, index - 1);
    }

    private PqlException unexpected(char c, String hint) {
        return new PqlException("unexpected character '" + c + "' at position " + (index + 1) + hint, index + 1,
                String.valueOf(c));
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
