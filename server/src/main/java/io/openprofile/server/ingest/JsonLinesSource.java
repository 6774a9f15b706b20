package io.openprofile.server.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads JSON Lines, where each line contains one record or several concatenated ones. A malformed line is an error
 * for that line only, so reading resumes on the next line.
 */
final class JsonLinesSource implements RecordSource {

    private final ObjectMapper mapper;
    private final LineInput lines;
    private final Deque<ReadResult> pending = new ArrayDeque<>();
    private long lineNumber;
    private long nextIndex;

    JsonLinesSource(ObjectMapper mapper, InputStream in) {
        this.mapper = mapper;
        this.lines = new LineInput(in);
    }

    @Override
    public ReadResult next() throws IOException {
        while (pending.isEmpty()) {
            byte[] line = lines.nextLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1) {
                line = Utf8.stripByteOrderMark(line);
            }
            if (!Utf8.isBlank(line)) {
                readLine(line);
            }
        }
        return pending.poll();
    }

    private void readLine(byte[] line) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(line)) {
            readValues(parser);
        } catch (StreamReadException | StreamConstraintsException e) {
            pending.add(ReadResult.ofError(nextIndex++, error(e)));
        }
    }

    private void readValues(JsonParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.START_OBJECT) {
                ObjectNode record = mapper.readTree(parser);
                pending.add(ReadResult.ofRecord(nextIndex++, record));
            } else {
                long column = parser.currentTokenLocation().getColumnNr();
                parser.skipChildren();
                String message = JsonTypes.notAnObject(nextIndex, token) + " (line " + lineNumber + ", column "
                        + column + ")";
                pending.add(ReadResult.ofError(nextIndex++, new ParseError(message, lineNumber, column)));
            }
        }
    }

    private ParseError error(JsonProcessingException e) {
        long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        String message = "record " + nextIndex + " is not valid JSON at line " + lineNumber + ", column " + column
                + ": " + JsonTypes.reason(e);
        return new ParseError(message, lineNumber, column);
    }
}
