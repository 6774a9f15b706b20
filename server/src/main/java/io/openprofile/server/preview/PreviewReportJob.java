package io.openprofile.server.preview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.identity.Namespace;
import io.openprofile.server.identity.NamespaceRepository;
import io.openprofile.server.identity.NamespaceService;
import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobContext;
import io.openprofile.server.jobs.JobHandler;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Computes every profile report of a sandbox and stores them as one row. The store is read in one
 * transaction and the row is written with the job's completion, so a retried job at worst stores
 * a second, equally correct report.
 */
@ApplicationScoped
public class PreviewReportJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(PreviewReportJob.class);

    private final Database database;
    private final PreviewRepository reports;
    private final NamespaceService namespaces;
    private final Clock clock;

    PreviewReportJob(Database database, PreviewRepository reports, NamespaceService namespaces, Clock clock) {
        this.database = database;
        this.reports = reports;
        this.namespaces = namespaces;
        this.clock = clock;
    }

    @Override
    public String type() {
        return PreviewRefresh.JOB_TYPE;
    }

    @Override
    public void run(Job job, JobContext context) throws Exception {
        Tenant tenant = job.tenant();
        Map<String, Integer> namespaceIds = new HashMap<>();
        for (NamespaceRepository.StoredNamespace stored : namespaces.list(tenant)) {
            Namespace namespace = stored.namespace();
            namespaceIds.put(namespace.code(), namespace.id());
        }
        long started = clock.millis();
        // NOTE: the report keeps every identity, fragment key and event group of the sandbox in
        // memory while it counts, so its heap use grows with the size of the sandbox.
        StoreContents contents = database.inTransaction(connection -> reports.read(connection, tenant));
        long now = clock.millis();
        ObjectNode body = ProfileCensus.build(contents, namespaceIds, now);
        database.inTransaction(connection -> {
            reports.insert(connection, tenant, now, body);
            context.completeIn(connection);
            return null;
        });
        LOG.infof("profile report of %s/%s stored: %s profiles, %d fragments, computed in %d ms", tenant.orgId(),
                tenant.sandboxName(), body.path("status").path("totalRows").asText(), contents.fragments().size(),
                clock.millis() - started);
    }

    @Override
    public void giveUp(Job job, String reason) {
        LOG.errorf("profile report of %s/%s failed for good: %s", job.tenant().orgId(), job.tenant().sandboxName(),
                reason);
    }
}
