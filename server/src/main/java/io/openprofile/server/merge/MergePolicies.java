package io.openprofile.server.merge;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The merge policies of a sandbox. Every sandbox has one system default policy for profiles:
 * timestamp ordered, with the identity graph on. Its id is derived from the organisation and
 * sandbox, so it is the same on every server and after every restart.
 */
@ApplicationScoped
public class MergePolicies {

    /** Returns the sandbox's default policy for {@code schemaName}. */
    public MergePolicy defaultPolicy(Tenant tenant) {
        String id = UUID.nameUUIDFromBytes((tenant.orgId() + "/" + tenant.sandboxName() + "/profile-default")
                .getBytes(StandardCharsets.UTF_8)).toString();
        return MergePolicy.systemDefault(id);
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
