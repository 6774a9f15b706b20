package io.openprofile.server.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;

/** Steps around profile export jobs: waiting for a job, and downloading its files through Data Access. */
public final class Exports {

    public static final String JOBS = "/data/core/ups/export/jobs";

    private Exports() {
    }

    /** Polls a job until it ends, for at most two minutes, and returns it. */
    public static JsonPath awaitJob(String sandbox, long id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = Api.as(sandbox)
                    .when().get(JOBS + "/" + id)
                    .then().statusCode(200)
                    .extract().jsonPath();
            String status = job.getString("status");
            if ("SUCCEEDED".equals(status) || "FAILED".equals(status)) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for export job " + id, e);
            }
        }
        throw new AssertionError("export job " + id + " still running after two minutes");
    }

    /**
     * Downloads the exported file of a batch through Data Access, following the links: batch files,
     * then the dataset file, then {@code ?path=}. Returns the lines parsed.
     */
    public static List<JsonPath> download(String sandbox, String batchId) {
        JsonPath files = Api.as(sandbox)
                .when().get("/data/foundation/export/batches/" + batchId + "/files")
                .then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, files.getInt("_page.count"));
        String fileHref = files.getString("data[0]._links.self.href");
        JsonPath contents = Api.as(sandbox)
                .when().get(fileHref)
                .then().statusCode(200)
                .extract().jsonPath();
        String downloadHref = contents.getString("data[0]._links.self.href");
        assertTrue(downloadHref.endsWith("?path=profiles.json"), downloadHref);

        // The ?path= form is routed to the download operation, which the validator cannot know.
        String viaQuery = headers(sandbox).accept("application/octet-stream")
                .when().get(downloadHref)
                .then().statusCode(200)
                .extract().asString();
        long length = Long.parseLong(contents.getString("data[0].length"));
        // The contract validator rejects an empty body for a schema, but an export may have no lines.
        RequestSpecification request = length == 0 ? headers(sandbox) : Api.as(sandbox);
        String viaPath = request.accept("application/octet-stream")
                .when().get(downloadHref.replace("?path=", "/"))
                .then().statusCode(200)
                .extract().asString();
        assertEquals(viaPath, viaQuery);
        assertEquals(length, viaPath.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

        List<JsonPath> lines = new ArrayList<>();
        for (String line : viaPath.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(new JsonPath(line));
            }
        }
        assertFalse(viaPath.contains("\n\n"));
        return lines;
    }

    /**
     * Downloads every Parquet part file of a batch through Data Access and returns their rows in
     * part order. Each part is checked to be named {@code part-NNNNN.parquet} and to have the listed
     * length.
     */
    public static List<Group> downloadParquet(String sandbox, String batchId) throws IOException {
        JsonPath files = Api.as(sandbox)
                .when().get("/data/foundation/export/batches/" + batchId + "/files")
                .then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, files.getInt("_page.count"));
        JsonPath contents = Api.as(sandbox)
                .when().get(files.getString("data[0]._links.self.href"))
                .then().statusCode(200)
                .extract().jsonPath();

        List<Group> rows = new ArrayList<>();
        for (Map<String, Object> entry : contents.<Map<String, Object>>getList("data")) {
            String name = (String) entry.get("name");
            assertTrue(name.matches("part-\\d{5}\\.parquet"), name);
            @SuppressWarnings("unchecked")
            String href = ((Map<String, Map<String, String>>) entry.get("_links")).get("self").get("href");
            byte[] content = headers(sandbox).accept("application/octet-stream")
                    .when().get(href)
                    .then().statusCode(200)
                    .extract().asByteArray();
            assertEquals(Long.parseLong((String) entry.get("length")), content.length);
            Path file = Files.createTempFile("export-", ".parquet");
            try {
                Files.write(file, content);
                ParquetRows.forEach(file, rows::add);
            } finally {
                Files.delete(file);
            }
        }
        return rows;
    }

    /** Builds a request with the platform headers and no contract validation. */
    public static RequestSpecification headers(String sandbox) {
        return Api.raw()
                .header("Authorization", "Bearer " + Api.TOKEN)
                .header("x-api-key", Api.API_KEY)
                .header("x-gw-ims-org-id", Api.ORG)
                .header("x-sandbox-name", sandbox);
    }
}
