package io.openprofile.server.projection;

/**
 * The client-supplied state of a projection configuration, as sent on create or update; {@code null} means
 * absent.
 *
 * @param selector fields to project
 * @param destinationId id of an existing destination
 * @param name name unique within the class
 * @param mergePolicyId merge policy, or {@code null} for the default
 */
public record ProjectionSpec(String selector, String destinationId, String name, String mergePolicyId) {
}
