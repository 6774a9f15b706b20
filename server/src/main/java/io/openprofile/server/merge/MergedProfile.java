package io.openprofile.server.merge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Result of merging a person's fragments.
 *
 * @param entity the merged attributes and the union of identities
 * @param sources sorted ids of the datasets whose fragments took part
 * @param lastModifiedAt latest {@link Fragment#ingestedAt()} of those fragments in epoch milliseconds, or 0 when
 *     no fragment took part
 */
public record MergedProfile(ObjectNode entity, List<String> sources, long lastModifiedAt) {

    public MergedProfile {
        Objects.requireNonNull(entity, "entity");
        sources = List.copyOf(sources);
    }
}
