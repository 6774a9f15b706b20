package io.openprofile.server.tenancy;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.Sql;
import io.openprofile.server.store.StoreException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Knows which sandboxes exist per organisation. By default a sandbox is created the first time a
 * request names it; with {@code openprofile.sandboxes.create-on-first-use=false} only the names
 * in {@code openprofile.sandboxes.names} exist, and any other name is rejected.
 */
@ApplicationScoped
public class SandboxService {

    private static final Logger LOG = Logger.getLogger(SandboxService.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,29}");

    private final Database database;
    private final Clock clock;
    private final boolean createOnFirstUse;
    private final Set<String> configuredNames;
    private final SandboxMarks known;

    SandboxService(Database database, Clock clock, SandboxGenerations generations,
            @ConfigProperty(name = "openprofile.sandboxes.create-on-first-use") boolean createOnFirstUse,
            @ConfigProperty(name = "openprofile.sandboxes.names") List<String> configuredNames) {
        this.database = database;
        this.clock = clock;
        this.createOnFirstUse = createOnFirstUse;
        this.configuredNames = Set.copyOf(configuredNames);
        this.known = new SandboxMarks(generations);
    }

    /** Returns true when {@code name} is a well-formed sandbox name. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Returns false when the operator serves a fixed list of sandboxes that does not contain {@code name}. */
    public boolean isAllowed(String name) {
        return createOnFirstUse || configuredNames.contains(name);
    }

    /**
     * Makes sure the sandbox exists for the organisation, creating it when that is allowed. The
     * store is checked once per sandbox generation, so a sandbox deleted through another process
     * is created again once this process sees the new generation.
     */
    public void requireSandbox(String orgId, String sandboxName) {
        Tenant tenant = new Tenant(orgId, sandboxName);
        OptionalLong generation = known.unmarked(tenant);
        if (generation.isEmpty()) {
            return;
        }
        if (!createOnFirstUse && !configuredNames.contains(sandboxName)) {
            throw new DomainException(ErrorKind.FORBIDDEN, "SANDBOX_NOT_FOUND",
                    "sandbox '" + sandboxName + "' does not exist; this server serves only the sandboxes "
                            + configuredNames,
                    "x-sandbox-name", sandboxName);
        }
        try {
            database.inTransaction(connection -> {
                boolean exists = Sql.queryOne(connection,
                        "SELECT 1 FROM sandbox WHERE org_id = ? AND sandbox_name = ?",
                        row -> true, orgId, sandboxName).isPresent();
                if (!exists) {
                    Sql.update(connection,
                            "INSERT INTO sandbox (org_id, sandbox_name, created_at) VALUES (?, ?, ?)",
                            orgId, sandboxName, clock.millis());
                    LOG.infof("created sandbox %s for organisation %s", sandboxName, orgId);
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.isDuplicateKey()) {
                throw e;
            }
            // another request created the same sandbox at the same time
        }
        known.mark(tenant, generation.getAsLong());
    }

    /** Forgets a deleted sandbox, so that a later request checks the store again and may create it anew. */
    void onSandboxCleared(@Observes SandboxCleared event) {
        if (event.deleted()) {
            known.forget(event.tenant());
        }
    }
}
