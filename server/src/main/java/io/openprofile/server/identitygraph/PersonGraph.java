package io.openprofile.server.identitygraph;

import io.openprofile.server.identity.IdentityLink;
import java.util.List;

/**
 * The identity graph of one person: its identities, ordered by namespace code and then by value,
 * and the links between them, ordered by the XIDs of their pair. {@code links} is empty when the
 * caller did not ask for links.
 */
public record PersonGraph(List<GraphIdentity> identities, List<IdentityLink> links) {

    /** The graph of an identity that the graph store does not contain. */
    public static final PersonGraph EMPTY = new PersonGraph(List.of(), List.of());

    /**
     * One identity of the graph.
     *
     * @param namespaceCode canonical namespace code, such as {@code Email}
     * @param namespaceId numeric namespace id, such as 6
     * @param lastUpdatedAt latest time a record linked this identity to another one, or the time it
     *     was first written when it has no links or links were not read, in epoch milliseconds
     */
    public record GraphIdentity(String xid, String namespaceCode, int namespaceId, String id, long lastUpdatedAt) {
    }

    /** Returns how many entries the graph adds to a response: one per identity and one per link. */
    public int size() {
        return identities.size() + links.size();
    }
}
