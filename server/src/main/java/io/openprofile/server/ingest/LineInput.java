package io.openprofile.server.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Splits a byte stream into lines at {@code \n}, holding only the current line in memory. */
final class LineInput {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;

    LineInput(InputStream in) {
        this.in = in;
    }

    /**
     * Returns the next line without its {@code \n} or {@code \r\n}, or {@code null} at the end of input.
     *
     * <p>NOTE: a line has no length limit yet, so one huge line is held in memory whole.
     */
    byte[] nextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean readAnything = false;
        while (true) {
            if (position == limit && !fill()) {
                return readAnything ? stripCarriageReturn(line.toByteArray()) : null;
            }
            readAnything = true;
            int newline = indexOfNewline();
            if (newline >= 0) {
                line.write(buffer, position, newline - position);
                position = newline + 1;
                return stripCarriageReturn(line.toByteArray());
            }
            line.write(buffer, position, limit - position);
            position = limit;
        }
    }

    private boolean fill() throws IOException {
        int count = in.read(buffer);
        position = 0;
        limit = Math.max(count, 0);
        return count > 0;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] stripCarriageReturn(byte[] line) {
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return java.util.Arrays.copyOf(line, line.length - 1);
        }
        return line;
    }
}
