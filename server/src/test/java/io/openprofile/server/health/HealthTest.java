package io.openprofile.server.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The readiness and liveness endpoints that the Kubernetes probes call. */
@QuarkusTest
class HealthTest {

    private static final String STORE = "checks.find { it.name == 'openprofile-store' }";
    private static final String JOBS = "checks.find { it.name == 'openprofile-job-runner' }";

    @Test
    void readinessReportsStoreAndJobRunner() {
        // The first call loads pending migrations from Flyway, and later calls query the schema history.
        for (int call = 1; call <= 2; call++) {
            given().when().get("/q/health/ready")
                    .then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body(STORE + ".status", equalTo("UP"))
                    .body(STORE + ".data.pendingMigrations", equalTo(0))
                    .body(STORE + ".data.schemaVersion", not(equalTo("none")))
                    .body(JOBS + ".status", equalTo("UP"))
                    .body(JOBS + ".data.state", equalTo("running"))
                    .body(JOBS + ".data.workers", equalTo(2))
                    .body("checks.name", hasItem("Database connections health check"));
        }
    }

    @Test
    void livenessReportsJobRunner() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(JOBS + ".status", equalTo("UP"))
                .body(JOBS + ".data.state", equalTo("running"));
    }

    @Test
    void livenessLeavesStoreOut() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("checks.name", not(hasItem("openprofile-store")));
    }
}
