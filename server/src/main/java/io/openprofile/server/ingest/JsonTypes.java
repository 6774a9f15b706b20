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

    /**
     * Returns a parser failure's reason without Jackson's source excerpt or the names of its
     * configuration classes, which mean nothing to the sender of the file.
     */
    static String reason(com.fasterxml.jackson.core.JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : e.getOriginalMessage();
        int internal = message.indexOf(", from `");
        if (internal > 0) {
            message = message.substring(0, internal) + ")";
        }
        int source = message.indexOf("\n at [Source");
        return source > 0 ? message.substring(0, source) : message;
    }
}
