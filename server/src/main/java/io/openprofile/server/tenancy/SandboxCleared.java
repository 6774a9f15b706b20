package io.openprofile.server.tenancy;

/**
 * CDI event fired in the process that reset or deleted a sandbox, after the data is gone, so that
 * caches keyed by tenant drop their entries. {@code deleted} is true when the sandbox itself is gone.
 */
public record SandboxCleared(Tenant tenant, boolean deleted) {
}
