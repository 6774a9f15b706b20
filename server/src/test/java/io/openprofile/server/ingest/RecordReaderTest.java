package io.openprofile.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class RecordReaderTest {

    private static List<ReadResult> readAll(String text) throws IOException {
        return readAll(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<ReadResult> readAll(InputStream in) throws IOException {
        List<ReadResult> results = new ArrayList<>();
        try (RecordReader reader = RecordReader.open(in)) {
            reader.forEachRemaining(results::add);
        }
        return results;
    }

    @Test
    void emptyFileYieldsNoRecords() throws IOException {
        assertThat(readAll("")).isEmpty();
    }

    @Test
    void whitespaceOnlyFileYieldsNoRecords() throws IOException {
        assertThat(readAll(" \n\r\n\t ")).isEmpty();
    }

    @Test
    void jsonArrayYieldsEachObject() throws IOException {
        List<ReadResult> results = readAll("[\n {\"a\": 1},\n {\"a\": 2}\n]\n");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).index()).isEqualTo(0);
        assertThat(results.get(0).record().get("a").asInt()).isEqualTo(1);
        assertThat(results.get(1).index()).isEqualTo(1);
        assertThat(results.get(1).record().get("a").asInt()).isEqualTo(2);
    }

    @Test
    void emptyJsonArrayYieldsNoRecords() throws IOException {
        assertThat(readAll("  []  ")).isEmpty();
    }

    @Test
    void jsonArrayNonObjectItemsAreRecordErrors() throws IOException {
        List<ReadResult> results = readAll("[1, \"text\", [2, 3], null, {\"ok\": true}]");

        assertThat(results).hasSize(5);
        assertThat(results.get(0).error().message()).contains("record 0 is a number");
        assertThat(results.get(1).error().message()).contains("record 1 is a string");
        assertThat(results.get(2).error().message()).contains("record 2 is an array");
        assertThat(results.get(3).error().message()).contains("record 3 is null");
        assertThat(results.get(4).record().get("ok").asBoolean()).isTrue();
    }

    @Test
    void jsonArraySyntaxErrorEndsReading() throws IOException {
        List<ReadResult> results = readAll("[\n{\"a\": 1},\n{\"a\" 2},\n{\"a\": 3}\n]");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).isError()).isFalse();
        ReadResult failure = results.get(1);
        assertThat(failure.index()).isEqualTo(1);
        assertThat(failure.error().line()).isEqualTo(3);
        assertThat(failure.error().column()).isGreaterThan(0);
        assertThat(failure.error().message()).contains("line 3, column");
    }

    @Test
    void jsonArrayNotClosedIsError() throws IOException {
        List<ReadResult> results = readAll("[{\"a\": 1},");

        assertThat(results).hasSize(2);
        assertThat(results.get(1).isError()).isTrue();
    }

    @Test
    void contentAfterJsonArrayIsError() throws IOException {
        List<ReadResult> results = readAll("[{\"a\": 1}] {\"b\": 2}");

        assertThat(results).hasSize(2);
        assertThat(results.get(1).error().message()).contains("after the closing ']'");
    }

    @Test
    void jsonLinesYieldsEachLine() throws IOException {
        List<ReadResult> results = readAll("{\"a\": 1}\n{\"a\": 2}\r\n{\"a\": 3}");

        assertThat(results).extracting(result -> result.record().get("a").asInt()).containsExactly(1, 2, 3);
        assertThat(results).extracting(ReadResult::index).containsExactly(0L, 1L, 2L);
    }

    @Test
    void jsonLinesMalformedLineIsRecordError() throws IOException {
        List<ReadResult> results = readAll("{\"a\": 1}\n{\"a\": }\n{\"a\": 3}\n");

        assertThat(results).hasSize(3);
        assertThat(results.get(0).record().get("a").asInt()).isEqualTo(1);
        assertThat(results.get(1).isError()).isTrue();
        assertThat(results.get(1).index()).isEqualTo(1);
        assertThat(results.get(1).error().line()).isEqualTo(2);
        assertThat(results.get(1).error().column()).isEqualTo(7);
        assertThat(results.get(1).error().message()).contains("line 2, column 7");
        assertThat(results.get(2).record().get("a").asInt()).isEqualTo(3);
    }

    @Test
    void jsonLinesTruncatedLaterLineIsRecordError() throws IOException {
        List<ReadResult> results = readAll("{\"a\": 1}\n{\"a\": \n{\"a\": 3}\n");

        assertThat(results).hasSize(3);
        assertThat(results.get(1).isError()).isTrue();
        assertThat(results.get(2).record().get("a").asInt()).isEqualTo(3);
    }

    @Test
    void blankLinesSkippedButCounted() throws IOException {
        List<ReadResult> results = readAll("\n{\"a\": 1}\n\n   \n[1]\n");

        assertThat(results).hasSize(2);
        assertThat(results.get(1).index()).isEqualTo(1);
        assertThat(results.get(1).error().line()).isEqualTo(5);
        assertThat(results.get(1).error().message()).contains("record 1 is an array");
    }

    @Test
    void jsonLinesNonObjectLineIsRecordError() throws IOException {
        List<ReadResult> results = readAll("{\"a\": 1}\n42\n\"text\"\n");

        assertThat(results).hasSize(3);
        assertThat(results.get(1).error().message()).contains("is a number");
        assertThat(results.get(2).error().message()).contains("is a string");
    }

    @Test
    void severalObjectsOnOneLineAreSeparateRecords() throws IOException {
        List<ReadResult> results = readAll("{\"a\": 1} {\"a\": 2}\n{\"a\": 3}");

        assertThat(results).extracting(result -> result.record().get("a").asInt()).containsExactly(1, 2, 3);
    }

    @Test
    void prettyPrintedConcatenatedObjectsAreRead() throws IOException {
        List<ReadResult> results = readAll("{\n  \"a\": 1\n}\n{\n  \"a\": 2\n}\n");

        assertThat(results).extracting(result -> result.record().get("a").asInt()).containsExactly(1, 2);
    }

    @Test
    void concatenatedSyntaxErrorEndsReadingWithLine() throws IOException {
        List<ReadResult> results = readAll("\n{\n  \"a\": 1\n}\n{\n  \"a\" 2\n}\n{\"a\": 3}\n");

        assertThat(results).hasSize(2);
        assertThat(results.get(1).error().line()).isEqualTo(6);
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "{\"a\": 1}\n{\"a\": 2}".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, input, 0, bom.length);
        System.arraycopy(body, 0, input, bom.length, body.length);

        List<ReadResult> results = readAll(new ByteArrayInputStream(input));

        assertThat(results).hasSize(2);
        assertThat(results.get(0).record().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void byteOrderMarkBeforeArrayIsIgnored() throws IOException {
        byte[] input = "\uFEFF[{\"a\": 1}]".getBytes(StandardCharsets.UTF_8);

        List<ReadResult> results = readAll(new ByteArrayInputStream(input));

        assertThat(results).hasSize(1);
        assertThat(results.get(0).record().get("a").asInt()).isEqualTo(1);
    }

    @Test
    void nextAfterEndThrows() throws IOException {
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(new byte[0]))) {
            assertThat(reader.hasNext()).isFalse();
            assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
        }
    }

    @Test
    void ioFailureIsUnchecked() throws IOException {
        InputStream failing = new InputStream() {
            private int calls;

            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (calls++ == 0) {
                    byte[] start = "[{\"a\": 1},".getBytes(StandardCharsets.UTF_8);
                    System.arraycopy(start, 0, buffer, offset, start.length);
                    return start.length;
                }
                throw new IOException("disk gone");
            }
        };

        try (RecordReader reader = RecordReader.open(failing)) {
            assertThat(reader.next().record().get("a").asInt()).isEqualTo(1);
            assertThatThrownBy(reader::hasNext).isInstanceOf(UncheckedIOException.class);
        }
    }
}
