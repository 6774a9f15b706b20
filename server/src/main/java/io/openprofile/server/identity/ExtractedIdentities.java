package io.openprofile.server.identity;

import java.util.List;
import java.util.Objects;

/**
 * Identities found in one record.
 *
 * @param all every distinct identity, in the order of {@link IdentityExtractor}'s sources
 * @param primary the record's primary identity, one of {@code all}
 */
public record ExtractedIdentities(List<Identity> all, Identity primary) {

    public ExtractedIdentities {
        all = List.copyOf(all);
        Objects.requireNonNull(primary, "primary");
        if (!all.contains(primary)) {
            throw new IllegalArgumentException("primary identity " + primary + " is not among " + all);
        }
    }
}
