package io.openprofile.server.export;

import io.openprofile.server.error.DomainException;
import io.openprofile.server.ingest.BatchFormat;
import io.openprofile.server.ingest.BatchRepository;
import io.openprofile.server.store.Database;
import io.openprofile.server.tenancy.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of export batches as Data Access shows them. A succeeded export batch has one dataset
 * file, {@code <batchId>-1}. In a JSON export it contains one file, {@value #FILE_NAME}: the chunks
 * of the export concatenated in chunk order. In a Parquet export it contains one Parquet file per
 * chunk with at least one row, named {@code part-00001.parquet} after the chunk number.
 */
@ApplicationScoped
public class ExportedFiles {

    public static final String FILE_NAME = "profiles.json";
    private static final String SUFFIX = "-1";
    private static final Pattern PART_NAME = Pattern.compile("part-(\\d{5,9})\\.parquet");

    private final Database database;
    private final ExportJobRepository exports;
    private final BatchRepository batches;

    ExportedFiles(Database database, ExportJobRepository exports, BatchRepository batches) {
        this.database = database;
        this.exports = exports;
        this.batches = batches;
    }

    /** An exported dataset file: its id, the job that wrote it, and its size in bytes. */
    public record DataSetFile(String id, ExportJobRow job, long size) {
    }

    /** A file inside a dataset file: its name and size in bytes. */
    public record Entry(String name, long size) {
    }

    /** Lists the dataset files of a batch: one for a succeeded export, none otherwise. A missing batch is a 404. */
    public List<DataSetFile> list(Tenant tenant, String batchId) {
        return database.inTransaction(connection -> {
            if (batches.find(connection, tenant, batchId).isEmpty()) {
                throw DomainException.notFound("batch", batchId);
            }
            Optional<ExportJobRow> job = exports.findByBatch(connection, tenant, batchId)
                    .filter(row -> row.status() == ExportStatus.SUCCEEDED);
            if (job.isEmpty()) {
                return List.of();
            }
            return List.of(new DataSetFile(batchId + SUFFIX, job.get(), exports.exportedSize(connection, tenant,
                    batchId)));
        });
    }

    /** Returns one dataset file; an id that no succeeded export wrote is a 404. */
    public DataSetFile get(Tenant tenant, String dataSetFileId) {
        if (!dataSetFileId.endsWith(SUFFIX)) {
            throw DomainException.notFound("dataset file", dataSetFileId);
        }
        String batchId = dataSetFileId.substring(0, dataSetFileId.length() - SUFFIX.length());
        return database.inTransaction(connection -> {
            Optional<ExportJobRow> job = exports.findByBatch(connection, tenant, batchId)
                    .filter(row -> row.status() == ExportStatus.SUCCEEDED);
            if (job.isEmpty()) {
                throw DomainException.notFound("dataset file", dataSetFileId);
            }
            return new DataSetFile(dataSetFileId, job.get(), exports.exportedSize(connection, tenant, batchId));
        });
    }

    /** Lists the files inside a dataset file. A JSON export has one, even when it exported nothing. */
    public List<Entry> entries(Tenant tenant, String dataSetFileId) {
        DataSetFile file = get(tenant, dataSetFileId);
        if (file.job().format() != BatchFormat.PARQUET) {
            return List.of(new Entry(FILE_NAME, file.size()));
        }
        return database.inTransaction(c -> exports.nonEmptyChunks(c, tenant, file.job().batchId())).stream()
                .map(chunk -> new Entry(partName(chunk.number()), chunk.sizeBytes()))
                .toList();
    }

    static String partName(int chunkNumber) {
        return String.format(Locale.ROOT, "part-%05d.parquet", chunkNumber);
    }

    /**
     * Opens a file for streaming. A JSON file loads one chunk at a time, each in its own short
     * transaction, when the previous one has been read, so memory use does not grow with the size
     * of the export. A Parquet part file is one chunk.
     */
    public InputStream open(Tenant tenant, String dataSetFileId, String fileName) {
        DataSetFile file = get(tenant, dataSetFileId);
        String batchId = file.job().batchId();
        if (file.job().format() == BatchFormat.PARQUET) {
            return new ByteArrayInputStream(database.inTransaction(c -> partContent(c, tenant, batchId, fileName)));
        }
        if (!FILE_NAME.equals(fileName)) {
            throw DomainException.notFound("file", fileName);
        }
        Iterator<Integer> chunks = database.inTransaction(c -> exports.chunkNumbers(c, tenant, batchId)).iterator();
        Enumeration<InputStream> contents = new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return chunks.hasNext();
            }

            @Override
            public InputStream nextElement() {
                int chunk = chunks.next();
                return new ByteArrayInputStream(database.inTransaction(c -> exports.chunkContent(c, tenant, batchId,
                        chunk)));
            }
        };
        return new SequenceInputStream(contents);
    }

    private byte[] partContent(Connection connection, Tenant tenant, String batchId, String fileName)
            throws SQLException {
        Matcher name = PART_NAME.matcher(fileName);
        if (!name.matches()) {
            throw DomainException.notFound("file", fileName);
        }
        int chunk = Integer.parseInt(name.group(1));
        boolean listed = exports.nonEmptyChunks(connection, tenant, batchId).stream()
                .anyMatch(stored -> stored.number() == chunk);
        if (!listed || !partName(chunk).equals(fileName)) {
            throw DomainException.notFound("file", fileName);
        }
        return exports.chunkContent(connection, tenant, batchId, chunk);
    }
}
