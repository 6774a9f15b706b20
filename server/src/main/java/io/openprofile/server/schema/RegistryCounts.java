package io.openprofile.server.schema;

/** Numbers of Schema Registry resources of each kind in one sandbox. */
public record RegistryCounts(int schemas, int fieldGroups, int dataTypes, int classes, int unions,
        int descriptors) {
}
