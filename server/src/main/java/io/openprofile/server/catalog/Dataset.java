package io.openprofile.server.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.schema.XdmClasses;

/**
 * A Catalog dataset bound to a schema. {@code body} is the Catalog object as clients read it;
 * the other fields are the parts openprofile acts on.
 */
public record Dataset(
        String id,
        String name,
        String schemaId,
        XdmClasses schemaClass,
        boolean profileEnabled,
        boolean identityEnabled,
        ObjectNode body,
        long createdAt,
        long updatedAt) {
}
