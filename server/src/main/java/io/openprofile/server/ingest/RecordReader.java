package io.openprofile.server.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads records one at a time from a JSON input file without loading the whole file, so that files of hundreds of
 * megabytes need only the memory of their largest record.
 *
 * <p>The layout is detected from the first non-whitespace byte:
 * <ul>
 *   <li>{@code [}: one JSON array of objects. A syntax error ends reading with one error.</li>
 *   <li>anything else: JSON Lines, one record per line. A malformed line is an error for that record and reading
 *   continues with the next line. Blank lines are skipped and several objects on one line are separate records.
 *   </li>
 *   <li>When the first non-blank line is an incomplete JSON value (such as a lone <code>{</code>), the input is
 *   read as concatenated values that may span lines, such as pretty-printed objects one after another. A syntax
 *   error then ends reading with one error.</li>
 * </ul>
 * Items that are not objects (numbers, strings, arrays, {@code null}) are per-record errors in every layout.
 * I/O failures of the underlying stream are thrown as {@link UncheckedIOException} from {@link #hasNext()}.
 *
 * <p>A Parquet file is read row by row instead (see {@link ParquetSource}); a decoding error there also ends
 * reading with one error.
 */
public final class RecordReader implements Iterator<ReadResult>, Closeable {

    private static final ObjectMapper DEFAULT_MAPPER = new ObjectMapper();
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Closeable resource;
    private final RecordSource source;
    private ReadResult lookahead;
    private boolean exhausted;

    private RecordReader(Closeable resource, RecordSource source) {
        this.resource = resource;
        this.source = source;
    }

    /** Opens a reader of JSON with a default {@link ObjectMapper}. The reader owns the stream and closes it. */
    public static RecordReader open(InputStream in) throws IOException {
        return open(in, DEFAULT_MAPPER);
    }

    /**
     * Opens a reader for one file of a batch in the given format. The reader owns the stream and closes it.
     *
     * @throws InvalidFileException when the file is not in that format, such as a Parquet file in a JSON batch
     */
    public static RecordReader open(InputStream in, BatchFormat format) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
        boolean parquet = startsWithParquetMagic(buffered);
        if (format == BatchFormat.PARQUET) {
            if (!parquet) {
                buffered.close();
                throw new InvalidFileException("is not a Parquet file: it does not start with the magic number "
                        + "PAR1, but the batch was created with inputFormat.format parquet; upload JSON files "
                        + "to a batch created with format json");
            }
            return openParquet(buffered);
        }
        if (parquet) {
            buffered.close();
            throw new InvalidFileException("is a Parquet file, but the batch was created with inputFormat.format "
                    + "json; upload Parquet files to a batch created with format parquet");
        }
        return new RecordReader(buffered, detectSource(buffered, DEFAULT_MAPPER));
    }

    private static RecordReader openParquet(InputStream in) throws IOException {
        ParquetSource source;
        try (in) {
            source = ParquetSource.open(in);
        }
        return new RecordReader(source, source);
    }

    private static boolean startsWithParquetMagic(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        return ParquetSource.hasMagic(head);
    }

    /** Opens a reader that builds records with the given mapper. The reader owns the stream and closes it. */
    public static RecordReader open(InputStream in, ObjectMapper mapper) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_SIZE);
        RecordSource source = detectSource(buffered, mapper);
        return new RecordReader(buffered, source);
    }

    private static RecordSource detectSource(BufferedInputStream in, ObjectMapper mapper) throws IOException {
        // The mark lets detection look ahead and then hand the untouched stream to the chosen source.
        in.mark(Integer.MAX_VALUE);
        int first = firstSignificantByte(in);
        // NOTE: a JSON Lines file whose first record is cut off mid-line is also taken as concatenated input, so
        // reading stops at that record instead of resuming on the next line.
        boolean concatenated = first != '[' && first != -1 && firstLineIsIncomplete(in, mapper);
        in.reset();
        // A zero mark limit lets the buffer forget the look-ahead instead of growing with the file.
        in.mark(0);
        if (first == -1) {
            return () -> null;
        }
        if (first == '[' || concatenated) {
            return new JsonValueSource(mapper, in, first == '[');
        }
        return new JsonLinesSource(mapper, in);
    }

    private static int firstSignificantByte(InputStream in) throws IOException {
        int b = in.read();
        if (b == 0xEF) {
            // Skip a UTF-8 byte order mark, EF BB BF.
            in.read();
            in.read();
            b = in.read();
        }
        while (b != -1 && Utf8.isWhitespace(b)) {
            b = in.read();
        }
        return b;
    }

    private static boolean firstLineIsIncomplete(InputStream in, ObjectMapper mapper) throws IOException {
        // The significant byte already read sits on the first non-blank line, so finish that line and test it.
        in.reset();
        LineInput lines = new LineInput(in);
        byte[] line = Utf8.stripByteOrderMark(lines.nextLine());
        while (Utf8.isBlank(line)) {
            line = lines.nextLine();
        }
        try (JsonParser parser = mapper.getFactory().createParser(line)) {
            JsonToken token = parser.nextToken();
            parser.skipChildren();
            return token == JsonToken.START_OBJECT && parser.currentToken() != JsonToken.END_OBJECT;
        } catch (JsonEOFException e) {
            return true;
        } catch (StreamReadException | StreamConstraintsException e) {
            // The line-by-line reader reports the same problem as an error of this record.
            return false;
        }
    }

    @Override
    public boolean hasNext() {
        if (lookahead == null && !exhausted) {
            try {
                lookahead = source.next();
            } catch (IOException e) {
                throw new UncheckedIOException("failed to read the input stream", e);
            }
            exhausted = lookahead == null;
        }
        return lookahead != null;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more records");
        }
        ReadResult result = lookahead;
        lookahead = null;
        return result;
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }
}
