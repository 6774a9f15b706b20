package io.openprofile.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Reads about 200 MB of generated records and checks that memory stays far below the input size, which shows
 * that the reader streams instead of buffering the file.
 */
class LargeInputTest {

    private static final long TARGET_BYTES = 200L * 1024 * 1024;
    private static final long MAX_RETAINED_GROWTH = 64L * 1024 * 1024;

    @Test
    void largeJsonLinesStreamIsNotBuffered() throws IOException {
        GeneratedRecords input = new GeneratedRecords(TARGET_BYTES, false);

        long count = countRecordsWatchingMemory(input);

        assertThat(count).isEqualTo(input.recordCount());
        assertThat(input.bytesServed()).isGreaterThanOrEqualTo(TARGET_BYTES);
    }

    @Test
    void largeJsonArrayStreamIsNotBuffered() throws IOException {
        GeneratedRecords input = new GeneratedRecords(TARGET_BYTES, true);

        long count = countRecordsWatchingMemory(input);

        assertThat(count).isEqualTo(input.recordCount());
    }

    private static long countRecordsWatchingMemory(InputStream input) throws IOException {
        long baseline = usedMemoryAfterGc();
        long count = 0;
        long maxGrowth = 0;
        try (RecordReader reader = RecordReader.open(input)) {
            while (reader.hasNext()) {
                ReadResult result = reader.next();
                assertThat(result.isError()).as("record %d failed: %s", count, result.error()).isFalse();
                count++;
                if (count % 200_000 == 0) {
                    maxGrowth = Math.max(maxGrowth, usedMemoryAfterGc() - baseline);
                }
            }
        }
        assertThat(maxGrowth).as("retained heap growth while reading").isLessThan(MAX_RETAINED_GROWTH);
        return count;
    }

    private static long usedMemoryAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Input stream that generates records on the fly, so the test itself keeps no file in memory. */
    private static final class GeneratedRecords extends InputStream {

        private final long targetBytes;
        private final boolean array;
        private byte[] chunk = new byte[0];
        private int position;
        private long served;
        private long records;
        private boolean started;
        private boolean finished;

        GeneratedRecords(long targetBytes, boolean array) {
            this.targetBytes = targetBytes;
            this.array = array;
        }

        long recordCount() {
            return records;
        }

        long bytesServed() {
            return served;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == chunk.length && !nextChunk()) {
                return -1;
            }
            int count = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, count);
            position += count;
            served += count;
            return count;
        }

        private boolean nextChunk() {
            if (finished) {
                return false;
            }
            String text;
            if (served >= targetBytes) {
                finished = true;
                text = array ? "\n]\n" : "";
            } else {
                String separator = array ? ",\n" : "\n";
                if (!started) {
                    separator = array ? "[\n" : "";
                }
                started = true;
                text = separator + "{\"identityMap\":{\"ECID\":[{\"id\":\"" + (10_000_000_000L + records)
                        + "\",\"primary\":true}]},\"person\":{\"name\":{\"firstName\":\"Pat\",\"lastName\":\"Lee\"}},"
                        + "\"homeAddress\":{\"city\":\"Portland\",\"postalCode\":\"97201\"}}";
                records++;
            }
            chunk = text.getBytes(StandardCharsets.UTF_8);
            position = 0;
            return chunk.length > 0;
        }
    }
}
