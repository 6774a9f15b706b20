package io.openprofile.server.computed.pql;

/** JSON kind of a value for the type checker, which only compares values of the same kind. */
enum ValueKind {
    /** JSON strings, which include XDM dates and date-times. */
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    /** Objects, arrays and maps, which no comparison accepts. */
    STRUCTURE("an object or array");

    private final String description;

    ValueKind(String description) {
        this.description = description;
    }

    String describe() {
        return description;
    }
}
