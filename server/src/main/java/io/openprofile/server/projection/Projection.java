package io.openprofile.server.projection;

import java.util.Objects;

/**
 * A projection configuration: which profile fields a destination would receive.
 *
 * @param id UUID assigned on create
 * @param schemaName XDM class whose merged entities are projected, such as {@code _xdm.context.profile}
 * @param name unique within its class, or {@code null} for an unnamed configuration
 * @param selector fields to project, in the syntax of the {@code fields} lookup parameter, as the client sent it
 * @param destinationId id of the destination
 * @param mergePolicyId merge policy whose profiles are projected
 * @param version starts at 1 and grows by one with each update
 */
public record Projection(
        String id,
        String schemaName,
        String name,
        String selector,
        String destinationId,
        String mergePolicyId,
        int version) {

    public Projection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(destinationId, "destinationId");
        Objects.requireNonNull(mergePolicyId, "mergePolicyId");
    }
}
