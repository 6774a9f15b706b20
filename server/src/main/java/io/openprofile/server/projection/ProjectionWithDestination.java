package io.openprofile.server.projection;

/** A projection configuration together with its destination, read in the same transaction. */
public record ProjectionWithDestination(Projection projection, Destination destination) {
}
