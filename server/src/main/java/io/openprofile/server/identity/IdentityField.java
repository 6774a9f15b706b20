package io.openprofile.server.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Identity descriptor of a dataset's schema: a field whose value is an identity in the given namespace.
 *
 * @param path field path, either in Adobe's {@code xdm:sourceProperty} form
 *     {@code /_tenant/systemIdentifier/crmId} or dotted {@code _tenant.systemIdentifier.crmId}
 * @param namespaceCode namespace code or namespace URI of the values
 * @param primary {@code true} if the field is the schema's primary identity
 */
public record IdentityField(String path, String namespaceCode, boolean primary) {

    public IdentityField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(namespaceCode, "namespaceCode");
        segmentsOf(path);
    }

    /** Returns the field names along the path, outermost first. */
    public List<String> segments() {
        return segmentsOf(path);
    }

    /** Returns the path in dotted form, as used in error messages. */
    public String dottedPath() {
        return String.join(".", segments());
    }

    private static List<String> segmentsOf(String path) {
        List<String> segments = new ArrayList<>();
        if (path.startsWith("/")) {
            for (String token : path.substring(1).split("/", -1)) {
                // JSON Pointer escapes: ~1 is '/', ~0 is '~'.
                segments.add(token.replace("~1", "/").replace("~0", "~"));
            }
        } else {
            segments.addAll(List.of(path.split("\\.", -1)));
        }
        if (segments.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("identity field path \"" + path + "\" has an empty segment;"
                    + " use /a/b/c or a.b.c");
        }
        return segments;
    }
}
