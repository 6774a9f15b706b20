package io.openprofile.server.ingest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Registers the compression codecs that Parquet creates by reflection, for a native image.
 *
 * <p>Parquet's {@code CodecFactory} (parquet-hadoop 1.18) loads the codec class named by the
 * file's {@code CompressionCodecName} with {@code Class.forName} and creates it through Hadoop's
 * {@code ReflectionUtils.newInstance}, which calls the no-argument constructor. LZO and Brotli
 * are left out because their codec classes are not on the classpath, so such files fail on the
 * JVM as well.
 *
 * <p>NOTE: this has not been checked in a native image. SNAPPY and ZSTD pages are decompressed by
 * the JNI libraries of snappy-java and zstd-jni, which may also need JNI configuration; GZIP,
 * LZ4_RAW and uncompressed files use Java code only.
 */
@RegisterForReflection(classNames = {
    "org.apache.hadoop.io.compress.GzipCodec",
    "org.apache.hadoop.io.compress.Lz4Codec",
    "org.apache.parquet.hadoop.codec.Lz4RawCodec",
    "org.apache.parquet.hadoop.codec.SnappyCodec",
    "org.apache.parquet.hadoop.codec.ZstandardCodec"
})
final class ParquetNativeRegistrations {

    private ParquetNativeRegistrations() {
    }
}
