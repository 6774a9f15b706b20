package io.openprofile.server.preview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.error.DomainException;
import io.openprofile.server.error.ErrorKind;
import io.openprofile.server.jobs.Job;
import io.openprofile.server.jobs.JobRepository;
import io.openprofile.server.jobs.JobStatus;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Serves stored profile reports; {@link PreviewReportJob} computes them. */
@ApplicationScoped
public class PreviewService {

    /** The reports of one run, named as the keys of the stored document. */
    public enum Report {
        DATASET("dataset"),
        NAMESPACE("namespace"),
        DATASET_OVERLAP("datasetOverlap"),
        NAMESPACE_OVERLAP("namespaceOverlap"),
        UNSTITCHED_PROFILES("unstitchedProfiles");

        private final String key;

        Report(String key) {
            this.key = key;
        }
    }

    private final Database database;
    private final PreviewRepository reports;
    private final JobRepository jobs;

    PreviewService(Database database, PreviewRepository reports, JobRepository jobs) {
        this.database = database;
        this.reports = reports;
        this.jobs = jobs;
    }

    /** Returns the status of the newest report, with zero counts before the first one. */
    public ObjectNode status(Tenant tenant) {
        Optional<PreviewRepository.StoredReport> newest = database.inTransaction(connection ->
                reports.findNewest(connection, tenant, 0, Long.MAX_VALUE));
        ObjectNode status = newest.map(report -> (ObjectNode) report.body().get("status").deepCopy())
                .orElseGet(PreviewService::notStarted);
        Optional<Job> job = database.inTransaction(connection -> jobs.findBySubject(connection, tenant,
                PreviewRefresh.JOB_TYPE, tenant.sandboxName()));
        ObjectNode running = status.putObject("sampleJobRunning");
        boolean pending = job.isPresent()
                && (job.get().status() == JobStatus.QUEUED || job.get().status() == JobStatus.RUNNING);
        running.put("status", pending);
        if (pending) {
            running.put("submissionTimestamp", ProfileCensus.STATUS_TIME.format(
                    Instant.ofEpochMilli(job.get().createdAt())));
        }
        return status;
    }

    /**
     * Returns one report of the newest run, or of the newest run on {@code date} (a UTC day as
     * {@code YYYY-MM-DD}) when it is not null.
     */
    public ObjectNode report(Tenant tenant, Report report, String date) {
        long from = 0;
        long until = Long.MAX_VALUE;
        if (date != null) {
            LocalDate day = parseDate(date);
            from = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            until = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        long start = from;
        long end = until;
        Optional<PreviewRepository.StoredReport> found = database.inTransaction(connection ->
                reports.findNewest(connection, tenant, start, end));
        if (found.isEmpty()) {
            String when = date == null ? "yet" : "on " + date;
            throw new DomainException(ErrorKind.NOT_FOUND, "REPORT_NOT_FOUND", "no profile report exists " + when
                    + " in this sandbox; reports run after each successful batch, each finished delete request and "
                    + "streamed records, and only the newest report of each recent day is kept",
                    date == null ? null : "date", date);
        }
        return (ObjectNode) found.get().body().get(report.key);
    }

    private static LocalDate parseDate(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("date", date, "must be a calendar date as YYYY-MM-DD");
        }
    }

    private static ObjectNode notStarted() {
        ObjectNode status = io.openprofile.server.store.Json.object();
        status.put("numRowsToRead", "0");
        status.put("docCount", "0");
        status.put("cosmosDocCount", "0");
        status.put("totalFragmentCount", 0L);
        status.put("streamingDriven", "false");
        status.put("totalRows", "0");
        status.put("status", "NOT_STARTED");
        status.put("samplingRatio", 1.0);
        status.put("mergeStrategy", "identityGraph");
        return status;
    }
}
