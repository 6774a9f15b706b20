package io.openprofile.server.computed.pql;

/**
 * Syntax error or static type error in a computed-attribute expression.
 *
 * <p>The message is a full sentence that names the offending token and its 1-based position, such as
 * {@code expected ']' at position 57 but found 'sum'}. {@link #position()} and {@link #token()} carry the same
 * facts for callers that build their own error bodies.
 */
public final class PqlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String token;

    PqlException(String message, int position, String token) {
        super(message);
        this.position = position;
        this.token = token;
    }

    /** Returns the 1-based character position of the offending token in the expression text. */
    public int position() {
        return position;
    }

    /** Returns the offending token as written, or {@code end of expression} when the text ended too early. */
    public String token() {
        return token;
    }
}
