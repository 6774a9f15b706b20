package io.openprofile.server.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.openprofile.server.ingest.BatchFormat;
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

/** SQL for export jobs, their exported chunks and the persons they walk. */
@ApplicationScoped
public class ExportJobRepository {

    /** Inserts a NEW job and returns its generated numeric id. */
    public long insert(Connection connection, Tenant tenant, String request, String datasetId, BatchFormat format,
            long now) throws SQLException {
        String sql = "INSERT INTO export_job (org_id, sandbox_name, status, request, dataset_id, file_format, "
                + "chunks_written, profiles_done, lines_written, cancel_requested, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, FALSE, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            statement.setString(1, tenant.orgId());
            statement.setString(2, tenant.sandboxName());
            statement.setString(3, ExportStatus.NEW.name());
            statement.setString(4, request);
            statement.setString(5, datasetId);
            statement.setString(6, format.wireName());
            statement.setLong(7, now);
            statement.setLong(8, now);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new export job");
                }
                return keys.getLong(1);
            }
        }
    }

    public Optional<ExportJobRow> find(Connection connection, Tenant tenant, long id) throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM export_job WHERE id = ? AND org_id = ? AND sandbox_name = ?",
                ExportJobRepository::map, id, tenant.orgId(), tenant.sandboxName());
    }

    /** Finds the job that wrote a batch, if an export job did. */
    public Optional<ExportJobRow> findByBatch(Connection connection, Tenant tenant, String batchId)
            throws SQLException {
        return Sql.queryOne(connection, "SELECT * FROM export_job WHERE org_id = ? AND sandbox_name = ? "
                + "AND batch_id = ?", ExportJobRepository::map, tenant.orgId(), tenant.sandboxName(), batchId);
    }

    /**
     * Lists jobs newest first, starting after the position ({@code afterCreatedAt}, {@code afterId})
     * when it is set.
     */
    public List<ExportJobRow> list(Connection connection, Tenant tenant, ExportStatus status, Long afterCreatedAt,
            Long afterId, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM export_job WHERE org_id = ? AND sandbox_name = ?");
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        if (afterCreatedAt != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            args.addAll(List.of(afterCreatedAt, afterCreatedAt, afterId));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(limit);
        return Sql.query(connection, sql.toString(), ExportJobRepository::map, args.toArray());
    }

    /**
     * Moves a NEW job to PROCESSING with its batch and person count; returns false, changing
     * nothing, when the job was already started.
     */
    public boolean start(Connection connection, Tenant tenant, long id, String batchId, long total, long now)
            throws SQLException {
        return Sql.update(connection, "UPDATE export_job SET status = ?, batch_id = ?, profiles_total = ?, started_at = ?, "
                + "updated_at = ? WHERE id = ? AND org_id = ? AND sandbox_name = ? AND status = ?",
                ExportStatus.PROCESSING.name(), batchId, total, now, now, id, tenant.orgId(), tenant.sandboxName(),
                ExportStatus.NEW.name()) == 1;
    }

    /**
     * Moves the cursor past one chunk, only if no other process moved it since {@code expectedChunks}
     * was read; returns false otherwise, and the caller must roll back.
     */
    public boolean advance(Connection connection, Tenant tenant, long id, int expectedChunks, String cursorCluster,
            long profilesDone, long linesWritten, long now) throws SQLException {
        return Sql.update(connection, "UPDATE export_job SET cursor_cluster = ?, chunks_written = ?, "
                + "profiles_done = ?, lines_written = ?, updated_at = ? "
                + "WHERE id = ? AND org_id = ? AND sandbox_name = ? AND chunks_written = ? AND status = ?",
                cursorCluster, expectedChunks + 1, profilesDone, linesWritten, now, id, tenant.orgId(),
                tenant.sandboxName(), expectedChunks, ExportStatus.PROCESSING.name()) == 1;
    }

    /** Ends a job that has not ended yet; returns false when it already had. */
    public boolean finish(Connection connection, Tenant tenant, long id, ExportStatus status, ArrayNode errors,
            long now) throws SQLException {
        return Sql.update(connection, "UPDATE export_job SET status = ?, errors = ?, finished_at = ?, updated_at = ? "
                + "WHERE id = ? AND org_id = ? AND sandbox_name = ? AND status IN (?, ?)",
                status.name(), errors == null ? null : Json.write(errors), now, now, id, tenant.orgId(),
                tenant.sandboxName(), ExportStatus.NEW.name(), ExportStatus.PROCESSING.name()) == 1;
    }

    /** Marks a job that has not ended for cancelling; returns false when it already ended. */
    public boolean requestCancel(Connection connection, Tenant tenant, long id, long now) throws SQLException {
        return Sql.update(connection, "UPDATE export_job SET cancel_requested = TRUE, updated_at = ? "
                + "WHERE id = ? AND org_id = ? AND sandbox_name = ? AND status IN (?, ?)",
                now, id, tenant.orgId(), tenant.sandboxName(), ExportStatus.NEW.name(),
                ExportStatus.PROCESSING.name()) == 1;
    }

    /** Stores the lines of one chunk, replacing a row left by an attempt that did not commit its cursor. */
    public void putChunk(Connection connection, Tenant tenant, String batchId, int chunkNumber, long lineCount,
            byte[] content) throws SQLException {
        Sql.update(connection, "DELETE FROM export_chunk WHERE batch_id = ? AND chunk_number = ? AND org_id = ? "
                + "AND sandbox_name = ?", batchId, chunkNumber, tenant.orgId(), tenant.sandboxName());
        Sql.update(connection, "INSERT INTO export_chunk (org_id, sandbox_name, batch_id, chunk_number, line_count, "
                + "size_bytes, content) VALUES (?, ?, ?, ?, ?, ?, ?)", tenant.orgId(), tenant.sandboxName(),
                batchId, chunkNumber, lineCount, (long) content.length, content);
    }

    /** Returns the total size in bytes of a batch's exported chunks. */
    public long exportedSize(Connection connection, Tenant tenant, String batchId) throws SQLException {
        return Sql.queryOne(connection, "SELECT COALESCE(SUM(size_bytes), 0) FROM export_chunk WHERE batch_id = ? "
                + "AND org_id = ? AND sandbox_name = ?", row -> row.getLong(1), batchId, tenant.orgId(),
                tenant.sandboxName()).orElse(0L);
    }

    /** The number and size in bytes of one stored chunk. */
    public record ChunkSize(int number, long sizeBytes) {
    }

    /** Lists the chunks of a batch that contain at least one byte, in chunk order. */
    public List<ChunkSize> nonEmptyChunks(Connection connection, Tenant tenant, String batchId) throws SQLException {
        return Sql.query(connection, "SELECT chunk_number, size_bytes FROM export_chunk WHERE batch_id = ? "
                + "AND org_id = ? AND sandbox_name = ? AND size_bytes > 0 ORDER BY chunk_number",
                row -> new ChunkSize(row.getInt(1), row.getLong(2)), batchId, tenant.orgId(), tenant.sandboxName());
    }

    /** Lists the chunk numbers of a batch in file order. */
    public List<Integer> chunkNumbers(Connection connection, Tenant tenant, String batchId) throws SQLException {
        return Sql.query(connection, "SELECT chunk_number FROM export_chunk WHERE batch_id = ? AND org_id = ? "
                + "AND sandbox_name = ? ORDER BY chunk_number", row -> row.getInt(1), batchId, tenant.orgId(),
                tenant.sandboxName());
    }

    /** Reads the content of one chunk. A chunk contains the lines of at most one chunk of persons, so it fits in memory. */
    public byte[] chunkContent(Connection connection, Tenant tenant, String batchId, int chunkNumber)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT content FROM export_chunk "
                + "WHERE batch_id = ? AND chunk_number = ? AND org_id = ? AND sandbox_name = ?")) {
            statement.setString(1, batchId);
            statement.setInt(2, chunkNumber);
            statement.setString(3, tenant.orgId());
            statement.setString(4, tenant.sandboxName());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("chunk " + chunkNumber + " of export batch " + batchId + " disappeared");
                }
                try (InputStream content = row.getBinaryStream(1)) {
                    return content.readAllBytes();
                } catch (java.io.IOException e) {
                    throw new SQLException("cannot read chunk " + chunkNumber + " of export batch " + batchId, e);
                }
            }
        }
    }

    /** Counts the persons (identity clusters) of a sandbox. */
    public long countPersons(Connection connection, Tenant tenant) throws SQLException {
        return Sql.queryOne(connection, "SELECT COUNT(DISTINCT cluster_id) FROM identity_node "
                + "WHERE org_id = ? AND sandbox_name = ?", row -> row.getLong(1), tenant.orgId(),
                tenant.sandboxName()).orElse(0L);
    }

    /** Lists up to {@code limit} cluster ids after {@code after} (all when null), in ascending order. */
    public List<String> personsAfter(Connection connection, Tenant tenant, String after, int limit)
            throws SQLException {
        String from = after == null ? "" : " AND cluster_id > ?";
        List<Object> args = new ArrayList<>(List.of(tenant.orgId(), tenant.sandboxName()));
        if (after != null) {
            args.add(after);
        }
        return Sql.query(connection, "SELECT DISTINCT cluster_id FROM identity_node WHERE org_id = ? "
                + "AND sandbox_name = ?" + from + " ORDER BY cluster_id LIMIT " + limit,
                row -> row.getString(1), args.toArray());
    }

    private static ExportJobRow map(ResultSet row) throws SQLException {
        String errors = row.getString("errors");
        String formatName = row.getString("file_format");
        BatchFormat format = BatchFormat.parse(formatName)
                .orElseThrow(() -> new SQLException("stored export job has unknown file format " + formatName));
        return new ExportJobRow(row.getLong("id"), new Tenant(row.getString("org_id"), row.getString("sandbox_name")),
                ExportStatus.valueOf(row.getString("status")), Json.readObject(row.getString("request")),
                row.getString("dataset_id"), format, row.getString("batch_id"), row.getString("cursor_cluster"),
                row.getInt("chunks_written"), row.getLong("profiles_done"), nullableLong(row, "profiles_total"),
                row.getLong("lines_written"), row.getBoolean("cancel_requested"),
                errors == null ? null : readArray(errors),
                row.getLong("created_at"), row.getLong("updated_at"), nullableLong(row, "started_at"),
                nullableLong(row, "finished_at"));
    }

    private static ArrayNode readArray(String text) throws SQLException {
        try {
            return (ArrayNode) Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new SQLException("stored export job errors are not a JSON array", e);
        }
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }
}
