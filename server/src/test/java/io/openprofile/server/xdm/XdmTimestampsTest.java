package io.openprofile.server.xdm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XdmTimestampsTest {

    @ParameterizedTest
    @CsvSource({
        "2020-08-11T00:00:00Z, 2020-08-11T00:00:00Z",
        "2017-09-26T15:52:25+00:00, 2017-09-26T15:52:25Z",
        "2018-10-18T15:59:10-08:00, 2018-10-18T23:59:10Z",
        "2018-10-18T15:59:10-0800, 2018-10-18T23:59:10Z",
        "2020-08-11T00:00:00, 2020-08-11T00:00:00Z",
        "2020-08-11T00:00:00.123, 2020-08-11T00:00:00.123Z",
        "2018-11-05T10:20:30.123456789Z, 2018-11-05T10:20:30.123456789Z",
        "2024-03-09 12:21:43.0, 2024-03-09T12:21:43Z",
        "2020-07-20, 2020-07-20T00:00:00Z"
    })
    void acceptedFormsParseToInstant(String text, String expectedInstant) {
        assertThat(XdmTimestamps.parse(text).map(OffsetDateTime::toInstant).map(Object::toString))
                .contains(expectedInstant);
    }

    @Test
    void offsetIsKept() {
        OffsetDateTime parsed = XdmTimestamps.parse("2018-10-18T15:59:10-08:00").orElseThrow();

        assertThat(parsed.getOffset()).isEqualTo(ZoneOffset.ofHours(-8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2020-13-01T00:00:00Z", "2020-08-11T25:00:00Z", "1597104000000",
        "2020-02-30T00:00:00Z", "2021-02-29"})
    void invalidTextIsEmpty(String text) {
        assertThat(XdmTimestamps.parse(text)).isEmpty();
    }
}
