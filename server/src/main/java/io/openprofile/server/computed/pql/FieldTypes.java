package io.openprofile.server.computed.pql;

import java.util.Map;
import java.util.Optional;

/**
 * Schema lookup that the type checker consults: the XDM type of a dotted field path of an experience event, such
 * as {@code commerce.order.priceTotal}, or empty when the type is unknown. Paths with an unknown type pass every
 * static check, and their values are checked only when events are aggregated.
 */
@FunctionalInterface
public interface FieldTypes {

    Optional<XdmType> typeOf(String path);

    /** Returns a lookup that returns no type for any field, so only literals are type-checked. */
    static FieldTypes unknown() {
        return path -> Optional.empty();
    }

    /** Returns a lookup backed by a copy of {@code types}, keyed by dotted path. */
    static FieldTypes of(Map<String, XdmType> types) {
        Map<String, XdmType> copy = Map.copyOf(types);
        return path -> Optional.ofNullable(copy.get(path));
    }
}
