package io.openprofile.server.ingest;

import java.util.Arrays;

/** Byte-level helpers for UTF-8 encoded JSON input. */
final class Utf8 {

    private Utf8() {
    }

    static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (!isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF;
    }

    static byte[] stripByteOrderMark(byte[] bytes) {
        return startsWithByteOrderMark(bytes) ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
    }
}
