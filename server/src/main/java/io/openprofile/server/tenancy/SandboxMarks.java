package io.openprofile.server.tenancy;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sandboxes for which this process did a one-time setup step, such as creating a row that later
 * requests rely on. Each mark carries the sandbox generation it was made in, so a reset through
 * any process invalidates it (see {@link SandboxGenerations} for how soon).
 */
public final class SandboxMarks {

    private final SandboxGenerations generations;
    private final Map<Tenant, Long> marked = new ConcurrentHashMap<>();

    public SandboxMarks(SandboxGenerations generations) {
        this.generations = generations;
    }

    /**
     * Returns the sandbox's current generation when the setup step must run, because the sandbox
     * was not marked in that generation, or empty when it was. Pass the returned generation to
     * {@link #mark} after the step succeeded.
     */
    public OptionalLong unmarked(Tenant tenant) {
        long generation = generations.current(tenant);
        return Objects.equals(marked.get(tenant), generation) ? OptionalLong.empty() : OptionalLong.of(generation);
    }

    /** Records that the setup step of the sandbox ran in {@code generation}. */
    public void mark(Tenant tenant, long generation) {
        marked.put(tenant, generation);
    }

    /** Drops the mark of a sandbox, so the setup step runs again on next use. */
    public void forget(Tenant tenant) {
        marked.remove(tenant);
    }
}
