package io.openprofile.server.xdm;

import java.util.regex.Pattern;

/** Builds the dotted paths that {@link RecordError} uses to point at a value inside a record. */
public final class RecordPaths {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private RecordPaths() {
    }

    /**
     * Appends a field name to a path: {@code a} + {@code b} gives {@code a.b}, and a name that is not a plain
     * identifier is quoted, so {@code identityMap} + {@code https://x/4} gives {@code identityMap["https://x/4"]}.
     */
    public static String field(String parent, String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return parent.isEmpty() ? name : parent + "." + name;
        }
        String quoted = name.replace("\\", "\\\\").replace("\"", "\\\"");
        return parent + "[\"" + quoted + "\"]";
    }

    /** Appends an array index to a path: {@code a} + 0 gives {@code a[0]}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
