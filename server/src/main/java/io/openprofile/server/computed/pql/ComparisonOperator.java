package io.openprofile.server.computed.pql;

/** Comparison operator of a condition or of an {@code occurs} clause. */
enum ComparisonOperator {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    /** Returns true for the operators that order their operands: {@code < <= > >=}. */
    boolean isOrdering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** Applies the operator to the result of a {@code compareTo} call. */
    boolean test(int comparison) {
        switch (this) {
            case EQUAL:
                return comparison == 0;
            case NOT_EQUAL:
                return comparison != 0;
            case LESS:
                return comparison < 0;
            case LESS_OR_EQUAL:
                return comparison <= 0;
            case GREATER:
                return comparison > 0;
            default:
                return comparison >= 0;
        }
    }

    static ComparisonOperator fromToken(Token token) {
        switch (token.type()) {
            case EQUAL:
                return EQUAL;
            case NOT_EQUAL:
                return NOT_EQUAL;
            case LESS:
                return LESS;
            case LESS_OR_EQUAL:
                return LESS_OR_EQUAL;
            case GREATER:
                return GREATER;
            case GREATER_OR_EQUAL:
                return GREATER_OR_EQUAL;
            default:
                return null;
        }
    }
}
