package io.openprofile.server.xdm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordPathsTest {

    @Test
    void plainNamesJoinWithDots() {
        assertThat(RecordPaths.field(RecordPaths.field("", "identityMap"), "ECID")).isEqualTo("identityMap.ECID");
    }

    @Test
    void uriNamesAreQuoted() {
        String path = RecordPaths.field("identityMap", "https://data.adobe.io/entities/namespace/4");

        assertThat(path).isEqualTo("identityMap[\"https://data.adobe.io/entities/namespace/4\"]");
    }

    @Test
    void indexesUseBrackets() {
        assertThat(RecordPaths.index("identities", 2)).isEqualTo("identities[2]");
    }
}
