package io.openprofile.server.computed.pql;

/** Aggregation at the end of an expression, with the merge function that Adobe reports for it. */
public enum AggregationKind {
    /** {@code count()}; Adobe reports its merge function as {@code SUM}, because partial counts add up. */
    COUNT("SUM"),
    /** {@code sum(field)}. */
    SUM("SUM"),
    /** {@code min(field)}. */
    MIN("MIN"),
    /** {@code max(field)}. */
    MAX("MAX"),
    /** {@code topN(timestamp, 1).map({"timestamp": timestamp, "value": field}).head()}. */
    MOST_RECENT("MOST_RECENT");

    private final String mergeFunction;

    AggregationKind(String mergeFunction) {
        this.mergeFunction = mergeFunction;
    }

    /** Returns the API's {@code mergeFunction.value}: {@code SUM}, {@code MIN}, {@code MAX} or {@code MOST_RECENT}. */
    public String mergeFunction() {
        return mergeFunction;
    }
}
