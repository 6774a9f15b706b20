package io.openprofile.server.ingest;

import com.fasterxml.jackson.core.JsonToken;

/** Names JSON token types the way an error message to a data engineer should. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(JsonToken token) {
        switch (token) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.toString();
        }
    }

    static String notAnObject(long index, JsonToken token) {
        return "record " + index + " is " + describe(token) + ", but every record must be a JSON object";
    }
}
