package io.openprofile.server.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads records with one streaming parser over the whole input: either the elements of one top-level JSON array
 * or a sequence of top-level values. A syntax error ends reading, because the parser cannot resynchronise.
 */
final class JsonValueSource implements RecordSource {

    private final ObjectMapper mapper;
    private final JsonParser parser;
    private final boolean array;
    private boolean started;
    private boolean finished;
    private long nextIndex;

    JsonValueSource(ObjectMapper mapper, InputStream in, boolean array) throws IOException {
        this.mapper = mapper;
        this.parser = mapper.getFactory().createParser(in);
        this.array = array;
    }

    @Override
    public ReadResult next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            return nextItem();
        } catch (StreamReadException | StreamConstraintsException e) {
            finished = true;
            return ReadResult.ofError(nextIndex++, syntaxError(e));
        }
    }

    private ReadResult nextItem() throws IOException {
        if (!started) {
            started = true;
            if (array) {
                parser.nextToken();
            }
        }
        JsonToken token = parser.nextToken();
        if (token == null) {
            return endOfInput();
        }
        if (array && token == JsonToken.END_ARRAY) {
            return afterArray();
        }
        return readItem(token);
    }

    private ReadResult endOfInput() {
        finished = true;
        if (!array) {
            return null;
        }
        JsonLocation location = parser.currentLocation();
        String message = "the JSON array is not closed: input ended at line " + location.getLineNr()
                + ", column " + location.getColumnNr();
        return ReadResult.ofError(nextIndex++,
                new ParseError(message, location.getLineNr(), location.getColumnNr()));
    }

    private ReadResult afterArray() throws IOException {
        finished = true;
        if (parser.nextToken() == null) {
            return null;
        }
        JsonLocation location = parser.currentTokenLocation();
        String message = "unexpected content after the closing ']' of the JSON array at line "
                + location.getLineNr() + ", column " + location.getColumnNr();
        return ReadResult.ofError(nextIndex++,
                new ParseError(message, location.getLineNr(), location.getColumnNr()));
    }

    private ReadResult readItem(JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT) {
            // Read before counting, so that a syntax error inside the object keeps this record's index.
            ObjectNode record = mapper.readTree(parser);
            return ReadResult.ofRecord(nextIndex++, record);
        }
        JsonLocation location = parser.currentTokenLocation();
        parser.skipChildren();
        String message = JsonTypes.notAnObject(nextIndex, token) + " (line " + location.getLineNr() + ", column "
                + location.getColumnNr() + ")";
        return ReadResult.ofError(nextIndex++,
                new ParseError(message, location.getLineNr(), location.getColumnNr()));
    }

    private ParseError syntaxError(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        long line = location == null ? 0 : location.getLineNr();
        long column = location == null ? 0 : location.getColumnNr();
        String message = "record " + nextIndex + " is not valid JSON at line " + line + ", column " + column
                + ": " + JsonTypes.reason(e) + "; reading stopped because the rest of the file cannot be"
                + " located reliably";
        return new ParseError(message, line, column);
    }
}
