package io.openprofile.server.mergepolicy;

import io.openprofile.server.merge.AttributeMergeType;
import io.openprofile.server.merge.IdentityGraphType;

/**
 * Conditions of a merge policy list; a null component matches every policy.
 *
 * @param defaultPolicy whether the policy is the default of its schema class
 * @param activeOnEdge whether edge lookups use the policy
 * @param schemaName XDM class name
 * @param identityGraph identity graph type
 * @param attributeMerge attribute merge type
 * @param version exact version
 */
public record MergePolicyFilter(
        Boolean defaultPolicy,
        Boolean activeOnEdge,
        String schemaName,
        IdentityGraphType identityGraph,
        AttributeMergeType attributeMerge,
        Integer version) {
}
