package io.openprofile.server.ingest;

import java.io.IOException;

/**
 * Thrown when a whole file cannot be read in the batch's format, such as a truncated Parquet file or a JSON file
 * in a Parquet batch. The message completes the sentence "file NAME ..." so that the caller can name the file.
 */
public final class InvalidFileException extends IOException {

    public InvalidFileException(String message) {
        super(message);
    }

    public InvalidFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
