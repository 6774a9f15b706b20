package io.openprofile.server.projection;

import java.util.List;

/**
 * The client-supplied state of a destination, as sent on create or update; {@code null} means absent.
 *
 * @param type kind of destination
 * @param dataCenters data centres to replicate to
 * @param ttlSeconds seconds that an idle profile stays on the edge, or {@code null} for the default
 * @param replicationPolicy {@code PROACTIVE}, {@code REACTIVE} or {@code null} for the default
 */
public record DestinationSpec(String type, List<String> dataCenters, Integer ttlSeconds, String replicationPolicy) {
}
