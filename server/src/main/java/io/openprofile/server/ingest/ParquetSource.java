package io.openprofile.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads the rows of an Apache Parquet file as JSON records, so that they go through the same validation and
 * merge as records of a JSON file. This is the only Parquet reader of openprofile. Exports write Parquet through
 * {@code export.ParquetChunkWriter}.
 *
 * <p>Parquet needs random access to read its footer and column chunks, so the stream is first copied to a
 * temporary file, which {@link #close()} deletes. A temporary file costs disk space equal to the file (at most
 * {@code openprofile.ingest.max-file-size}) but keeps the heap down to one row group's pages. The reader uses
 * Parquet's plain configuration and its local-file input, so no Hadoop {@code FileSystem} is involved.
 *
 * <p>Each row becomes an {@link ObjectNode} by the rules of {@link RowMapper}.
 */
final class ParquetSource implements RecordSource, Closeable {

    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    private static final byte[] ENCRYPTED_MAGIC = {'P', 'A', 'R', 'E'};
    // The magic number at both ends plus the 4-byte footer length.
    private static final int MIN_LENGTH = 12;

    private final Path copy;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final MessageColumnIO columnIO;
    private org.apache.parquet.io.RecordReader<Group> rows;
    private long rowsLeftInGroup;
    private long nextIndex;
    private boolean finished;

    private ParquetSource(Path copy, ParquetFileReader reader) {
        this.copy = copy;
        this.reader = reader;
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        this.columnIO = new ColumnIOFactory().getColumnIO(schema);
    }

