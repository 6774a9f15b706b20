package io.openprofile.server.merge;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The merge policies of a sandbox. Every sandbox has one system default policy for profiles:
 * timestamp ordered, with the identity graph on, under the fixed id
 * {@value MergePolicy#SYSTEM_DEFAULT_ID}.
 */
@ApplicationScoped
public class MergePolicies {

    /** Returns the sandbox's default policy for profiles. */
    public MergePolicy defaultPolicy(Tenant tenant) {
        return MergePolicy.systemDefault(0);
    }

    /** Resolves the policy to read with: the default when {@code id} is absent, else that policy. */
    public MergePolicy resolve(Tenant tenant, String id, String field) {
        MergePolicy fallback = defaultPolicy(tenant);
        if (id == null || id.isBlank()) {
            return fallback;
        }
        if (fallback.id().equals(id.trim())) {
            return fallback;
        }
        throw new DomainException(ErrorKind.UNPROCESSABLE, "MERGE_POLICY_NOT_FOUND",
                field + " '" + id + "' is not a merge policy of this sandbox; omit it to use the default policy "
                        + fallback.id(),
                field, id);
    }
}
