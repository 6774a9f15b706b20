package io.openprofile.server.identity;

import java.util.Objects;

/**
 * Identity namespace: the context that says what kind of identifier a value is, such as an email address or an
 * Experience Cloud ID.
 *
 * @param id numeric namespace id, also used in namespace URIs such as
 *     {@code https://data.adobe.io/entities/namespace/4}
 * @param code short code used as the {@code identityMap} key, unique case-insensitively
 * @param name display name
 * @param idType Adobe identity type, such as {@code COOKIE}, {@code CROSS_DEVICE}, {@code DEVICE}, {@code EMAIL}
 *     or {@code PHONE}
 * @param description what the identifier is
 * @param custom {@code true} for namespaces a sandbox defines itself
 */
public record Namespace(int id, String code, String name, String idType, String description, boolean custom) {

    public Namespace {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idType, "idType");
        Objects.requireNonNull(description, "description");
        if (code.isBlank()) {
            throw new IllegalArgumentException("namespace code must not be blank");
        }
    }
}
