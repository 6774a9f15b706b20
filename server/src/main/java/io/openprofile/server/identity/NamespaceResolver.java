package io.openprofile.server.identity;

import java.util.Optional;

/** Finds the namespace that a code or namespace URI in a record refers to. */
public interface NamespaceResolver {

    /**
     * Resolves a namespace code (case-insensitively: {@code EMAIL}, {@code Email} and {@code email} are the same)
     * or a namespace URI such as {@code https://data.adobe.io/entities/namespace/4}, which resolves by numeric id.
     *
     * @return the namespace, or empty when none matches
     */
    Optional<Namespace> resolve(String codeOrUri);
}
