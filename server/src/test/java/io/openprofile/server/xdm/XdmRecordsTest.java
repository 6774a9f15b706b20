package io.openprofile.server.xdm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class XdmRecordsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void prefixedTopLevelKeysLosePrefix() throws Exception {
        ObjectNode source = json("{'xdm:identityMap': {}, 'xdm:timestamp': '2017-09-26T15:52:25+00:00'}");

        ObjectNode normalized = XdmRecords.normalize(source);

        assertThat(normalized.has("identityMap")).isTrue();
        assertThat(normalized.get("timestamp").asText()).isEqualTo("2017-09-26T15:52:25+00:00");
        assertThat(normalized.has("xdm:identityMap")).isFalse();
    }

    @Test
    void nestedKeysInsideArraysAreNormalized() throws Exception {
        ObjectNode source = json("{'xdm:identityMap': {'ECID': [{'xdm:id': '92312748749128'}]}}");

        ObjectNode normalized = XdmRecords.normalize(source);

        assertThat(normalized.at("/identityMap/ECID/0/id").asText()).isEqualTo("92312748749128");
    }

    @Test
    void atIdBecomesUnderscoreId() throws Exception {
        ObjectNode source = json("{'@id': 'a', 'xdm:workAddress': {'@id': 'b'}}");

        ObjectNode normalized = XdmRecords.normalize(source);

        assertThat(normalized.get("_id").asText()).isEqualTo("a");
        assertThat(normalized.at("/workAddress/_id").asText()).isEqualTo("b");
        assertThat(normalized.has("@id")).isFalse();
    }

    @Test
    void otherPrefixesAndNamespaceKeysStayUnchanged() throws Exception {
        ObjectNode source = json("{'schema:latitude': 1.5, 'https://data.adobe.io/entities/namespace/4': []}");

        ObjectNode normalized = XdmRecords.normalize(source);

        assertThat(normalized.get("schema:latitude").asDouble()).isEqualTo(1.5);
        assertThat(normalized.has("https://data.adobe.io/entities/namespace/4")).isTrue();
    }

    @Test
    void plainRecordIsCopiedNotShared() throws Exception {
        ObjectNode source = json("{'person': {'name': 'Jane'}}");

        ObjectNode normalized = XdmRecords.normalize(source);
        ((ObjectNode) normalized.get("person")).put("name", "changed");

        assertThat(source.at("/person/name").asText()).isEqualTo("Jane");
    }

    @Test
    void bothSpellingsLaterKeyWins() throws Exception {
        ObjectNode source = json("{'xdm:city': 'first', 'city': 'second'}");

        ObjectNode normalized = XdmRecords.normalize(source);

        assertThat(normalized.get("city").asText()).isEqualTo("second");
        assertThat(normalized.size()).isEqualTo(1);
    }

    @Test
    void scalarsInArraysArePreserved() throws Exception {
        ObjectNode source = json("{'xdm:tags': ['a', 1, null, true]}");

        ObjectNode normalized = XdmRecords.normalize(source);

        assertThat(normalized.get("tags").toString()).isEqualTo("[\"a\",1,null,true]");
    }
}
