package io.openprofile.server.merge;

import java.util.Arrays;

/** Which identity graph a merge policy uses to find the fragments of one person. */
public enum IdentityGraphType {
    /** No stitching: only the fragments of the requested identity are merged. */
    NONE("none"),
    /** Private identity graph: fragments of every identity linked to the requested one are merged. */
    PDG("pdg");

    private final String apiValue;

    IdentityGraphType(String apiValue) {
        this.apiValue = apiValue;
    }

    /** Returns the value used in the API's {@code identityGraph.type}. */
    public String apiValue() {
        return apiValue;
    }

    /**
     * Returns the type for an API value, ignoring case.
     *
     * @throws IllegalArgumentException if the value is not {@code none} or {@code pdg}
     */
    public static IdentityGraphType fromApiValue(String value) {
        return Arrays.stream(values())
                .filter(type -> type.apiValue.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "identityGraph.type must be none or pdg, got " + value));
    }
}
