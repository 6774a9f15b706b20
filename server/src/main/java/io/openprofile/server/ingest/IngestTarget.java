package io.openprofile.server.ingest;

import io.openprofile.server.identity.IdentityField;
import io.openprofile.server.identity.NamespaceResolver;
import io.openprofile.server.schema.XdmClasses;
import java.util.List;

/** Dataset facts that record preparation needs: class, identity descriptors and namespaces. */
public record IngestTarget(
        String datasetId,
        XdmClasses schemaClass,
        List<IdentityField> identityFields,
        NamespaceResolver namespaces) {
}
