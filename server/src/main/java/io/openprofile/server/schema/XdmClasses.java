package io.openprofile.server.schema;

import java.util.Optional;

/** The two standard XDM classes that openprofile stores data for. */
public enum XdmClasses {
    PROFILE("https://ns.adobe.com/xdm/context/profile", "_xdm.context.profile", "XDM Individual Profile"),
    EXPERIENCE_EVENT("https://ns.adobe.com/xdm/context/experienceevent", "_xdm.context.experienceevent",
            "XDM ExperienceEvent");

    private final String id;
    private final String altId;
    private final String title;

    XdmClasses(String id, String altId, String title) {
        this.id = id;
        this.altId = altId;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** Returns the class's {@code meta:altId}, which is also the {@code schema.name} of Profile APIs. */
    public String altId() {
        return altId;
    }

    public String title() {
        return title;
    }

    /** Returns the id of the union schema that combines every tenant schema of this class. */
    public String unionId() {
        return id + "__union";
    }

    /** Returns the {@code meta:altId} of the union schema of this class. */
    public String unionAltId() {
        return altId + "__union";
    }

    /** Finds the class of a union schema by the union's {@code $id} or {@code meta:altId}. */
    public static Optional<XdmClasses> findUnion(String unionIdOrAltId) {
        for (XdmClasses type : values()) {
            if (type.unionId().equals(unionIdOrAltId) || type.unionAltId().equals(unionIdOrAltId)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Finds a class by its {@code $id}, its {@code meta:altId} or its union id. */
    public static Optional<XdmClasses> find(String idOrAltId) {
        for (XdmClasses type : values()) {
            if (type.id.equals(idOrAltId) || type.altId.equals(idOrAltId) || type.unionId().equals(idOrAltId)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
