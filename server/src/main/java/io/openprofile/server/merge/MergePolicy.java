package io.openprofile.server.merge;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rules for combining the fragments of one person into a profile.
 *
 * @param id policy id, a UUID for policies that users create
 * @param name display name
 * @param schemaName XDM class the policy applies to, such as {@code _xdm.context.profile}
 * @param identityGraph how fragments of the same person are found
 * @param attributeMerge how a winning fragment is chosen per attribute
 * @param datasetOrder dataset ids from highest to lowest priority; used only by dataset precedence
 * @param defaultPolicy {@code true} for the default policy of its schema
 * @param activeOnEdge {@code true} if edge lookups use this policy
 * @param version starts at 1 and grows by one with each update
 * @param updateEpoch time of the last update, in epoch seconds as the API reports it
 */
public record MergePolicy(
        String id,
        String name,
        String schemaName,
        IdentityGraphType identityGraph,
        AttributeMergeType attributeMerge,
        List<String> datasetOrder,
        boolean defaultPolicy,
        boolean activeOnEdge,
        int version,
        long updateEpoch) {

    /** Schema name of the XDM Individual Profile class. */
    public static final String PROFILE_SCHEMA = "_xdm.context.profile";

    /**
     * Id of the system default policy. It follows the pattern of Adobe's well-known id
     * {@code timestampOrdered-none-mp}, with the identity graph in the middle.
     */
    public static final String SYSTEM_DEFAULT_ID = "timestampOrdered-pdg-mp";

    public MergePolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(schemaName, "schemaName");
        Objects.requireNonNull(identityGraph, "identityGraph");
        Objects.requireNonNull(attributeMerge, "attributeMerge");
        datasetOrder = datasetOrder == null ? List.of() : List.copyOf(datasetOrder);
        requireValidOrder(attributeMerge, datasetOrder);
        if (version < 1) {
            throw new IllegalArgumentException("merge policy version must be at least 1, got " + version);
        }
    }

    /**
     * Creates the policy that a sandbox uses until a user creates one: timestamp ordered over the private
     * identity graph, default for profiles, version 1.
     */
    public static MergePolicy systemDefault(long updateEpoch) {
        return new MergePolicy(SYSTEM_DEFAULT_ID, "Timestamp ordered (system default)", PROFILE_SCHEMA,
                IdentityGraphType.PDG, AttributeMergeType.TIMESTAMP_ORDERED, List.of(), true, false, 1,
                updateEpoch);
    }

    private static void requireValidOrder(AttributeMergeType attributeMerge, List<String> datasetOrder) {
        if (attributeMerge == AttributeMergeType.DATASET_PRECEDENCE && datasetOrder.isEmpty()) {
            throw new IllegalArgumentException(
                    "dataSetPrecedence needs attributeMerge.order with at least one dataset id");
        }
        Set<String> seen = new HashSet<>();
        for (String datasetId : datasetOrder) {
            if (!seen.add(Objects.requireNonNull(datasetId, "dataset id in datasetOrder"))) {
                throw new IllegalArgumentException("dataset " + datasetId
                        + " occurs twice in attributeMerge.order; list each dataset once");
            }
        }
    }
}
