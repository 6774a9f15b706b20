package io.openprofile.server.xdm;

/** Comparison operator of a Profile Access property filter and of a computed-attribute condition. */
public enum ComparisonOperator {
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

    /** Returns the operator as written in a filter. */
    public String symbol() {
        return symbol;
    }

    /** Returns {@code true} for the operators that need an ordered value: less and greater. */
    public boolean isOrdering() {
        return this != EQUAL && this != NOT_EQUAL;
    }

    /** Applies the operator to the result of a {@code compareTo} call of the field with the value. */
    public boolean test(int comparison) {
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
}
