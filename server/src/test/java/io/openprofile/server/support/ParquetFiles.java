package io.openprofile.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/** Writes small Parquet files for tests with Parquet's example group writer (uncompressed, one row group). */
public final class ParquetFiles {

    private ParquetFiles() {
    }

    /** Writes the rows to a new file at {@code file}, which must not exist yet. */
    public static void write(Path file, MessageType schema, Group... rows) throws IOException {
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .build()) {
            for (Group row : rows) {
                writer.write(row);
            }
        }
    }

    /** Returns the bytes of a Parquet file holding the rows. */
    public static byte[] bytes(MessageType schema, Group... rows) {
        try {
            Path dir = Files.createTempDirectory("openprofile-test-parquet-");
            Path file = dir.resolve("rows.parquet");
            try {
                write(file, schema, rows);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a test Parquet file", e);
        }
    }
}
