package io.persession.formats.parquet;

import io.persession.input.CanonicalRows;
import io.persession.input.InputOptions;
import io.persession.spi.EventFormat;
import io.persession.spi.EventFormatException;
import io.persession.spi.FormatContext;
import io.persession.spi.RecordSink;
import io.persession.spi.SpiVersion;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code parquet}: the canonical columns ({@code timestamp, visitor_id, event, revenue, currency, ...}, as the
 * {@code csv} format has them) in a Parquet file, such as a data lake's event table. Columns, names, {@code --map},
 * extra columns and every check are the {@code csv} format's ({@link CanonicalRows}), so a row is accepted or rejected
 * exactly as the same values in a CSV file would be. Values may be typed: a timestamp (UTC-adjusted: an instant;
 * otherwise a local time in {@code --input-zone}; INT96 as Spark and Hive wrote it), a decimal, an integer (epoch
 * milliseconds for the timestamp), a double or float (through {@link BigDecimal#valueOf(double)}), or text. Repeated
 * and nested columns are not canonical and are ignored. A record's position is its row number in the file.
 *
 * <p>Parquet's signature cannot tell this layout from a GA4 export, so {@code auto} picks {@code ga4-export-parquet}
 * for a Parquet file: choose this one with {@code --input-format parquet}.
 */
public final class CanonicalParquetFormat implements EventFormat {
    private static final long JULIAN_EPOCH_DAY = 2_440_588;

    @Override
    public String id() {
        return "parquet";
    }

    @Override
    public String description() {
        return "The canonical columns (timestamp, visitor_id, event, revenue, ...) in a Parquet file, typed or as text.";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String recognisedBy() {
        return "only when chosen with --input-format parquet (auto reads a Parquet file as ga4-export-parquet)";
    }

    @Override
    public int recognise(String fileName, byte[] head) {
        return ParquetRows.isParquet(head) ? MAYBE : NO;
    }

    @Override
    public boolean needsPath() {
        return true;
    }

    @Override
    public void read(InputStream in, FormatContext context, RecordSink sink) throws IOException {
        Map.Entry<Path, MessageType> opened = ParquetRows.open(context);
        Path file = opened.getKey();
        MessageType schema = opened.getValue();
        List<String> columns = new ArrayList<>();
        for (Type t : schema.getFields()) {
            columns.add(t.getName());
        }
        CanonicalRows rows;
        try {
            rows = new CanonicalRows(options(context), context.fileName(), columns, sink);
        } catch (RuntimeException e) {
            // a missing or doubled column; the host names the file
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new EventFormatException(m.startsWith(context.fileName() + " ") ? m.substring(context.fileName().length() + 1) : m, 0, e);
        }
        int n = schema.getFieldCount();
        String[] values = new String[n];
        try {
            ParquetRows.readGroups(file, (row, group) -> {
                for (int f = 0; f < n; f++) {
                    Type t = schema.getType(f);
                    values[f] = t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED) && group.getFieldRepetitionCount(f) > 0
                            ? text(group, f, t.asPrimitiveType()) : null;
                }
                rows.row(row, Arrays.asList(values.clone()));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static InputOptions options(FormatContext context) {
        InputOptions.Builder b = InputOptions.builder().inputZone(context.inputZone());
        for (Map.Entry<String, String> m : context.columnMap().entrySet()) {
            b.map(m.getKey() + "=" + m.getValue());
        }
        context.extraColumns().forEach(b::extraColumn);
        return b.build();
    }

    /** A value as the text the CSV reader would have: instants and local times in ISO-8601, exact decimals. */
    static String text(Group g, int f, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        switch (type.getPrimitiveTypeName()) {
            case INT64: {
                long v = g.getLong(f, 0);
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) {
                    LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts = (LogicalTypeAnnotation.TimestampLogicalTypeAnnotation) logical;
                    Instant at = instant(v, ts.getUnit());
                    return ts.isAdjustedToUTC() ? at.toString()
                            : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                }
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    return BigDecimal.valueOf(v, ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) logical).getScale()).toPlainString();
                }
                return Long.toString(v);
            }
            case INT32: {
                int v = g.getInteger(f, 0);
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    return BigDecimal.valueOf(v, ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) logical).getScale()).toPlainString();
                }
                return Integer.toString(v);
            }
            case DOUBLE:
                return BigDecimal.valueOf(g.getDouble(f, 0)).toPlainString();
            case FLOAT:
                return BigDecimal.valueOf(g.getFloat(f, 0)).toPlainString();
            case BOOLEAN:
                return Boolean.toString(g.getBoolean(f, 0));
            case INT96:
                return int96(g.getInt96(f, 0)).toString();
            default: {
                Binary b = g.getBinary(f, 0);
                if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    return new BigDecimal(new BigInteger(b.getBytes()), ((LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) logical).getScale())
                            .toPlainString();
                }
                return b.toStringUsingUTF8();
            }
        }
    }

    private static Instant instant(long v, LogicalTypeAnnotation.TimeUnit unit) {
        switch (unit) {
            case MILLIS:
                return Instant.ofEpochMilli(v);
            case MICROS:
                return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
            default:
                return Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        }
    }

    /** INT96 (Impala, Hive, older Spark): nanoseconds of the day, then the Julian day, little-endian; UTC. */
    static Instant int96(Binary b) {
        ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        int julianDay = buf.getInt();
        return Instant.ofEpochSecond((julianDay - JULIAN_EPOCH_DAY) * 86_400L).plusNanos(nanosOfDay);
    }
}
