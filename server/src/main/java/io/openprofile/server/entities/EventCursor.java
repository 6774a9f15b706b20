package io.openprofile.server.entities;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Objects;

/**
 * Opaque, URL-safe paging cursor for experience events: the sort key of the last event of a page.
 *
 * <p>Events are ordered by (timestamp, dataset id, event id, identity key), ascending or descending, and the next
 * page starts after the cursor's position. The encoding is a version byte, the fields, and the first
 * {@value #CHECKSUM_BYTES} bytes of their SHA-256, in unpadded base64url. The checksum detects edited or
 * truncated cursors. It is not a secret signature, so a client could forge a cursor, but a forged cursor only
 * moves the start position within events that the caller may read anyway.
 *
 * @param timestamp event time in epoch milliseconds
 * @param datasetId dataset of the event
 * @param eventId the event's {@code _id}
 * @param identityKey key of the identity the event is stored under
 * @param descending {@code true} for newest-first paging
 */
public record EventCursor(long timestamp, String datasetId, String eventId, String identityKey,
        boolean descending) {

    static final int CHECKSUM_BYTES = 8;
    private static final byte VERSION = 1;

    /** Ascending order of event positions. */
    private static final Comparator<EventCursor> ASCENDING = Comparator
            .comparingLong(EventCursor::timestamp)
            .thenComparing(EventCursor::datasetId)
            .thenComparing(EventCursor::eventId)
            .thenComparing(EventCursor::identityKey);

    public EventCursor {
        Objects.requireNonNull(datasetId, "datasetId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(identityKey, "identityKey");
    }

    /** Returns the cursor as an opaque URL-safe string. */
    public String encode() {
        byte[] payload = payload();
        byte[] encoded = Arrays.copyOf(payload, payload.length + CHECKSUM_BYTES);
        System.arraycopy(checksum(payload), 0, encoded, payload.length, CHECKSUM_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(encoded);
    }

    /**
     * Decodes a cursor made by {@link #encode()}.
     *
     * @throws IllegalArgumentException if the text is not base64url, was modified, or is not a cursor
     */
    public static EventCursor decode(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid("it is not base64url text");
        }
        if (bytes.length <= CHECKSUM_BYTES) {
            throw invalid("it is too short");
        }
        byte[] payload = Arrays.copyOf(bytes, bytes.length - CHECKSUM_BYTES);
        byte[] checksum = Arrays.copyOfRange(bytes, payload.length, bytes.length);
        if (!MessageDigest.isEqual(checksum, checksum(payload))) {
            throw invalid("its checksum does not match, so it was modified");
        }
        return readPayload(payload);
    }

    /**
     * Returns {@code true} if an event at the given position comes after this cursor in the cursor's direction, so
     * it belongs to the next page.
     */
    public boolean precedes(long eventTimestamp, String eventDatasetId, String eventEventId,
            String eventIdentityKey) {
        EventCursor event = new EventCursor(eventTimestamp, eventDatasetId, eventEventId, eventIdentityKey,
                descending);
        int comparison = ASCENDING.compare(event, this);
        return descending ? comparison < 0 : comparison > 0;
    }

    private byte[] payload() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(timestamp);
            out.writeBoolean(descending);
            out.writeUTF(datasetId);
            out.writeUTF(eventId);
            out.writeUTF(identityKey);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    private static EventCursor readPayload(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readByte() != VERSION) {
                throw invalid("its version is not supported");
            }
            EventCursor cursor = readFields(in);
            if (in.available() > 0) {
                throw invalid("it has trailing bytes");
            }
            return cursor;
        } catch (IOException e) {
            throw invalid("its content is truncated or corrupt");
        }
    }

    private static EventCursor readFields(DataInputStream in) throws IOException {
        long timestamp = in.readLong();
        boolean descending = in.readBoolean();
        String datasetId = in.readUTF();
        String eventId = in.readUTF();
        String identityKey = in.readUTF();
        return new EventCursor(timestamp, datasetId, eventId, identityKey, descending);
    }

    private static byte[] checksum(byte[] payload) {
        try {
            return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(payload), CHECKSUM_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }

    private static IllegalArgumentException invalid(String reason) {
        return new IllegalArgumentException("invalid paging cursor: " + reason
                + "; use the cursor from the previous page's _links.next unchanged");
    }
}
