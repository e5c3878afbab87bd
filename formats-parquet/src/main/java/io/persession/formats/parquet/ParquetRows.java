package io.persession.formats.parquet;

import io.persession.spi.EventFormatException;
import io.persession.spi.FormatContext;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a Parquet file's rows as trees of plain Java values: a group is a {@code Map} (field name to value, absent
 * optional fields left out), a {@code LIST} a {@code List} of its elements, strings {@code String}, int64 {@code Long},
 * int32 {@code Integer}, double {@code Double}, float {@code Float}, boolean {@code Boolean}. Public so that tests
 * (and tools) can convert a Parquet export to JSON Lines with the very reader the format uses.
 */
public final class ParquetRows {
    private ParquetRows() {
    }

    /** The file's schema. */
    public static MessageType schema(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options())) {
            return r.getFooter().getFileMetaData().getSchema();
        }
    }

    /** Sends every row, with its 1-based number, to {@code rows}, in file order. */
    public static void read(Path file, BiConsumer<Long, Map<String, Object>> rows) throws IOException {
        readGroups(file, (n, group) -> rows.accept(n, toMap(group)));
    }

    /** Sends every row as a {@link Group}, with its 1-based number, to {@code rows}, in file order. */
    public static void readGroups(Path file, BiConsumer<Long, Group> rows) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), options())) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            PageReadStore pages;
            long n = 0;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    rows.accept(++n, rr.read());
                }
            }
        }
    }

    /** True when {@code head} starts with Parquet's magic bytes {@code PAR1}. */
    static boolean isParquet(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }

    /**
     * The file a Parquet format reads and its schema.
     *
     * @throws EventFormatException when the host gave no file (a stream, gzip) or the file is not readable Parquet
     */
    static Map.Entry<Path, MessageType> open(FormatContext context) {
        Path file = context.path().orElseThrow(() -> new EventFormatException("Parquet is read from a file on disk, not from a stream or gzip", 0));
        try {
            return Map.entry(file, schema(file));
        } catch (IOException | RuntimeException e) {
            throw new EventFormatException("not a readable Parquet file: " + e.getMessage(), 0, e);
        }
    }

    private static ParquetReadOptions options() {
        return ParquetReadOptions.builder(new PlainParquetConfiguration()).withCodecFactory(new LocalCodecs()).build();
    }

    static Map<String, Object> toMap(Group g) {
        GroupType type = g.getType();
        Map<String, Object> m = new LinkedHashMap<>();
        for (int f = 0; f < type.getFieldCount(); f++) {
            Type t = type.getType(f);
            int count = g.getFieldRepetitionCount(f);
            if (count == 0) {
                continue;
            }
            if (t.isRepetition(Type.Repetition.REPEATED)) {
                List<Object> values = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    values.add(value(g, f, i, t));
                }
                m.put(t.getName(), values);
            } else {
                m.put(t.getName(), value(g, f, 0, t));
            }
        }
        return m;
    }

    private static Object value(Group g, int f, int i, Type t) {
        if (!t.isPrimitive()) {
            Group child = g.getGroup(f, i);
            if (t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
                return list(child);
            }
            return toMap(child);
        }
        PrimitiveType p = t.asPrimitiveType();
        switch (p.getPrimitiveTypeName()) {
            case INT64:
                return g.getLong(f, i);
            case INT32:
                return g.getInteger(f, i);
            case DOUBLE:
                return g.getDouble(f, i);
            case FLOAT:
                return g.getFloat(f, i);
            case BOOLEAN:
                return g.getBoolean(f, i);
            default:
                return g.getString(f, i);
        }
    }

    /** A LIST group: {@code repeated group list { element }} (or a legacy repeated field): its elements. */
    private static List<Object> list(Group listGroup) {
        List<Object> out = new ArrayList<>();
        GroupType type = listGroup.getType();
        if (type.getFieldCount() != 1) {
            out.add(toMap(listGroup));
            return out;
        }
        Type repeated = type.getType(0);
        int count = listGroup.getFieldRepetitionCount(0);
        for (int i = 0; i < count; i++) {
            if (!repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1 && !repeated.getName().equals("array")) {
                Group wrapper = listGroup.getGroup(0, i);
                Type element = repeated.asGroupType().getType(0);
                out.add(wrapper.getFieldRepetitionCount(0) == 0 ? null : value(wrapper, 0, 0, element));
            } else {
                out.add(value(listGroup, 0, i, repeated));
            }
        }
        return out;
    }
}
