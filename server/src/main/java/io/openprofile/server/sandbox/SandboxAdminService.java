package io.openprofile.server.sandbox;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.jobs.JobRunner;
import io.openprofile.server.store.Database;
import io.openprofile.server.store.StoreException;
import io.openprofile.server.tenancy.SandboxService;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/** Lists, creates, resets and deletes the sandboxes of an organization. */
@ApplicationScoped
public class SandboxAdminService {

    private static final Logger LOG = Logger.getLogger(SandboxAdminService.class);

    private final Database database;
    private final SandboxRepository sandboxes;
    private final SandboxService access;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;

    SandboxAdminService(Database database, SandboxRepository sandboxes, SandboxService access, JobRepository jobs,
            JobRunner runner, Clock clock) {
        this.database = database;
        this.sandboxes = sandboxes;
        this.access = access;
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    List<SandboxInfo> list(String orgId) {
        return database.inTransaction(connection -> sandboxes.list(connection, orgId));
    }

    SandboxInfo get(String orgId, String name) {
        return database.inTransaction(connection -> sandboxes.find(connection, orgId, name))
                .orElseThrow(() -> notFound(name));
    }

    SandboxInfo create(String orgId, String name, String title, String type) {
        if (!access.isAllowed(name)) {
            throw new DomainException(ErrorKind.FORBIDDEN, "SANDBOX_NOT_ALLOWED", "sandbox '" + name
                    + "' is not on the list of sandboxes this server serves (openprofile.sandboxes.names)",
                    "name", name);
        }
        try {
            database.inTransaction(connection -> {
                if (sandboxes.find(connection, orgId, name).isPresent()) {
                    throw conflict(name);
                }
                sandboxes.insert(connection, orgId, name, title, type, clock.millis());
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicateKey()) {
                throw conflict(name);
            }
            throw e;
        }
        LOG.infof("created sandbox %s for organisation %s", name, orgId);
        return get(orgId, name);
    }

    /** Queues a reset, or a delete when {@code delete} is true, and returns the sandbox in its new state. */
    SandboxInfo clear(String orgId, String name, boolean delete) {
        if (delete && SandboxInfo.PRODUCTION_NAME.equals(name)) {
            throw DomainException.invalid("sandboxName", name, "cannot be deleted, because it is the default "
                    + "sandbox; reset it instead");
        }
        String state = delete ? SandboxInfo.DELETING : SandboxInfo.RESETTING;
        SandboxInfo queued = database.inTransaction(connection -> {
            SandboxInfo sandbox = sandboxes.find(connection, orgId, name).orElseThrow(() -> notFound(name));
            if (!SandboxInfo.ACTIVE.equals(sandbox.shownState())) {
                throw new DomainException(ErrorKind.CONFLICT, "SANDBOX_BUSY", "sandbox '" + name + "' is "
                        + sandbox.shownState() + "; wait until it is active again", "sandboxName", name);
            }
            long now = clock.millis();
            sandboxes.setState(connection, orgId, name, state, now);
            jobs.enqueue(connection, new Tenant(orgId, name), SandboxClearJob.JOB_TYPE, name, now);
            return new SandboxInfo(name, sandbox.title(), sandbox.type(), state, sandbox.createdAt(), now);
        });
        LOG.infof("queued %s of sandbox %s of organisation %s", delete ? "deletion" : "reset", name, orgId);
        runner.wake();
        // The job may finish before this returns, so the response shows the state as queued.
        return queued;
    }

    private static DomainException notFound(String name) {
        return new DomainException(ErrorKind.NOT_FOUND, "SANDBOX_NOT_FOUND", "sandbox '" + name
                + "' does not exist in this organization", "sandboxName", name);
    }

    private static DomainException conflict(String name) {
        return new DomainException(ErrorKind.CONFLICT, "SANDBOX_EXISTS", "sandbox '" + name
                + "' exists already; choose another name", "name", name);
    }
}
