package io.persession.formats.parquet;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.NanoTime;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Typed Parquet values become the text the CSV reader would get: ISO instants or local times, exact decimals. */
class CanonicalParquetValuesTest {
    private static final LogicalTypeAnnotation.TimeUnit MILLIS = LogicalTypeAnnotation.TimeUnit.MILLIS;
    private static final LogicalTypeAnnotation.TimeUnit MICROS = LogicalTypeAnnotation.TimeUnit.MICROS;
    private static final LogicalTypeAnnotation.TimeUnit NANOS = LogicalTypeAnnotation.TimeUnit.NANOS;

    private static final MessageType SCHEMA = Types.buildMessage()
            .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, MILLIS)).named("utc_millis")
            .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(true, MICROS)).named("utc_micros")
            .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false, NANOS)).named("local_nanos")
            .optional(PrimitiveTypeName.INT96).named("int96")
            .optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.decimalType(6, 18)).named("dec64")
            .optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.decimalType(2, 9)).named("dec32")
            .optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(16).as(LogicalTypeAnnotation.decimalType(4, 38)).named("decfixed")
            .optional(PrimitiveTypeName.DOUBLE).named("dbl")
            .optional(PrimitiveTypeName.INT64).named("epoch_ms")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("text")
            .named("row");

    private static String text(Group g, String field) {
        int f = SCHEMA.getFieldIndex(field);
        return CanonicalParquetFormat.text(g, f, SCHEMA.getType(f).asPrimitiveType());
    }

    @Test
    void timestamps() {
        Group g = new SimpleGroup(SCHEMA);
        long ms = Instant.parse("2024-05-01T10:05:00.250Z").toEpochMilli();
        g.add("utc_millis", ms);
        g.add("utc_micros", ms * 1000 + 7);
        g.add("local_nanos", ms * 1_000_000 + 9);
        g.add("int96", new NanoTime(2_460_432, 36_300_250_000_000L)); // 2024-05-01 (Julian day), 10:05:00.25
        assertEquals("2024-05-01T10:05:00.250Z", text(g, "utc_millis"));
        assertEquals("2024-05-01T10:05:00.250007Z", text(g, "utc_micros"));
        assertEquals("2024-05-01T10:05:00.250000009", text(g, "local_nanos"), "no offset: read in --input-zone");
        assertEquals("2024-05-01T10:05:00.250Z", text(g, "int96"));
    }

    @Test
    void numbersAreExact() {
        Group g = new SimpleGroup(SCHEMA);
        g.add("dec64", 40_500_000L);
        g.add("dec32", -399);
        byte[] fixed = new byte[16];
        byte[] v = BigInteger.valueOf(1_234_567_890_123L).toByteArray();
        System.arraycopy(v, 0, fixed, 16 - v.length, v.length);
        g.add("decfixed", Binary.fromConstantByteArray(fixed));
        g.add("dbl", 137.8);
        g.add("epoch_ms", 1_714_557_900_250L);
        g.add("text", "v1");
        assertEquals("40.500000", text(g, "dec64"));
        assertEquals("-3.99", text(g, "dec32"));
        assertEquals("123456789.0123", text(g, "decfixed"));
        assertEquals("137.8", text(g, "dbl"), "a double's shortest text, as BigDecimal.valueOf gives it");
        assertEquals("1714557900250", text(g, "epoch_ms"));
        assertEquals("v1", text(g, "text"));
    }
}
