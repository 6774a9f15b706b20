package io.openprofile.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet type of one exported field, inferred from the JSON values that the rows of a file
 * have at that field. Objects become optional groups and arrays become three-level {@code LIST}
 * groups, so nested XDM profiles keep their structure. A field whose values have different kinds
 * (for example a string in one row and an object in another) becomes a {@code STRING} column
 * that {@link ParquetChunkWriter} fills with each value's JSON text, or the text itself for a string.
 */
final class ParquetShape {

    /** Kinds of values, ordered so that an integer column widens to a double column. */
    enum Kind {
        /** Only nulls seen so far. */
        NULL,
        BOOLEAN,
        LONG,
        DOUBLE,
        STRING,
        OBJECT,
        ARRAY,
        /** Values of different kinds, written as JSON text. */
        MIXED
    }

    static final String LIST_FIELD = "list";
    static final String ELEMENT_FIELD = "element";

    private Kind kind = Kind.NULL;
    private final Map<String, ParquetShape> fields = new LinkedHashMap<>();
    private ParquetShape element;

    Kind kind() {
        return kind;
    }

    /** Returns the fields of an object shape, in the order they were first seen. */
    Map<String, ParquetShape> fields() {
        return fields;
    }

    /** Returns the element shape of an array shape. */
    ParquetShape element() {
        return element;
    }

    /** Builds the shape of a file's rows, the top-level objects of the export. */
    static ParquetShape ofRows(Iterable<? extends JsonNode> rows) {
        ParquetShape root = new ParquetShape();
        root.kind = Kind.OBJECT;
        for (JsonNode row : rows) {
            root.add(row);
        }
        return root;
    }

    /** Widens this shape so that it also describes {@code value}. */
    void add(JsonNode value) {
        Kind valueKind = kindOf(value);
        if (valueKind == Kind.NULL || kind == Kind.MIXED) {
            return;
        }
        if (kind == Kind.NULL) {
            kind = valueKind;
        } else if (kind != valueKind) {
            boolean numbers = (kind == Kind.LONG || kind == Kind.DOUBLE)
                    && (valueKind == Kind.LONG || valueKind == Kind.DOUBLE);
            kind = numbers ? Kind.DOUBLE : Kind.MIXED;
            fields.clear();
            element = null;
            return;
        }
        if (kind == Kind.OBJECT) {
            value.properties().forEach(entry ->
                    fields.computeIfAbsent(entry.getKey(), name -> new ParquetShape()).add(entry.getValue()));
        } else if (kind == Kind.ARRAY) {
            if (element == null) {
                element = new ParquetShape();
            }
            value.forEach(element::add);
        }
    }

    /** Returns the kind of a JSON value. An integer beyond the range of a long counts as a string. */
    static Kind kindOf(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Kind.NULL;
        }
        if (value.isBoolean()) {
            return Kind.BOOLEAN;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? Kind.LONG : Kind.STRING;
        }
        if (value.isNumber()) {
            return Kind.DOUBLE;
        }
        if (value.isObject()) {
            return Kind.OBJECT;
        }
        if (value.isArray()) {
            return Kind.ARRAY;
        }
        return Kind.STRING;
    }

    /**
     * Returns the kind this shape is written as. A field seen only with nulls, and an object seen
     * only empty, are written as strings, because Parquet has no type for them. A Parquet group
     * needs at least one field.
     */
    Kind writtenKind() {
        if (kind == Kind.NULL) {
            return Kind.STRING;
        }
        if (kind == Kind.OBJECT && fields.isEmpty()) {
            return Kind.MIXED;
        }
        return kind;
    }

    /** Builds the Parquet schema of a row shape, in which every field is optional. */
    MessageType toMessageType(String name) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        fields.forEach((field, shape) -> message.addField(shape.toType(field)));
        return message.named(name);
    }

    private Type toType(String name) {
        return switch (writtenKind()) {
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            case LONG -> Types.optional(PrimitiveTypeName.INT64).named(name);
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case OBJECT -> {
                Types.GroupBuilder<GroupType> group = Types.optionalGroup();
                fields.forEach((field, shape) -> group.addField(shape.toType(field)));
                yield group.named(name);
            }
            case ARRAY -> {
                ParquetShape elementShape = element == null ? new ParquetShape() : element;
                yield Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                        .addField(Types.repeatedGroup().addField(elementShape.toType(ELEMENT_FIELD)).named(LIST_FIELD))
                        .named(name);
            }
            default -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
        };
    }
}
