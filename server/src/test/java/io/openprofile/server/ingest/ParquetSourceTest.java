package io.openprofile.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.merge.RecordTimes;
import io.openprofile.server.support.ParquetFiles;
import io.openprofile.server.store.Json;
import io.openprofile.server.xdm.RecordResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mapping of Parquet types to JSON, on small files written here with Parquet's example group writer, and the
 * errors for files that are not Parquet.
 */
class ParquetSourceTest {

    // 2018-11-05T10:20:30.123456789Z in the units of each timestamp type.
    private static final long EPOCH_MILLIS = 1_541_413_230_123L;
    private static final long EPOCH_MICROS = 1_541_413_230_123_456L;
    private static final long EPOCH_NANOS = 1_541_413_230_123_456_789L;
    private static final int EPOCH_DAY = 17_840;
    private static final int JULIAN_DAY = 2_458_428;
    private static final long NANOS_OF_DAY = 37_230_123_456_789L;

    private static final MessageType SCALARS = MessageTypeParser.parseMessageType("""
            message scalars {
              required boolean flag;
              required int32 plain32;
              required int64 plain64;
              required int32 tiny (INTEGER(8,true));
              required int32 unsigned32 (INTEGER(32,false));
              required int64 unsigned64 (INTEGER(64,false));
              required float ratio;
              required double score;
              required binary name (STRING);
              required binary color (ENUM);
              required binary payload (JSON);
              required binary raw;
              required fixed_len_byte_array(16) uuid (UUID);
              required int32 price32 (DECIMAL(9,2));
              required int64 price64 (DECIMAL(18,4));
              required fixed_len_byte_array(16) priceFixed (DECIMAL(38,10));
              required binary priceBinary (DECIMAL(30,3));
              required int32 day (DATE);
              required int32 timeMillis (TIME(MILLIS,true));
              required int64 timeMicros (TIME(MICROS,false));
              required int64 timeNanos (TIME(NANOS,true));
              required int64 tsMillis (TIMESTAMP(MILLIS,true));
              required int64 tsMicros (TIMESTAMP(MICROS,true));
              required int64 tsNanos (TIMESTAMP(NANOS,true));
              required int64 tsLocalMillis (TIMESTAMP(MILLIS,false));
              required int64 tsLocalNanos (TIMESTAMP(NANOS,false));
              required int96 tsInt96;
              required int64 beforeEpoch (TIMESTAMP(MICROS,true));
            }
            """);

    private static final MessageType NESTED = MessageTypeParser.parseMessageType("""
            message nested {
              optional group identityMap (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional group value (LIST) {
                    repeated group list {
                      optional group element {
                        optional binary id (STRING);
                        optional boolean primary;
                      }
                    }
                  }
                }
              }
              optional group tags (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
              optional group legacyNumbers (LIST) {
                repeated int32 element;
              }
              optional group legacyItems (LIST) {
                repeated group array {
                  optional binary sku (STRING);
                }
              }
              optional group pairs (LIST) {
                repeated group pairs_tuple {
                  required binary name (STRING);
                }
              }
              repeated binary codes (STRING);
              optional group person {
                optional group name {
                  optional binary firstName (STRING);
                  optional binary lastName (STRING);
                }
                optional int32 age;
              }
              optional binary missing (STRING);
              optional group empty {
                optional binary nothing (STRING);
              }
              optional group emptyList (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
            }
            """);

    private static final MessageType FLOATS = MessageTypeParser.parseMessageType("""
            message floats {
              required double value;
              required float single;
            }
            """);

    @TempDir
    Path dir;

    @Test
    void scalarTypesMapToJson() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(row.get("flag").booleanValue()).isTrue();
        assertThat(row.get("plain32").intValue()).isEqualTo(-7);
        assertThat(row.get("plain64").longValue()).isEqualTo(9_007_199_254_740_993L);
        assertThat(row.get("tiny").intValue()).isEqualTo(-128);
        assertThat(row.get("unsigned32").longValue()).isEqualTo(4_294_967_295L);
        assertThat(row.get("unsigned64").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(row.get("ratio").toString()).isEqualTo("0.1");
        assertThat(row.get("score").doubleValue()).isEqualTo(2.5);
        assertThat(row.get("name").textValue()).isEqualTo("Zoë");
        assertThat(row.get("color").textValue()).isEqualTo("GREEN");
        assertThat(row.get("payload").textValue()).isEqualTo("{\"a\":1}");
        assertThat(row.get("raw").textValue()).isEqualTo("AAH/");
        assertThat(row.get("uuid").textValue()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    }

    @Test
    void decimalsAreExact() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(row.get("price32").decimalValue()).isEqualTo(new BigDecimal("-12.34"));
        assertThat(row.get("price64").decimalValue()).isEqualTo(new BigDecimal("12345678901234.5678"));
        assertThat(row.get("priceFixed").decimalValue())
                .isEqualTo(new BigDecimal("-1234567890123456789012345678.0123456789"));
        assertThat(row.get("priceBinary").decimalValue()).isEqualTo(new BigDecimal("98765432109876543210.001"));
        assertThat(Json.write(row.get("price32"))).isEqualTo("-12.34");
    }

