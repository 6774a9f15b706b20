package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.openprofile.server.store.Json;
import io.openprofile.server.store.Sql;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for batches, their uploaded files and their failed records. */
@ApplicationScoped
public class BatchRepository {

    public void insert(Connection connection, Tenant tenant, Batch batch) throws SQLException {
        Sql.update(connection, "INSERT INTO batch (org_id, sandbox_name, id, dataset_id, status, input_format, "
                + "multi_line_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), batch.id(), batch.datasetId(), batch.status().name(),
                batch.inputFormat(), batch.multiLineJson(), batch.createdAt(), batch.updatedAt());
    }

    public Optional<Batch> find(Connection connection, Tenant tenant, String id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM batch WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                BatchRepository::map, tenant.orgId(), tenant.sandboxName(), id);
    }

    /** Lists batches, newest first, optionally of one dataset and one status. */
    public List<Batch> list(Connection connection, Tenant tenant, String datasetId, BatchStatus status, int offset,
            int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM batch WHERE org_id = ? AND sandbox_name = ?");
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        if (datasetId != null) {
            sql.append(" AND dataset_id = ?");
            args.add(datasetId);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return Sql.query(connection, sql.toString(), BatchRepository::map, args.toArray());
    }

    /** Changes the status only if it is still {@code expected}; returns false otherwise. */
    public boolean transition(Connection connection, Tenant tenant, String id, BatchStatus expected,
            BatchStatus next, long now) throws SQLException {
        String startedAt = next == BatchStatus.PROCESSING ? ", started_at = ?" : "";
        List<Object> args = new ArrayList<>(List.of(next.name(), now));
        if (!startedAt.isEmpty()) {
            args.add(now);
        }
        args.addAll(List.of(tenant.orgId(), tenant.sandboxName(), id, expected.name()));
        return Sql.update(connection, "UPDATE batch SET status = ?, updated_at = ?" + startedAt
                + " WHERE org_id = ? AND sandbox_name = ? AND id = ? AND status = ?", args.toArray()) == 1;
    }

    /** Records the final outcome of processing. */
    public void finish(Connection connection, Tenant tenant, String id, BatchStatus status, long read, long written,
            long failed, ArrayNode errors, long now) throws SQLException {
        Sql.update(connection, "UPDATE batch SET status = ?, records_read = ?, records_written = ?, records_failed = ?, "
                + "errors = ?, updated_at = ?, completed_at = ? WHERE org_id = ? AND sandbox_name = ? AND id = ?",
                status.name(), read, written, failed, errors == null ? null : Json.write(errors), now, now,
                tenant.orgId(), tenant.sandboxName(), id);
    }

    /** Stores an uploaded file, replacing a file of the same name in the batch. */
    public void putFile(Connection connection, Tenant tenant, String batchId, String fileName, byte[] content,
            long now) throws SQLException {
        Sql.update(connection, "DELETE FROM batch_file WHERE org_id = ? AND sandbox_name = ? AND batch_id = ? "
                + "AND file_name = ?", tenant.orgId(), tenant.sandboxName(), batchId, fileName);
        Sql.update(connection, "INSERT INTO batch_file (org_id, sandbox_name, batch_id, file_name, size_bytes, content, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), batchId, fileName, (long) content.length, content, now);
    }

    public List<String> fileNames(Connection connection, Tenant tenant, String batchId) throws SQLException {
        return Sql.query(connection, "SELECT file_name FROM batch_file WHERE org_id = ? AND sandbox_name = ? "
                + "AND batch_id = ? ORDER BY file_name", row -> row.getString(1), tenant.orgId(),
                tenant.sandboxName(), batchId);
    }

    /** Reads one file's content as a stream, passing it to {@code reader} while the connection is open. */
    public <T> T readFile(Connection connection, Tenant tenant, String batchId, String fileName,
            FileReader<T> reader) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT content FROM batch_file "
                + "WHERE org_id = ? AND sandbox_name = ? AND batch_id = ? AND file_name = ?")) {
            statement.setString(1, tenant.orgId());
            statement.setString(2, tenant.sandboxName());
            statement.setString(3, batchId);
            statement.setString(4, fileName);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("file " + fileName + " of batch " + batchId + " disappeared");
                }
                try (InputStream content = row.getBinaryStream(1)) {
                    return reader.read(content);
                }
            }
        }
    }

    /** Consumes the content of one stored file. */
    @FunctionalInterface
    public interface FileReader<T> {
        T read(InputStream content) throws Exception;
    }

    public void deleteFailedRecords(Connection connection, Tenant tenant, String batchId) throws SQLException {
        Sql.update(connection, "DELETE FROM batch_failed_record WHERE org_id = ? AND sandbox_name = ? AND batch_id = ?",
                tenant.orgId(), tenant.sandboxName(), batchId);
    }

    public void insertFailedRecord(Connection connection, Tenant tenant, String batchId, FailedRecord failed)
            throws SQLException {
        Sql.update(connection, "INSERT INTO batch_failed_record (org_id, sandbox_name, batch_id, file_name, "
                + "record_index, errors, record) VALUES (?, ?, ?, ?, ?, ?, ?)",
                tenant.orgId(), tenant.sandboxName(), batchId, failed.fileName(), failed.recordIndex(),
                Json.write(failed.errors()), failed.record());
    }

    public List<FailedRecord> failedRecords(Connection connection, Tenant tenant, String batchId)
            throws SQLException {
        return Sql.query(connection, "SELECT * FROM batch_failed_record WHERE org_id = ? AND sandbox_name = ? "
                + "AND batch_id = ? ORDER BY file_name, record_index",
                row -> new FailedRecord(row.getString("file_name"), row.getLong("record_index"),
                        (ArrayNode) readTree(row.getString("errors")), row.getString("record")),
                tenant.orgId(), tenant.sandboxName(), batchId);
    }

    private static Batch map(ResultSet row) throws SQLException {
        String errors = row.getString("errors");
        return new Batch(row.getString("id"), row.getString("dataset_id"), BatchStatus.valueOf(row.getString("status")),
                row.getString("input_format"), row.getBoolean("multi_line_json"), nullableLong(row, "records_read"),
                nullableLong(row, "records_written"), nullableLong(row, "records_failed"),
                errors == null ? null : (ArrayNode) readTree(errors), row.getLong("created_at"),
                row.getLong("updated_at"), nullableLong(row, "started_at"), nullableLong(row, "completed_at"));
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) throws SQLException {
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("stored batch errors are not JSON", e);
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
