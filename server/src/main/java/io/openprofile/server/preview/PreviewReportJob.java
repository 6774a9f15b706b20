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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Computes every profile report of a sandbox and stores them as one row, then prunes old reports.
 * The store is read in one transaction and the row is written with the job's completion, so a
 * retried job at worst stores a second, equally correct report.
 */
@ApplicationScoped
public class PreviewReportJob implements JobHandler {

    private static final Logger LOG = Logger.getLogger(PreviewReportJob.class);

    private final Database database;
    private final PreviewRepository reports;
    private final NamespaceService namespaces;
    private final Clock clock;
    private final int retentionDays;

    PreviewReportJob(Database database, PreviewRepository reports, NamespaceService namespaces, Clock clock,
            @ConfigProperty(name = "openprofile.preview.report-retention-days") int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("openprofile.preview.report-retention-days must be at least 1, got "
                    + retentionDays);
        }
        this.database = database;
        this.reports = reports;
        this.namespaces = namespaces;
        this.clock = clock;
        this.retentionDays = retentionDays;
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
        ProfileCensus census = new ProfileCensus(started);
        StoreContents catalog = database.inTransaction(connection -> {
            reports.countInto(connection, tenant, census);
            return reports.catalog(connection, tenant);
        });
        ObjectNode body = census.build(catalog, namespaceIds);
        long keepFrom = keepFrom(started, retentionDays);
        int pruned = database.inTransaction(connection -> {
            reports.insert(connection, tenant, started, body);
            int deleted = reports.prune(connection, tenant, keepFrom);
            context.completeIn(connection);
            return deleted;
        });
        LOG.infof("profile report of %s/%s stored: %d profiles, %d fragments, computed in %d ms; %d old reports "
                + "pruned", tenant.orgId(), tenant.sandboxName(), census.profiles(), census.fragments(),
                clock.millis() - started, pruned);
    }

    /** Returns the start of the oldest UTC day whose newest report is kept, counting today as the first day. */
    static long keepFrom(long now, int retentionDays) {
        LocalDate today = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC).toLocalDate();
        return today.minusDays(retentionDays - 1L).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Override
    public void giveUp(Job job, String reason) {
        LOG.errorf("profile report of %s/%s failed for good: %s", job.tenant().orgId(), job.tenant().sandboxName(),
                reason);
    }
}
