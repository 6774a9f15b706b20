package io.openprofile.server.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openprofile.server.store.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes the exported rows of one chunk as a complete Apache Parquet file in memory. Each chunk of
 * an export becomes its own part file, so a job writes its output incrementally, one chunk of
 * persons at a time, and a resumed job rewrites only the chunk it was writing.
 *
 * <p>The schema is inferred from the chunk's rows by {@link ParquetShape}, so two part files of one
 * export can differ in the optional fields they declare. The writer uses Parquet's plain
 * configuration and its own output file, so neither Hadoop's {@code FileSystem} nor generated
 * classes are involved.
 */
final class ParquetChunkWriter {

    static final String SCHEMA_NAME = "profile";

    private ParquetChunkWriter() {
    }

    /** Returns the Parquet file of the rows, or no bytes when there are no rows. */
    static byte[] write(List<ObjectNode> rows) {
        if (rows.isEmpty()) {
            return new byte[0];
        }
        ParquetShape shape = ParquetShape.ofRows(rows);
        MessageType schema = shape.toMessageType(SCHEMA_NAME);
        MemoryOutputFile file = new MemoryOutputFile();
        // NOTE: the file is not compressed. Parquet loads every codec by class name through Hadoop, which a
        // native image would need registered, and that has not been tried.
        try (ParquetWriter<ObjectNode> writer = new Builder(file, schema, shape)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build()) {
            for (ObjectNode row : rows) {
                writer.write(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write an export chunk as Parquet", e);
        }
        return file.bytes.toByteArray();
    }

    private static final class Builder extends ParquetWriter.Builder<ObjectNode, Builder> {
        private final MessageType schema;
        private final ParquetShape shape;

        Builder(OutputFile file, MessageType schema, ParquetShape shape) {
            super(file);
            this.schema = schema;
            this.shape = shape;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ObjectNode> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, shape);
        }

        @Override
        protected WriteSupport<ObjectNode> getWriteSupport(ParquetConfiguration conf) {
            return new RowWriteSupport(schema, shape);
        }
    }

    /** Sends the fields of a JSON row to Parquet's record consumer, following the inferred shape. */
    private static final class RowWriteSupport extends WriteSupport<ObjectNode> {
        private final MessageType schema;
        private final ParquetShape shape;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema, ParquetShape shape) {
            this.schema = schema;
            this.shape = shape;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(ObjectNode row) {
            consumer.startMessage();
            writeFields(row, shape);
            consumer.endMessage();
        }

        private void writeFields(JsonNode object, ParquetShape objectShape) {
            int index = 0;
            for (Map.Entry<String, ParquetShape> field : objectShape.fields().entrySet()) {
                JsonNode value = object.get(field.getKey());
                if (ParquetShape.kindOf(value) != ParquetShape.Kind.NULL) {
                    consumer.startField(field.getKey(), index);
                    writeValue(value, field.getValue());
                    consumer.endField(field.getKey(), index);
                }
                index++;
            }
        }

        private void writeValue(JsonNode value, ParquetShape valueShape) {
            switch (valueShape.writtenKind()) {
                case BOOLEAN -> consumer.addBoolean(value.booleanValue());
                case LONG -> consumer.addLong(value.longValue());
                case DOUBLE -> consumer.addDouble(value.doubleValue());
                case OBJECT -> {
                    consumer.startGroup();
                    writeFields(value, valueShape);
                    consumer.endGroup();
                }
                case ARRAY -> writeList(value, valueShape);
                default -> consumer.addBinary(Binary.fromString(value.isTextual() ? value.textValue()
                        : Json.write(value)));
            }
        }

        /** Writes an array as a three-level list, where a null element is an element group without a value. */
        private void writeList(JsonNode array, ParquetShape arrayShape) {
            consumer.startGroup();
            if (!array.isEmpty()) {
                consumer.startField(ParquetShape.LIST_FIELD, 0);
                for (JsonNode item : array) {
                    consumer.startGroup();
                    if (ParquetShape.kindOf(item) != ParquetShape.Kind.NULL) {
                        consumer.startField(ParquetShape.ELEMENT_FIELD, 0);
                        writeValue(item, arrayShape.element());
                        consumer.endField(ParquetShape.ELEMENT_FIELD, 0);
                    }
                    consumer.endGroup();
                }
                consumer.endField(ParquetShape.LIST_FIELD, 0);
            }
            consumer.endGroup();
        }
    }

    /** An output file that collects the bytes in memory, as large as one chunk's rows. */
    private static final class MemoryOutputFile implements OutputFile {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return createOrOverwrite(blockSizeHint);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            bytes.reset();
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return bytes.size();
                }

                @Override
                public void write(int b) {
                    bytes.write(b);
                }

                @Override
                public void write(byte[] buffer, int offset, int length) {
                    bytes.write(buffer, offset, length);
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
