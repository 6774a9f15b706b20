package io.openprofile.server.computed.pql;

import java.util.Arrays;
import java.util.Optional;

/** XDM field type, named as in a schema's {@code meta:xdmType}. */
public enum XdmType {
    STRING("string", ValueKind.STRING),
    NUMBER("number", ValueKind.NUMBER),
    INTEGER("integer", ValueKind.NUMBER),
    LONG("long", ValueKind.NUMBER),
    INT("int", ValueKind.NUMBER),
    SHORT("short", ValueKind.NUMBER),
    BYTE("byte", ValueKind.NUMBER),
    BOOLEAN("boolean", ValueKind.BOOLEAN),
    DATE("date", ValueKind.STRING),
    DATE_TIME("date-time", ValueKind.STRING),
    OBJECT("object", ValueKind.STRUCTURE),
    ARRAY("array", ValueKind.STRUCTURE),
    MAP("map", ValueKind.STRUCTURE);

    private final String metaName;
    private final ValueKind kind;

    XdmType(String metaName, ValueKind kind) {
        this.metaName = metaName;
        this.kind = kind;
    }

    /** Returns the type's {@code meta:xdmType} name, such as {@code date-time}. */
    public String metaName() {
        return metaName;
    }

    /** Returns the type whose {@code meta:xdmType} name is {@code name}, or empty for an unknown name. */
    public static Optional<XdmType> fromMetaName(String name) {
        return Arrays.stream(values()).filter(type -> type.metaName.equals(name)).findFirst();
    }

    /** Returns true for {@code date} and {@code date-time}, which XDM writes as ISO-8601 strings. */
    public boolean isTemporal() {
        return this == DATE || this == DATE_TIME;
    }

    ValueKind kind() {
        return kind;
    }

    /** Returns the type with its article for error messages: "a string", "an integer". */
    String describe() {
        String article = "aeiou".indexOf(metaName.charAt(0)) >= 0 ? "an " : "a ";
        return article + metaName;
    }
}
