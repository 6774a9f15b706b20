package io.openprofile.server.identity;

/**
 * One identity in the graph, with the cluster (person) it currently belongs to.
 *
 * @param createdAt when the identity was first written, in epoch milliseconds
 */
public record IdentityNode(String namespaceCode, String value, String xid, String clusterId, long createdAt) {
}
