package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Presents the failed records of a batch as downloadable JSON Lines files, one per uploaded file
 * that had failures, named after it with {@code .errors.jsonl} appended. Each line is the original
 * record with an {@code _errors} array; a record that was not valid JSON appears as
 * {@code {"_errors": [...]}} alone, with the reader's position in the message.
 */
@ApplicationScoped
public class FailedRecordFiles {

    static final int MAX_FILES = 100;
    static final String SUFFIX = ".errors.jsonl";

    private final BatchService batches;

    FailedRecordFiles(BatchService batches) {
        this.batches = batches;
    }

    /** A downloadable file and its size in bytes. */
    public record FileSummary(String name, long length) {
    }

    public List<FileSummary> list(Tenant tenant, String batchId) {
        List<FileSummary> result = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : render(tenant, batchId).entrySet()) {
            if (result.size() == MAX_FILES) {
                break;
            }
            result.add(new FileSummary(file.getKey(), file.getValue().length));
        }
        return result;
    }

    public Optional<byte[]> content(Tenant tenant, String batchId, String fileName) {
        return Optional.ofNullable(render(tenant, batchId).get(fileName));
    }

    private Map<String, byte[]> render(Tenant tenant, String batchId) {
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        for (FailedRecord failed : batches.failedRecords(tenant, batchId)) {
            ObjectNode line = failed.record() == null ? Json.object() : parseOrWrap(failed.record());
            line.set("_errors", failed.errors());
            byte[] bytes = (Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8);
            files.computeIfAbsent(failed.fileName() + SUFFIX, name -> new ByteArrayOutputStream())
                    .writeBytes(bytes);
        }
        Map<String, byte[]> result = new LinkedHashMap<>();
        files.forEach((name, out) -> result.put(name, out.toByteArray()));
        return result;
    }

    private static ObjectNode parseOrWrap(String record) {
        try {
            return Json.readObject(record);
        } catch (IllegalStateException e) {
            ObjectNode wrapper = Json.object();
            wrapper.put("_raw", record);
            return wrapper;
        }
    }
}
