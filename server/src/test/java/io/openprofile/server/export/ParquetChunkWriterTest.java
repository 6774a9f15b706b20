package io.openprofile.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import io.openprofile.server.support.ParquetRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;

/** Schema inference and value writing of Parquet export chunks, read back with the Parquet library. */
class ParquetChunkWriterTest {

    @Test
    void nestedObjectsAndListsKeepStructure() throws IOException {
        List<Group> rows = roundTrip(
                "{\"person\": {\"name\": {\"firstName\": \"Ann\"}}, \"identityMap\": {\"Email\": "
                        + "[{\"id\": \"a@example.com\", \"primary\": true}, {\"id\": \"b@example.com\"}]}}",
                "{\"person\": {\"name\": {\"lastName\": \"Berg\"}}}");

        Group ann = rows.get(0);
        assertEquals("Ann", ParquetRows.string(ParquetRows.group(ann, "person", "name"), "firstName"));
        Group emails = ann.getGroup("identityMap", 0).getGroup("Email", 0);
        assertEquals(2, emails.getFieldRepetitionCount("list"));
        Group first = emails.getGroup("list", 0).getGroup("element", 0);
        assertEquals("a@example.com", first.getString("id", 0));
        assertTrue(first.getBoolean("primary", 0));
        Group second = emails.getGroup("list", 1).getGroup("element", 0);
        assertEquals(0, second.getFieldRepetitionCount("primary"));
        assertEquals("Berg", ParquetRows.string(ParquetRows.group(rows.get(1), "person", "name"), "lastName"));
        assertEquals(0, rows.get(1).getFieldRepetitionCount("identityMap"));
        GroupType email = ann.getType().getType("identityMap").asGroupType().getType("Email").asGroupType();
        assertEquals(LogicalTypeAnnotation.listType(), email.getLogicalTypeAnnotation());
    }

    @Test
    void numbersWidenToDouble() throws IOException {
        List<Group> rows = roundTrip("{\"points\": 5, \"count\": 7}", "{\"points\": 2.5, \"count\": 8}");

        assertEquals(PrimitiveTypeName.DOUBLE, primitive(rows.get(0), "points"));
        assertEquals(PrimitiveTypeName.INT64, primitive(rows.get(0), "count"));
        assertEquals(5.0, rows.get(0).getDouble("points", 0));
        assertEquals(2.5, rows.get(1).getDouble("points", 0));
        assertEquals(8L, rows.get(1).getLong("count", 0));
    }

    @Test
    void mixedKindsBecomeJsonText() throws IOException {
        List<Group> rows = roundTrip("{\"value\": \"text\", \"empty\": {}, \"nothing\": null}",
                "{\"value\": {\"a\": 1}, \"empty\": {}}", "{\"value\": 3}");

        assertEquals(PrimitiveTypeName.BINARY, primitive(rows.get(0), "value"));
        assertEquals("text", rows.get(0).getString("value", 0));
        assertEquals("{\"a\":1}", rows.get(1).getString("value", 0));
        assertEquals("3", rows.get(2).getString("value", 0));
        assertEquals("{}", rows.get(0).getString("empty", 0));
        assertEquals(PrimitiveTypeName.BINARY, primitive(rows.get(0), "nothing"));
        assertEquals(0, rows.get(0).getFieldRepetitionCount("nothing"));
    }

    @Test
    void emptyAndNullArrayElements() throws IOException {
        List<Group> rows = roundTrip("{\"tags\": []}", "{\"tags\": [\"a\", null]}");

        Group empty = rows.get(0).getGroup("tags", 0);
        assertEquals(0, empty.getFieldRepetitionCount("list"));
        Group tags = rows.get(1).getGroup("tags", 0);
        assertEquals(2, tags.getFieldRepetitionCount("list"));
        assertEquals("a", tags.getGroup("list", 0).getString("element", 0));
        assertEquals(0, tags.getGroup("list", 1).getFieldRepetitionCount("element"));
    }

    @Test
    void noRowsGiveNoBytes() {
        assertEquals(0, ParquetChunkWriter.write(List.of()).length);
    }

    @Test
    void largeIntegerIsText() throws IOException {
        List<Group> rows = roundTrip("{\"id\": 123456789012345678901234567890}");

        assertEquals(PrimitiveTypeName.BINARY, primitive(rows.get(0), "id"));
        assertEquals("123456789012345678901234567890", rows.get(0).getString("id", 0));
        assertFalse(rows.get(0).getType().getType("id").isRepetition(Type.Repetition.REQUIRED));
    }

    private static PrimitiveTypeName primitive(Group row, String field) {
        return row.getType().getType(field).asPrimitiveType().getPrimitiveTypeName();
    }

    private static List<Group> roundTrip(String... json) throws IOException {
        List<ObjectNode> input = new ArrayList<>();
        for (String text : json) {
            input.add(Json.readObject(text));
        }
        Path file = Files.createTempFile("chunk-", ".parquet");
        try {
            Files.write(file, ParquetChunkWriter.write(input));
            List<Group> rows = new ArrayList<>();
            ParquetRows.forEach(file, rows::add);
            return rows;
        } finally {
            Files.delete(file);
        }
    }
}
