package io.openprofile.server.schema;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Normalizes resource ids taken from Schema Registry paths. Clients put a {@code $id} in a path
 * URL-encoded once ({@code https%3A%2F%2Fns.adobe.com%2F...}), which arrives decoded, or encoded
 * twice, which arrives still encoded once. A {@code meta:altId} arrives unchanged. Quarkus 3.33
 * routes an encoded slash ({@code %2F}) inside one path segment, which the contract tests check.
 */
public final class RegistryIds {

    private RegistryIds() {
    }

    /** Returns the id with one remaining level of percent-encoding removed. */
    public static String fromPath(String id) {
        if (id.indexOf('%') < 0) {
            return id;
        }
        try {
            // A plus sign is a literal character in a path, not an encoded space.
            return URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A lone or malformed escape such as "%zz" cannot be an encoded id; look it up as sent.
            return id;
        }
    }
}
