package io.openprofile.server.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stored Schema Registry descriptor. Identity descriptors ({@code xdm:descriptorIdentity}) carry
 * the field path, namespace and primary flag that ingestion reads; others are kept as documents.
 */
public record Descriptor(
        String id,
        String type,
        String schemaId,
        String sourceProperty,
        String namespaceCode,
        boolean primary,
        ObjectNode body) {

    public static final String IDENTITY_TYPE = "xdm:descriptorIdentity";

    public boolean isIdentity() {
        return IDENTITY_TYPE.equals(type);
    }
}
