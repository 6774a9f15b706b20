package io.openprofile.server.computed.pql;

/**
 * One lexical token of an expression.
 *
 * @param type kind of token
 * @param text the token exactly as written, quotes included for strings
 * @param value the decoded string for {@link Type#STRING}, else the same as {@code text}
 * @param position 1-based character position of the token's first character
 */
record Token(Type type, String text, String value, int position) {

    /** Text that {@link #describe()} uses for {@link Type#END}. */
    static final String END_TEXT = "end of expression";

    enum Type {
        IDENTIFIER,
        STRING,
        INTEGER,
        DECIMAL,
        LEFT_BRACKET,
        RIGHT_BRACKET,
        LEFT_PARENTHESIS,
        RIGHT_PARENTHESIS,
        LEFT_BRACE,
        RIGHT_BRACE,
        DOT,
        COMMA,
        COLON,
        EQUAL,
        NOT_EQUAL,
        LESS,
        LESS_OR_EQUAL,
        GREATER,
        GREATER_OR_EQUAL,
        END
    }

    boolean is(Type expected) {
        return type == expected;
    }

    /** Returns true for an identifier that equals {@code word} ignoring case, as PQL's keywords do. */
    boolean isKeyword(String word) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    /** Returns the token for error messages: {@code 'sum'}, or {@code end of expression}. */
    String describe() {
        return type == Type.END ? END_TEXT : "'" + text + "'";
    }
}
