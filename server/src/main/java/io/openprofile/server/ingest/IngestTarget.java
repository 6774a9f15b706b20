package io.openprofile.server.ingest;

import io.openprofile.server.identity.IdentityField;
import io.openprofile.server.identity.NamespaceResolver;
import io.openprofile.server.schema.XdmClasses;
import java.util.List;

/** What record preparation needs to know about the dataset records are written to. */
public record IngestTarget(
        String datasetId,
        XdmClasses schemaClass,
        List<IdentityField> identityFields,
        NamespaceResolver namespaces) {
}
