package io.openprofile.server.merge;

import java.util.Arrays;

/** How a merge policy chooses between fragments that hold the same attribute. */
public enum AttributeMergeType {
    /** The most recently updated fragment wins. */
    TIMESTAMP_ORDERED("timestampOrdered"),
    /** The fragment from the dataset listed first in the policy's dataset order wins. */
    DATASET_PRECEDENCE("dataSetPrecedence");

    private final String apiValue;

    AttributeMergeType(String apiValue) {
        this.apiValue = apiValue;
    }

    /** Returns the value used in the API's {@code attributeMerge.type}. */
    public String apiValue() {
        return apiValue;
    }

    /**
     * Returns the type for an API value, ignoring case.
     *
     * @throws IllegalArgumentException if the value is not {@code timestampOrdered} or {@code dataSetPrecedence}
     */
    public static AttributeMergeType fromApiValue(String value) {
        return Arrays.stream(values())
                .filter(type -> type.apiValue.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "attributeMerge.type must be timestampOrdered or dataSetPrecedence, got " + value));
    }
}
