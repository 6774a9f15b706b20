package io.openprofile.server.identity;

/** One identity in the graph, with the cluster (person) it currently belongs to. */
public record IdentityNode(String namespaceCode, String value, String xid, String clusterId) {
}