    @Test
    void datesAndTimesAreIsoText() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(row.get("day").textValue()).isEqualTo("2018-11-05");
        assertThat(row.get("timeMillis").textValue()).isEqualTo("10:20:30.123Z");
        assertThat(row.get("timeMicros").textValue()).isEqualTo("10:20:30.123456");
        assertThat(row.get("timeNanos").textValue()).isEqualTo("10:20:30.123456789Z");
    }

    @Test
    void timestampsKeepTheirPrecision() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(row.get("tsMillis").textValue()).isEqualTo("2018-11-05T10:20:30.123Z");
        assertThat(row.get("tsMicros").textValue()).isEqualTo("2018-11-05T10:20:30.123456Z");
        assertThat(row.get("tsNanos").textValue()).isEqualTo("2018-11-05T10:20:30.123456789Z");
        assertThat(row.get("tsLocalMillis").textValue()).isEqualTo("2018-11-05T10:20:30.123Z");
        assertThat(row.get("tsLocalNanos").textValue()).isEqualTo("2018-11-05T10:20:30.123456789Z");
        assertThat(row.get("tsInt96").textValue()).isEqualTo("2018-11-05T10:20:30.123456789Z");
        assertThat(row.get("beforeEpoch").textValue()).isEqualTo("1969-12-31T23:59:59.999999Z");
    }

    @Test
    void nanosecondTimestampIsValidEventTime() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));
        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();
        ObjectNode event = Json.object();
        event.set("timestamp", row.get("tsNanos"));

        RecordResult<Long> time = RecordTimes.eventTime(event);

        assertThat(time.errors()).isEmpty();
        assertThat(time.value()).isEqualTo(EPOCH_MILLIS);
    }

    @Test
    void nonFiniteFloatsBecomeStrings() throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(FLOATS);
        Path file = write(FLOATS,
                groups.newGroup().append("value", Double.NaN).append("single", Float.POSITIVE_INFINITY),
                groups.newGroup().append("value", Double.NEGATIVE_INFINITY).append("single", 1.5f));

        List<ReadResult> rows = readAll(file, BatchFormat.PARQUET);

        assertThat(rows.get(0).record().get("value").textValue()).isEqualTo("NaN");
        assertThat(rows.get(0).record().get("single").textValue()).isEqualTo("Infinity");
        assertThat(rows.get(1).record().get("value").textValue()).isEqualTo("-Infinity");
        assertThat(rows.get(1).record().get("single").doubleValue()).isEqualTo(1.5);
    }

    @Test
    void mapOfListsOfStructsIsIdentityMap() throws IOException {
        Path file = write(NESTED, nestedRow(new SimpleGroupFactory(NESTED).newGroup()));

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(Json.write(row.get("identityMap")))
                .isEqualTo("{\"ECID\":[{\"id\":\"123\",\"primary\":true}],\"Email\":[{\"id\":\"a@example.com\"}]}");
    }

    @Test
    void listsOfEveryLayoutBecomeArrays() throws IOException {
        Path file = write(NESTED, nestedRow(new SimpleGroupFactory(NESTED).newGroup()));

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(Json.write(row.get("tags"))).isEqualTo("[\"a\",null,\"c\"]");
        assertThat(Json.write(row.get("legacyNumbers"))).isEqualTo("[1,2]");
        assertThat(Json.write(row.get("legacyItems"))).isEqualTo("[{\"sku\":\"X\"},{\"sku\":\"Y\"}]");
        assertThat(Json.write(row.get("pairs"))).isEqualTo("[{\"name\":\"p\"}]");
        assertThat(Json.write(row.get("codes"))).isEqualTo("[\"p\",\"q\"]");
        assertThat(Json.write(row.get("emptyList"))).isEqualTo("[]");
    }

    @Test
    void nullsAreLeftOut() throws IOException {
        Path file = write(NESTED, nestedRow(new SimpleGroupFactory(NESTED).newGroup()));

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(Json.write(row.get("person"))).isEqualTo("{\"name\":{\"firstName\":\"Jane\"}}");
        assertThat(row.has("missing")).isFalse();
        assertThat(Json.write(row.get("empty"))).isEqualTo("{}");
    }

    @Test
    void rowWithOnlyNullsIsEmptyObject() throws IOException {
        Path file = write(NESTED, new SimpleGroupFactory(NESTED).newGroup());

        List<ReadResult> rows = readAll(file, BatchFormat.PARQUET);

        assertThat(rows).hasSize(1);
        assertThat(Json.write(rows.get(0).record())).isEqualTo("{\"codes\":[]}");
    }

    @Test
    void rowsAreIndexedInFileOrder() throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(FLOATS);
        List<Group> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(groups.newGroup().append("value", (double) i).append("single", (float) i));
        }
        Path file = write(FLOATS, written.toArray(Group[]::new));

        List<ReadResult> rows = readAll(file, BatchFormat.PARQUET);

        assertThat(rows).extracting(ReadResult::index).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(rows).extracting(result -> result.record().get("value").doubleValue())
                .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0);
    }

    @Test
    void rowsOfEveryRowGroupAreRead() throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(FLOATS);
        Path file = dir.resolve("groups.parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(FLOATS)
                .withRowGroupSize(1024L)
                .build()) {
            for (int i = 0; i < 1000; i++) {
                writer.write(groups.newGroup().append("value", (double) i).append("single", (float) i));
            }
        }
        int rowGroups;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            rowGroups = reader.getRowGroups().size();
        }

        List<ReadResult> rows = readAll(file, BatchFormat.PARQUET);

        assertThat(rowGroups).isGreaterThan(1);
        assertThat(rows).hasSize(1000);
        assertThat(rows.get(999).index()).isEqualTo(999L);
        assertThat(rows.get(999).record().get("value").doubleValue()).isEqualTo(999.0);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"SNAPPY", "GZIP", "ZSTD", "LZ4_RAW"})
    void compressedFilesAreRead(CompressionCodecName codec) throws IOException {
        SimpleGroupFactory groups = new SimpleGroupFactory(NESTED);
        Path file = dir.resolve("compressed-" + codec + ".parquet");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(NESTED)
                .withCompressionCodec(codec)
                .build()) {
            writer.write(nestedRow(groups.newGroup()));
        }

        ObjectNode row = readAll(file, BatchFormat.PARQUET).get(0).record();

        assertThat(Json.write(row.get("tags"))).isEqualTo("[\"a\",null,\"c\"]");
        assertThat(row.at("/identityMap/ECID/0/id").textValue()).isEqualTo("123");
    }

    @Test
    void jsonInParquetBatchIsInvalidFile() {
        byte[] json = "{\"a\": 1}\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(json), BatchFormat.PARQUET))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("is not a Parquet file")
                .hasMessageContaining("PAR1");
    }

    @Test
    void parquetInJsonBatchIsInvalidFile() throws IOException {
        Path file = write(FLOATS, new SimpleGroupFactory(FLOATS).newGroup().append("value", 1.0).append("single", 1f));

        assertThatThrownBy(() -> readAll(file, BatchFormat.JSON))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("is a Parquet file")
                .hasMessageContaining("format parquet");
    }

    @Test
    void truncatedFileIsInvalid() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));
        byte[] bytes = Files.readAllBytes(file);
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(truncated), BatchFormat.PARQUET))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void fileOfMagicNumberOnlyIsInvalid() {
        byte[] bytes = "PAR1".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes), BatchFormat.PARQUET))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("4 bytes");
    }

    @Test
    void corruptFooterIsInvalidWithoutTemporaryPath() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));
        byte[] bytes = Files.readAllBytes(file);
        // Overwrite the start of the footer's metadata, which the last 8 bytes locate.
        int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt();
        int footerStart = bytes.length - 8 - footerLength;
        Arrays.fill(bytes, footerStart, footerStart + 16, (byte) 0xFF);

        assertThatThrownBy(() -> readAll(new ByteArrayInputStream(bytes), BatchFormat.PARQUET))
                .isInstanceOf(InvalidFileException.class)
                .hasMessageContaining("footer cannot be read")
                .hasMessageNotContaining("openprofile-batch-");
    }

    @Test
    void damagedPageStopsReadingWithRowError() throws IOException {
        Path file = write(SCALARS, scalarRow(new SimpleGroupFactory(SCALARS).newGroup()));
        byte[] bytes = Files.readAllBytes(file);
        // The first page header starts right after the leading magic number.
        Arrays.fill(bytes, 4, 24, (byte) 0xFF);

        List<ReadResult> results = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(bytes), BatchFormat.PARQUET)) {
            reader.forEachRemaining(results::add);
        }

        assertThat(results).hasSize(1);
        assertThat(results.get(0).isError()).isTrue();
        assertThat(results.get(0).error().message()).startsWith("row 0 cannot be decoded");
        assertThat(results.get(0).error().message()).doesNotContain("openprofile-batch-");
    }

    @Test
    void temporaryCopyIsDeletedOnClose() throws IOException {
        Path file = write(FLOATS, new SimpleGroupFactory(FLOATS).newGroup().append("value", 1.0).append("single", 1f));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = countCopies(tmp);

        try (RecordReader reader = RecordReader.open(Files.newInputStream(file), BatchFormat.PARQUET)) {
            assertThat(countCopies(tmp)).isEqualTo(before + 1);
            assertThat(reader.hasNext()).isTrue();
        }

        assertThat(countCopies(tmp)).isEqualTo(before);
    }

    private static long countCopies(Path tmp) throws IOException {
        try (var files = Files.list(tmp)) {
            return files.filter(path -> path.getFileName().toString().startsWith("openprofile-batch-")).count();
        }
    }

    private static Group scalarRow(Group row) {
        return row.append("flag", true)
                .append("plain32", -7)
                .append("plain64", 9_007_199_254_740_993L)
                .append("tiny", -128)
                .append("unsigned32", -1)
                .append("unsigned64", -1L)
                .append("ratio", 0.1f)
                .append("score", 2.5)
                .append("name", "Zoë")
                .append("color", "GREEN")
                .append("payload", "{\"a\":1}")
                .append("raw", Binary.fromConstantByteArray(new byte[] {0, 1, (byte) 0xFF}))
                .append("uuid", uuid("123e4567-e89b-12d3-a456-426614174000"))
                .append("price32", -1234)
                .append("price64", 123_456_789_012_345_678L)
                .append("priceFixed", fixed16(new BigInteger("-12345678901234567890123456780123456789")))
                .append("priceBinary", Binary.fromConstantByteArray(
                        new BigInteger("98765432109876543210001").toByteArray()))
                .append("day", EPOCH_DAY)
                .append("timeMillis", (int) (NANOS_OF_DAY / 1_000_000))
                .append("timeMicros", NANOS_OF_DAY / 1_000)
                .append("timeNanos", NANOS_OF_DAY)
                .append("tsMillis", EPOCH_MILLIS)
                .append("tsMicros", EPOCH_MICROS)
                .append("tsNanos", EPOCH_NANOS)
                .append("tsLocalMillis", EPOCH_MILLIS)
                .append("tsLocalNanos", EPOCH_NANOS)
                .append("tsInt96", new NanoTime(JULIAN_DAY, NANOS_OF_DAY))
                .append("beforeEpoch", -1L);
    }

    private static Group nestedRow(Group row) {
        Group map = row.addGroup("identityMap");
        Group ecid = map.addGroup("key_value").append("key", "ECID");
        ecid.addGroup("value").addGroup("list").addGroup("element").append("id", "123").append("primary", true);
        Group email = map.addGroup("key_value").append("key", "Email");
        email.addGroup("value").addGroup("list").addGroup("element").append("id", "a@example.com");

        Group tags = row.addGroup("tags");
        tags.addGroup("list").append("element", "a");
        tags.addGroup("list");
        tags.addGroup("list").append("element", "c");
        row.addGroup("legacyNumbers").append("element", 1).append("element", 2);
        Group items = row.addGroup("legacyItems");
        items.addGroup("array").append("sku", "X");
        items.addGroup("array").append("sku", "Y");
        row.addGroup("pairs").addGroup("pairs_tuple").append("name", "p");
        row.append("codes", "p").append("codes", "q");
        row.addGroup("person").addGroup("name").append("firstName", "Jane");
        row.addGroup("empty");
        row.addGroup("emptyList");
        return row;
    }

    private static Binary uuid(String text) {
        UUID uuid = UUID.fromString(text);
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Binary.fromConstantByteArray(bytes.array());
    }

    /** Returns the two's complement big-endian form of a value, sign-extended to 16 bytes. */
    private static Binary fixed16(BigInteger value) {
        byte[] minimal = value.toByteArray();
        byte[] padded = new byte[16];
        Arrays.fill(padded, 0, 16 - minimal.length, value.signum() < 0 ? (byte) 0xFF : 0);
        System.arraycopy(minimal, 0, padded, 16 - minimal.length, minimal.length);
        return Binary.fromConstantByteArray(padded);
    }

    private Path write(MessageType schema, Group... rows) throws IOException {
        Path file = dir.resolve(schema.getName() + System.nanoTime() + ".parquet");
        ParquetFiles.write(file, schema, rows);
        return file;
    }

    private static List<ReadResult> readAll(Path file, BatchFormat format) throws IOException {
        return readAll(Files.newInputStream(file), format);
    }

    private static List<ReadResult> readAll(InputStream in, BatchFormat format) throws IOException {
        List<ReadResult> results = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(in, format)) {
            reader.forEachRemaining(results::add);
        }
        for (ReadResult result : results) {
            assertThat(result.isError()).as("row %d: %s", result.index(), result.error()).isFalse();
        }
        return results;
    }
}
