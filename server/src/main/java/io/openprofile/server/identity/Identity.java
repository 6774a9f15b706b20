package io.openprofile.server.identity;

import java.util.Locale;
import java.util.Objects;

/**
 * Fully qualified identity: a value within a namespace.
 *
 * @param namespace canonical namespace code, as in {@link Namespace#code()}
 * @param id identity value, compared case-sensitively
 */
public record Identity(String namespace, String id) {

    public Identity {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(id, "id");
        if (namespace.isBlank() || namespace.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identity namespace must be a non-blank code without NUL characters");
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("identity value must not be empty");
        }
    }

    /** Creates an identity with the canonical code of the given namespace. */
    public static Identity of(Namespace namespace, String id) {
        return new Identity(namespace.code(), id);
    }

    /**
     * Returns a key that is equal for two identities exactly when they denote the same identity: the lower-cased
     * namespace, a NUL character and the value unchanged. The constructor rejects NUL in a namespace, so keys never
     * collide.
     */
    public String key() {
        return namespace.toLowerCase(Locale.ROOT) + '\0' + id;
    }
}
