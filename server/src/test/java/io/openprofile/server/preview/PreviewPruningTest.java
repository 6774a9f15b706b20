package io.openprofile.server.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.openprofile.server.store.Database;
import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.support.Api;
import io.openprofile.server.tenancy.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pruning keeps the newest report of each recent UTC day, so a {@code date} query still finds it. */
@QuarkusTest
class PreviewPruningTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 10);

    @Inject
    Database database;

    @Inject
    PreviewRepository reports;

    @Test
    void pruneKeepsNewestReportPerDay() {
        Tenant tenant = new Tenant(Api.ORG, Api.newSandbox());
        long old = at(TODAY.minusDays(5), 10);
        long yesterdayMorning = at(TODAY.minusDays(1), 8);
        long yesterdayEvening = at(TODAY.minusDays(1), 20);
        long todayMorning = at(TODAY, 9);
        long todayNoon = at(TODAY, 12);
        for (long createdAt : List.of(old, yesterdayMorning, yesterdayEvening, todayMorning, todayMorning,
                todayNoon)) {
            insert(tenant, createdAt);
        }

        long keepFrom = PreviewReportJob.keepFrom(todayNoon, 3);
        int deleted = database.inTransaction(connection -> reports.prune(connection, tenant, keepFrom));

        assertEquals(4, deleted);
        assertEquals(List.of(yesterdayEvening, todayNoon), createdTimes(tenant));
        assertEquals(Optional.of(yesterdayEvening), newestOn(tenant, TODAY.minusDays(1)));
        assertEquals(Optional.of(todayNoon), newestOn(tenant, TODAY));
        assertTrue(newestOn(tenant, TODAY.minusDays(5)).isEmpty());
    }

    @Test
    void pruneKeepsOtherSandboxes() {
        Tenant pruned = new Tenant(Api.ORG, Api.newSandbox());
        Tenant neighbour = new Tenant(Api.ORG, Api.newSandbox());
        long old = at(TODAY.minusDays(40), 10);
        insert(pruned, old);
        insert(neighbour, old);

        database.inTransaction(connection -> reports.prune(connection, pruned, at(TODAY, 0)));

        assertEquals(List.of(), createdTimes(pruned));
        assertEquals(List.of(old), createdTimes(neighbour));
    }

    @Test
    void keepFromCountsTodayAsFirstDay() {
        long noon = at(TODAY, 12);

        assertEquals(at(TODAY, 0), PreviewReportJob.keepFrom(noon, 1));
        assertEquals(at(TODAY.minusDays(29), 0), PreviewReportJob.keepFrom(noon, 30));
    }

    private void insert(Tenant tenant, long createdAt) {
        database.inTransaction(connection -> {
            reports.insert(connection, tenant, createdAt, Json.object().put("createdAt", createdAt));
            return null;
        });
    }

    private List<Long> createdTimes(Tenant tenant) {
        return database.inTransaction(connection -> Sql.query(connection, "SELECT created_at FROM preview_report "
                + "WHERE org_id = ? AND sandbox_name = ? ORDER BY created_at", row -> row.getLong(1),
                tenant.orgId(), tenant.sandboxName()));
    }

    private Optional<Long> newestOn(Tenant tenant, LocalDate day) {
        return database.inTransaction(connection -> reports.findNewest(connection, tenant, at(day, 0),
                at(day.plusDays(1), 0))).map(PreviewRepository.StoredReport::createdAt);
    }

    private static long at(LocalDate day, int hour) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