    /** Returns whether the bytes start with Parquet's magic number {@code PAR1}. */
    static boolean hasMagic(byte[] head) {
        return head.length >= MAGIC.length && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Copies the stream to a temporary file and opens it as Parquet.
     *
     * @throws InvalidFileException when the content is not a readable Parquet file
     */
    static ParquetSource open(InputStream in) throws IOException {
        Path copy = Files.createTempFile("openprofile-batch-", ".parquet");
        try {
            try (OutputStream out = Files.newOutputStream(copy)) {
                in.transferTo(out);
            }
            checkFraming(copy);
            ParquetFileReader reader = openReader(copy);
            try {
                return new ParquetSource(copy, reader);
            } catch (RuntimeException e) {
                reader.close();
                throw new InvalidFileException("is not a valid Parquet file: its schema cannot be read ("
                        + reason(e, copy) + ")", e);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    private static void checkFraming(Path copy) throws IOException {
        try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.READ)) {
            long length = channel.size();
            if (length < MIN_LENGTH) {
                throw new InvalidFileException("is not a valid Parquet file: it has " + length
                        + " bytes, fewer than the " + MIN_LENGTH + " of an empty Parquet file");
            }
            ByteBuffer tail = ByteBuffer.allocate(MAGIC.length);
            channel.read(tail, length - MAGIC.length);
            if (Arrays.equals(tail.array(), ENCRYPTED_MAGIC)) {
                throw new InvalidFileException("is an encrypted Parquet file, which openprofile cannot read; "
                        + "write it without encryption");
            }
            if (!Arrays.equals(tail.array(), MAGIC)) {
                throw new InvalidFileException("is not a valid Parquet file: it does not end with the magic "
                        + "number PAR1, so it is truncated or corrupt; upload the complete file again");
            }
        }
    }

    private static ParquetFileReader openReader(Path copy) throws InvalidFileException {
        PlainParquetConfiguration configuration = new PlainParquetConfiguration();
        ParquetReadOptions options = ParquetReadOptions.builder(configuration)
                .withCodecFactory(HadoopCodecs.newFactory(configuration, 0))
                // Pages written with a CRC are checked, so that damage is reported instead of read as values.
                .usePageChecksumVerification(true)
                .build();
        try {
            return ParquetFileReader.open(new LocalInputFile(copy), options);
        } catch (IOException | RuntimeException e) {
            throw new InvalidFileException("is not a valid Parquet file: its footer cannot be read ("
                    + reason(e, copy) + ")", e);
        }
    }

    @Override
    public ReadResult next() {
        if (finished) {
            return null;
        }
        Group row;
        try {
            row = readRow();
        } catch (IOException | RuntimeException e) {
            // Parquet reports damaged pages with several exception types. None leaves a reliable way to find the
            // following rows, as with a JSON syntax error.
            finished = true;
            String message = "row " + nextIndex + " cannot be decoded: " + reason(e, copy)
                    + "; reading stopped because the rest of the file cannot be located reliably";
            return ReadResult.ofError(nextIndex++, new ParseError(message, 0, 0));
        }
        if (row == null) {
            finished = true;
            return null;
        }
        return convert(row);
    }

    private Group readRow() throws IOException {
        while (rowsLeftInGroup == 0) {
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                return null;
            }
            rowsLeftInGroup = pages.getRowCount();
            rows = columnIO.getRecordReader(pages, new GroupRecordConverter(schema));
        }
        rowsLeftInGroup--;
        return rows.read();
    }

    private ReadResult convert(Group row) {
        long index = nextIndex++;
        try {
            return ReadResult.ofRecord(index, RowMapper.toObject(row, schema));
        } catch (DateTimeException | ArithmeticException e) {
            String message = "row " + index + " has a date or time value outside the supported range: "
                    + e.getMessage();
            return ReadResult.ofError(index, new ParseError(message, 0, 0));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private static String reason(Exception e, Path copy) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Parquet's messages name the temporary copy, a path that means nothing to the client.
        return message.replace(copy.toUri().toString(), "the file").replace(copy.toString(), "the file");
    }

    /**
     * Converts one Parquet row to JSON.
     *
     * <ul>
     *   <li>A group becomes an object. A {@code LIST} group, a legacy two-level list and a repeated field outside
     *   a list become arrays. A {@code MAP} group becomes an object keyed by the text of each key, where a later
     *   duplicate key replaces an earlier one.</li>
     *   <li>A null value is left out of its object and its map, as a JSON record would leave the field out, but a
     *   null list element stays {@code null} so that positions keep their meaning. Merging skips JSON nulls, so
     *   leaving them out changes no profile.</li>
     *   <li>{@code BOOLEAN}, {@code INT32} and {@code INT64} become JSON booleans and numbers, unsigned integers
     *   keep their unsigned value, and {@code DECIMAL} becomes an exact decimal number.</li>
     *   <li>{@code FLOAT} and {@code DOUBLE} become numbers, except NaN and the infinities: JSON has no such
     *   numbers, so they become the strings {@code NaN}, {@code Infinity} and {@code -Infinity}.</li>
     *   <li>Binary values with a {@code STRING}, {@code ENUM} or {@code JSON} annotation become strings, a
     *   {@code UUID} its canonical text, and any other binary value a base64 string.</li>
     *   <li>{@code DATE} becomes {@code yyyy-MM-dd}, {@code TIME} an ISO-8601 time with a {@code Z} when it is
     *   adjusted to UTC, and {@code TIMESTAMP} and legacy {@code INT96} values an ISO-8601 UTC date-time with
     *   all the fractional digits of their unit. A timestamp that is not adjusted to UTC is read as UTC, as XDM
     *   reads a date-time without an offset.</li>
     * </ul>
     */
    static final class RowMapper {

        private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
        // Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part.
        private static final long JULIAN_EPOCH_DAY = 2_440_588;
        private static final long NANOS_PER_SECOND = 1_000_000_000L;
        private static final DateTimeFormatter MILLIS_DATE_TIME = dateTime(3);
        private static final DateTimeFormatter MICROS_DATE_TIME = dateTime(6);
        private static final DateTimeFormatter NANOS_DATE_TIME = dateTime(9);
        private static final DateTimeFormatter MILLIS_TIME = time(3);
        private static final DateTimeFormatter MICROS_TIME = time(6);
        private static final DateTimeFormatter NANOS_TIME = time(9);

        private RowMapper() {
        }

        static ObjectNode toObject(Group row, MessageType schema) {
            return object(row, schema);
        }

        private static ObjectNode object(Group group, GroupType type) {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < type.getFieldCount(); i++) {
                Type field = type.getType(i);
                int count = group.getFieldRepetitionCount(i);
                if (field.isRepetition(Type.Repetition.REPEATED)) {
                    ArrayNode values = object.putArray(field.getName());
                    for (int j = 0; j < count; j++) {
                        values.add(value(group, i, j, field));
                    }
                } else if (count > 0) {
                    object.set(field.getName(), value(group, i, 0, field));
                }
            }
            return object;
        }

        private static JsonNode value(Group group, int field, int index, Type type) {
            if (type.isPrimitive()) {
                return primitive(group, field, index, type.asPrimitiveType());
            }
            GroupType groupType = type.asGroupType();
            Group value = group.getGroup(field, index);
            LogicalTypeAnnotation annotation = groupType.getLogicalTypeAnnotation();
            if (annotation instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                return list(value, groupType);
            }
            if (annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
                    || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
                return map(value, groupType);
            }
            return object(value, groupType);
        }

        private static ArrayNode list(Group list, GroupType type) {
            ArrayNode array = NODES.arrayNode();
            if (type.getFieldCount() != 1) {
                // Not a list by the Parquet spec's rules: keep every field rather than guess.
                array.add(object(list, type));
                return array;
            }
            Type repeated = type.getType(0);
            int count = list.getFieldRepetitionCount(0);
            boolean twoLevel = repeatedIsElement(repeated, type.getName());
            for (int j = 0; j < count; j++) {
                if (twoLevel) {
                    array.add(value(list, 0, j, repeated));
                    continue;
                }
                Group wrapper = list.getGroup(0, j);
                Type element = repeated.asGroupType().getType(0);
                array.add(wrapper.getFieldRepetitionCount(0) == 0 ? NODES.nullNode() : value(wrapper, 0, 0, element));
            }
            return array;
        }

        /**
         * Applies the Parquet format's backward-compatibility rules for lists: the repeated field is the element
         * itself (a legacy two-level list) unless it is a group of one field that is not repeated and is not
         * named {@code array} or {@code <list name>_tuple}.
         */
        private static boolean repeatedIsElement(Type repeated, String listName) {
            if (repeated.isPrimitive()) {
                return true;
            }
            GroupType group = repeated.asGroupType();
            return group.getFieldCount() != 1
                    || group.getType(0).isRepetition(Type.Repetition.REPEATED)
                    || group.getName().equals("array")
                    || group.getName().equals(listName + "_tuple");
        }

        private static ObjectNode map(Group map, GroupType type) {
            ObjectNode object = NODES.objectNode();
            if (type.getFieldCount() != 1 || type.getType(0).isPrimitive()) {
                return object(map, type);
            }
            GroupType entryType = type.getType(0).asGroupType();
            int count = map.getFieldRepetitionCount(0);
            for (int j = 0; j < count; j++) {
                Group entry = map.getGroup(0, j);
                if (entry.getFieldRepetitionCount(0) == 0) {
                    continue;
                }
                JsonNode key = value(entry, 0, 0, entryType.getType(0));
                String name = key.isTextual() ? key.textValue() : key.toString();
                if (entryType.getFieldCount() > 1 && entry.getFieldRepetitionCount(1) > 0) {
                    object.set(name, value(entry, 1, 0, entryType.getType(1)));
                }
            }
            return object;
        }

        private static JsonNode primitive(Group group, int field, int index, PrimitiveType type) {
            LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
            return switch (type.getPrimitiveTypeName()) {
                case BOOLEAN -> NODES.booleanNode(group.getBoolean(field, index));
                case INT32 -> int32(group.getInteger(field, index), annotation);
                case INT64 -> int64(group.getLong(field, index), annotation);
                case INT96 -> NODES.textNode(int96(group.getInt96(field, index)));
                case FLOAT -> floating(group.getFloat(field, index));
                case DOUBLE -> floating(group.getDouble(field, index));
                case BINARY, FIXED_LEN_BYTE_ARRAY -> binary(group.getBinary(field, index), annotation);
            };
        }

        private static JsonNode int32(int value, LogicalTypeAnnotation annotation) {
            if (annotation instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                return NODES.textNode(LocalDate.ofEpochDay(value).toString());
            }
            if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
                return NODES.numberNode(BigDecimal.valueOf(value, decimal.getScale()));
            }
            if (annotation instanceof TimeLogicalTypeAnnotation time) {
                return NODES.textNode(time(value, time));
            }
            if (annotation instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
                return NODES.numberNode(Integer.toUnsignedLong(value));
            }
            return NODES.numberNode(value);
        }

        private static JsonNode int64(long value, LogicalTypeAnnotation annotation) {
            if (annotation instanceof TimestampLogicalTypeAnnotation timestamp) {
                return NODES.textNode(timestamp(value, timestamp.getUnit()));
            }
            if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
                return NODES.numberNode(BigDecimal.valueOf(value, decimal.getScale()));
            }
            if (annotation instanceof TimeLogicalTypeAnnotation time) {
                return NODES.textNode(time(value, time));
            }
            if (annotation instanceof IntLogicalTypeAnnotation integer && !integer.isSigned()) {
                return NODES.numberNode(new BigInteger(Long.toUnsignedString(value)));
            }
            return NODES.numberNode(value);
        }

