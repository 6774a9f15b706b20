package io.openprofile.server.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Reads sample Parquet files with the Parquet library alone, so that tests can compute expected values without the
 * server's own reader.
 */
public final class ParquetRows {

    // Julian day number of 1970-01-01.
    private static final long JULIAN_EPOCH_DAY = 2_440_588;

    private ParquetRows() {
    }

    /** Passes every row of the file, in file order, to {@code action}. */
    public static void forEach(Path file, Consumer<Group> action) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO columns = new ColumnIOFactory().getColumnIO(schema);
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> rows = columns.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    action.accept(rows.read());
                }
            }
        }
    }

    /** Returns the nested group at the path of field names, or null when any of them has no value. */
    public static Group group(Group row, String... path) {
        Group current = row;
        for (String name : path) {
            if (current.getFieldRepetitionCount(name) == 0) {
                return null;
            }
            current = current.getGroup(name, 0);
        }
        return current;
    }

    /** Returns a string field of a group, or null when the group or the value is missing. */
    public static String string(Group group, String field) {
        if (group == null || group.getFieldRepetitionCount(field) == 0) {
            return null;
        }
        return group.getString(field, 0);
    }

    /** Converts a legacy INT96 timestamp field to an instant. */
    public static Instant int96(Group group, String field) {
        NanoTime time = NanoTime.fromBinary(group.getInt96(field, 0));
        long epochDay = time.getJulianDay() - JULIAN_EPOCH_DAY;
        return Instant.ofEpochSecond(epochDay * 86_400L).plusNanos(time.getTimeOfDayNanos());
    }
}
