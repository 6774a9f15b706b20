package io.openprofile.server.mergepolicy;

import io.openprofile.server.error.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Position in a merge policy list: the name and id of the last policy of the previous page, as an
 * opaque URL-safe token.
 */
record MergePolicyCursor(String name, String id) {

    private static final char SEPARATOR = '\u0000';

    String encode() {
        String text = name + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a {@code start} parameter; anything this class did not produce is a 400. */
    static MergePolicyCursor decode(String start) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(start), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(start);
        }
        int separator = text.indexOf(SEPARATOR);
        if (separator < 0) {
            throw invalid(start);
        }
        return new MergePolicyCursor(text.substring(0, separator), text.substring(separator + 1));
    }

    private static DomainException invalid(String start) {
        return DomainException.invalid("start", start,
                "must be the _page.next value of an earlier merge policy list; omit it for the first page");
    }
}
