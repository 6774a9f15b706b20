package io.openprofile.server.computed;

import java.util.List;
import java.util.Objects;

/**
 * A computed attribute as stored.
 *
 * @param id UUID
 * @param name field name of the value, letters and digits
 * @param displayName name shown to people
 * @param description free text, or null
 * @param generation the API generation that created the attribute
 * @param parentPath levels of the field that contains the value, such as {@code [_acme, ComputedAttributes]}
 * @param expression PQL text
 * @param duration lookback window, or null for none
 * @param keepCurrent Adobe's fast-refresh flag, stored as sent
 * @param status lifecycle status
 * @param mergeFunction {@code SUM}, {@code MIN}, {@code MAX} or {@code MOST_RECENT}
 * @param returnType XDM type of the value
 * @param createdAt creation time in epoch milliseconds
 * @param updatedAt time of the last change in epoch milliseconds
 * @param evaluatedAt end of the last full evaluation in epoch milliseconds, or null
 */
public record ComputedAttribute(
        String id,
        String name,
        String displayName,
        String description,
        Generation generation,
        List<String> parentPath,
        String expression,
        Duration duration,
        boolean keepCurrent,
        ComputedAttributeStatus status,
        String mergeFunction,
        String returnType,
        long createdAt,
        long updatedAt,
        Long evaluatedAt) {

    /** The API generation that created an attribute. */
    public enum Generation {
        /** {@code /data/core/ca/attributes}: the value lives under {@code _<tenant>.ComputedAttributes}. */
        CURRENT,
        /** {@code /data/core/ups/config/computedAttributes}: the value lives under a path the user chose. */
        LEGACY
    }

    /**
     * Lookback window.
     *
     * @param count number of units
     * @param unit {@code HOURS}, {@code DAYS}, {@code WEEKS} or {@code MONTHS}
     */
    public record Duration(int count, String unit) {
    }

    public ComputedAttribute {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        parentPath = List.copyOf(parentPath);
    }

    /** Returns the levels of the value's field: the parent path and the name. */
    public List<String> fieldPath() {
        List<String> path = new java.util.ArrayList<>(parentPath);
        path.add(name);
        return path;
    }

    public ComputedAttribute withStatus(ComputedAttributeStatus newStatus, long now) {
        return new ComputedAttribute(id, name, displayName, description, generation, parentPath, expression, duration,
                keepCurrent, newStatus, mergeFunction, returnType, createdAt, now, evaluatedAt);
    }
}
