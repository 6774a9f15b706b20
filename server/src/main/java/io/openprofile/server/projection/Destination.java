package io.openprofile.server.projection;

import java.util.List;
import java.util.Objects;

/**
 * A projection destination: the edge data centres that projected profiles would be copied to.
 *
 * @param id UUID assigned on create
 * @param type kind of destination; Adobe defines only {@code EDGE}
 * @param dataCenters data centres in the order the client sent them; {@link DestinationService} rejects repeats
 * @param ttlSeconds seconds that an idle profile stays on the edge
 * @param replicationPolicy {@code PROACTIVE} or {@code REACTIVE}
 * @param version starts at 1 and grows by one with each update
 */
public record Destination(
        String id,
        String type,
        List<String> dataCenters,
        int ttlSeconds,
        String replicationPolicy,
        int version) {

    public Destination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        dataCenters = List.copyOf(dataCenters);
        Objects.requireNonNull(replicationPolicy, "replicationPolicy");
    }
}