        private static JsonNode floating(double value) {
            if (Double.isNaN(value)) {
                return NODES.textNode("NaN");
            }
            if (Double.isInfinite(value)) {
                return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
            }
            return NODES.numberNode(value);
        }

        private static JsonNode floating(float value) {
            if (Float.isNaN(value) || Float.isInfinite(value)) {
                return floating((double) value);
            }
            // The float's own shortest decimal form, so that 0.1f stays 0.1 instead of 0.10000000149011612.
            return NODES.numberNode(new BigDecimal(Float.toString(value)));
        }

        private static JsonNode binary(Binary value, LogicalTypeAnnotation annotation) {
            if (annotation instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
                    || annotation instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                    || annotation instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
                return NODES.textNode(value.toStringUsingUTF8());
            }
            if (annotation instanceof DecimalLogicalTypeAnnotation decimal) {
                return NODES.numberNode(new BigDecimal(new BigInteger(value.getBytes()), decimal.getScale()));
            }
            if (annotation instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                ByteBuffer bytes = value.toByteBuffer();
                return NODES.textNode(new UUID(bytes.getLong(), bytes.getLong()).toString());
            }
            return NODES.textNode(Base64.getEncoder().encodeToString(value.getBytes()));
        }

        private static String timestamp(long value, TimeUnit unit) {
            return switch (unit) {
                case MILLIS -> format(Math.floorDiv(value, 1_000L), Math.floorMod(value, 1_000L) * 1_000_000L,
                        MILLIS_DATE_TIME);
                case MICROS -> format(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L,
                        MICROS_DATE_TIME);
                case NANOS -> format(Math.floorDiv(value, NANOS_PER_SECOND), Math.floorMod(value, NANOS_PER_SECOND),
                        NANOS_DATE_TIME);
            };
        }

