package io.openprofile.server.merge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.xdm.RecordErrorCode;
import io.openprofile.server.xdm.RecordResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordTimesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long INGESTED_AT = 1_700_000_000_000L;

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void lastUpdatedDateIsRecordTime() throws Exception {
        ObjectNode record = json("{'extSourceSystemAudit': {'lastUpdatedDate': '2018-10-18T15:59:10-08:00'}}");

        assertThat(RecordTimes.profileRecordTime(record, INGESTED_AT)).isEqualTo(millis("2018-10-18T23:59:10Z"));
    }

    @Test
    void missingLastUpdatedDateFallsBackToIngestion() throws Exception {
        assertThat(RecordTimes.profileRecordTime(json("{'person': {}}"), INGESTED_AT)).isEqualTo(INGESTED_AT);
    }

    @Test
    void invalidLastUpdatedDateFallsBackToIngestion() throws Exception {
        ObjectNode record = json("{'extSourceSystemAudit': {'lastUpdatedDate': 'last tuesday'}}");

        assertThat(RecordTimes.profileRecordTime(record, INGESTED_AT)).isEqualTo(INGESTED_AT);
    }

    @Test
    void nonStringLastUpdatedDateFallsBackToIngestion() throws Exception {
        ObjectNode record = json("{'extSourceSystemAudit': {'lastUpdatedDate': 12345}}");

        assertThat(RecordTimes.profileRecordTime(record, INGESTED_AT)).isEqualTo(INGESTED_AT);
    }

    @Test
    void eventTimeWithOffset() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'timestamp': '2017-09-26T15:52:25+02:00'}"));

        assertThat(time.value()).isEqualTo(millis("2017-09-26T13:52:25Z"));
    }

    @Test
    void eventTimeWithoutOffsetIsUtc() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'timestamp': '2020-08-11T00:00:00'}"));

        assertThat(time.value()).isEqualTo(millis("2020-08-11T00:00:00Z"));
    }

    @Test
    void eventTimeFromEpochMillis() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'timestamp': 1531260476000}"));

        assertThat(time.value()).isEqualTo(1_531_260_476_000L);
    }

    @Test
    void missingEventTimeIsError() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'_id': 'e1'}"));

        assertThat(time.isValid()).isFalse();
        assertThat(time.errors().get(0).code()).isEqualTo(RecordErrorCode.MISSING_TIMESTAMP);
        assertThat(time.errors().get(0).path()).isEqualTo("timestamp");
    }

    @Test
    void nullEventTimeIsMissing() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'timestamp': null}"));

        assertThat(time.errors().get(0).code()).isEqualTo(RecordErrorCode.MISSING_TIMESTAMP);
    }

    @Test
    void invalidEventTimeIsError() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'timestamp': '2020-02-30T00:00:00Z'}"));

        assertThat(time.errors().get(0).code()).isEqualTo(RecordErrorCode.INVALID_TIMESTAMP);
        assertThat(time.errors().get(0).message()).contains("2020-02-30T00:00:00Z");
    }

    @Test
    void booleanEventTimeIsError() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'timestamp': true}"));

        assertThat(time.errors().get(0).code()).isEqualTo(RecordErrorCode.INVALID_TIMESTAMP);
        assertThat(time.errors().get(0).message()).contains("a boolean");
    }

    @Test
    void fractionalEventTimeIsError() throws Exception {
        RecordResult<Long> time = RecordTimes.eventTime(json("{'timestamp': 1531260476000.5}"));

        assertThat(time.errors().get(0).code()).isEqualTo(RecordErrorCode.INVALID_TIMESTAMP);
    }
}
