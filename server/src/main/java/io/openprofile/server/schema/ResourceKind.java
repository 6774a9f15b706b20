package io.openprofile.server.schema;

/** Kinds of tenant documents in the Schema Registry, with the path segment each lives under. */
public enum ResourceKind {
    FIELD_GROUPS("mixins"),
    DATA_TYPES("datatypes"),
    SCHEMAS("schemas");

    private final String segment;

    ResourceKind(String segment) {
        this.segment = segment;
    }

    /** Returns the segment used in generated ids and in {@code meta:resourceType}. */
    public String segment() {
        return segment;
    }
}
