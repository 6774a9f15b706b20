package io.openprofile.server.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCursorTest {

    private static final EventCursor CURSOR = new EventCursor(1_531_260_476_000L, "5c802d3cd83fc114b741c4b5",
            "e722bbcc-9653-4715-8ff6-545b314061f2", "ecid\u000069960801606195929931106976567378624601", false);

    @Test
    void encodeDecodeRoundTrip() {
        assertThat(EventCursor.decode(CURSOR.encode())).isEqualTo(CURSOR);
    }

    @Test
    void descendingFlagRoundTrips() {
        EventCursor descending = new EventCursor(-5, "d", "é✓", "k", true);

        assertThat(EventCursor.decode(descending.encode())).isEqualTo(descending);
    }

    @Test
    void encodedCursorIsUrlSafe() {
        assertThat(CURSOR.encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void tamperedCursorIsRejected() {
        byte[] bytes = Base64.getUrlDecoder().decode(CURSOR.encode());
        bytes[5] ^= 0x01;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> EventCursor.decode(tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void truncatedCursorIsRejected() {
        String encoded = CURSOR.encode();

        assertThatThrownBy(() -> EventCursor.decode(encoded.substring(0, encoded.length() - 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "not a cursor!", "====", "AAAAAAAAAAAAAAAAAAAA"})
    void malformedCursorIsRejected(String text) {
        assertThatThrownBy(() -> EventCursor.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid paging cursor");
    }

    @Test
    void ascendingCursorPrecedesLaterEvents() {
        assertThat(CURSOR.precedes(CURSOR.timestamp() + 1, "a", "a", "a")).isTrue();
        assertThat(CURSOR.precedes(CURSOR.timestamp() - 1, "z", "z", "z")).isFalse();
        assertThat(CURSOR.precedes(CURSOR.timestamp(), CURSOR.datasetId(), CURSOR.eventId(), CURSOR.identityKey()))
                .isFalse();
    }

    @Test
    void tiesAreBrokenByDatasetEventAndIdentity() {
        long time = CURSOR.timestamp();

        assertThat(CURSOR.precedes(time, "6", "a", "a")).isTrue();
        assertThat(CURSOR.precedes(time, CURSOR.datasetId(), "f", "a")).isTrue();
        assertThat(CURSOR.precedes(time, CURSOR.datasetId(), CURSOR.eventId(), "z")).isTrue();
        assertThat(CURSOR.precedes(time, CURSOR.datasetId(), CURSOR.eventId(), "a")).isFalse();
    }

    @Test
    void descendingCursorPrecedesEarlierEvents() {
        EventCursor descending = new EventCursor(1000, "d", "e", "k", true);

        assertThat(descending.precedes(999, "z", "z", "z")).isTrue();
        assertThat(descending.precedes(1001, "a", "a", "a")).isFalse();
        assertThat(descending.precedes(1000, "d", "e", "j")).isTrue();
    }
}
