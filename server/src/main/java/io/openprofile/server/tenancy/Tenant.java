package io.openprofile.server.tenancy;

import java.util.Objects;

/** The organisation and sandbox that own every stored object; no query runs without one. */
public record Tenant(String orgId, String sandboxName) {

    public Tenant {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(sandboxName, "sandboxName");
    }
}
