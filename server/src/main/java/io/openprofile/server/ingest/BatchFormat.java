package io.openprofile.server.ingest;

import java.util.Locale;
import java.util.Optional;

/** File format of every file in a batch, as named by {@code inputFormat.format} when the batch is created. */
public enum BatchFormat {
    /** One JSON array of records, or JSON Lines. */
    JSON("json"),
    /** Apache Parquet, one record per row. */
    PARQUET("parquet");

    private final String wireName;

    BatchFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses a format name case-insensitively, or returns empty for an unknown name. */
    public static Optional<BatchFormat> parse(String name) {
        String normalized = name.toLowerCase(Locale.ROOT);
        for (BatchFormat format : values()) {
            if (format.wireName.equals(normalized)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