        /** Converts an INT96 timestamp: 8 bytes of nanoseconds within the day, then a 4-byte Julian day number. */
        private static String int96(Binary value) {
            ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = bytes.getLong();
            long epochDay = bytes.getInt() - JULIAN_EPOCH_DAY;
            long seconds = Math.multiplyExact(epochDay, 86_400L) + Math.floorDiv(nanosOfDay, NANOS_PER_SECOND);
            return format(seconds, Math.floorMod(nanosOfDay, NANOS_PER_SECOND), NANOS_DATE_TIME);
        }

        private static String format(long epochSecond, long nanos, DateTimeFormatter formatter) {
            return formatter.format(LocalDateTime.ofEpochSecond(epochSecond, (int) nanos, ZoneOffset.UTC));
        }

        private static String time(long value, TimeLogicalTypeAnnotation annotation) {
            String text = switch (annotation.getUnit()) {
                case MILLIS -> MILLIS_TIME.format(LocalTime.ofNanoOfDay(value * 1_000_000L));
                case MICROS -> MICROS_TIME.format(LocalTime.ofNanoOfDay(value * 1_000L));
                case NANOS -> NANOS_TIME.format(LocalTime.ofNanoOfDay(value));
            };
            return annotation.isAdjustedToUTC() ? text + "Z" : text;
        }

        private static DateTimeFormatter time(int fractionDigits) {
            return new DateTimeFormatterBuilder()
                    .appendPattern("HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, fractionDigits, fractionDigits, true)
                    .toFormatter();
        }

        private static DateTimeFormatter dateTime(int fractionDigits) {
            return new DateTimeFormatterBuilder()
                    .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
                    .appendFraction(ChronoField.NANO_OF_SECOND, fractionDigits, fractionDigits, true)
                    .appendLiteral('Z')
                    .toFormatter();
        }
    }
}
