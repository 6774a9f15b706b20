package io.openprofile.server.mergepolicy;

import java.util.List;

/**
 * The client-set fields of a merge policy as a request carried them, before validation. Enum
 * values stay strings, so that errors can name the field and the value that was sent.
 *
 * @param name display name, or null to keep the current one (a new policy is named after its id)
 * @param schemaName XDM class name
 * @param identityGraph {@code none} or {@code pdg}
 * @param attributeMerge {@code timestampOrdered} or {@code dataSetPrecedence}
 * @param datasetOrder dataset ids from highest to lowest priority, or null for none
 * @param defaultPolicy whether the policy becomes its class's default; null means false
 * @param activeOnEdge whether edge lookups use the policy; null means false
 */
public record MergePolicyDraft(
        String name,
        String schemaName,
        String identityGraph,
        String attributeMerge,
        List<String> datasetOrder,
        Boolean defaultPolicy,
        Boolean activeOnEdge) {
}
