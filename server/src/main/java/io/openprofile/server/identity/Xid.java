package io.openprofile.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * Entity id (XID) of an identity: a deterministic, URL-safe string that clients may store and send back.
 *
 * <p>The XID is the unpadded base64url encoding of the first 20 bytes of SHA-256 over the lower-cased namespace
 * code, a NUL byte and the identity value, all in UTF-8, which gives 27 characters. This derivation is part of the
 * public contract and must never change, because clients keep XIDs.
 */
public final class Xid {

    private static final int HASH_BYTES = 20;

    private Xid() {
    }

    /** Returns the XID of an identity. */
    public static String of(Identity identity) {
        byte[] input = (identity.namespace().toLowerCase(Locale.ROOT) + '\0' + identity.id())
                .getBytes(StandardCharsets.UTF_8);
        byte[] hash = Arrays.copyOf(sha256(input), HASH_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
