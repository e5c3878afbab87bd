package io.persession.formats.parquet;

import io.persession.formats.Ga4Events;
import io.persession.formats.Values;
import io.persession.spi.Event;
import io.persession.spi.EventFormat;
import io.persession.spi.EventFormatException;
import io.persession.spi.FormatContext;
import io.persession.spi.OptionSpec;
import io.persession.spi.RecordSink;
import io.persession.spi.SpiVersion;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ga4-export-parquet}: the Google Analytics 4 BigQuery export as Parquet (BigQuery's Parquet export, or a copy
 * of the {@code events_*} tables), mapped exactly as {@code ga4-export} maps JSON Lines ({@link Ga4Events}). A
 * record's position is its row number in the file. Parquet doubles (revenue, {@code value}) become decimals with
 * {@link java.math.BigDecimal#valueOf(double)} and are rounded half-even to a micro-unit.
 */
public final class Ga4ParquetFormat implements EventFormat {
    @Override
    public String id() {
        return "ga4-export-parquet";
    }

    @Override
    public String description() {
        return "Google Analytics 4 BigQuery export (events_* tables) as Parquet, mapped as ga4-export maps JSON Lines.";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String recognisedBy() {
        return "the Parquet magic bytes PAR1 (the schema must then have event_timestamp, event_name and user_pseudo_id)";
    }

    @Override
    public int recognise(String fileName, byte[] head) {
        return ParquetRows.isParquet(head) ? LIKELY : NO;
    }

    @Override
    public boolean needsPath() {
        return true;
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(OptionSpec.of("first-touch", "false",
                "true: an event with neither collected_traffic_source nor source parameters takes the user's first-touch traffic_source"));
    }

    @Override
    public void read(InputStream in, FormatContext context, RecordSink sink) throws IOException {
        Map.Entry<Path, MessageType> opened = ParquetRows.open(context);
        Path file = opened.getKey();
        MessageType schema = opened.getValue();
        for (String need : new String[] {"event_timestamp", "event_name", "user_pseudo_id"}) {
            if (!schema.containsField(need)) {
                throw new EventFormatException("the Parquet schema has no column " + need + "; is it a GA4 BigQuery export?", 0);
            }
        }
        Ga4Events mapper = new Ga4Events(context);
        try {
            ParquetRows.read(file, (row, record) -> {
                Event event;
                try {
                    event = mapper.map(record);
                } catch (Values.BadValue b) {
                    sink.reject(row, b.category(), b.getMessage(), String.valueOf(record));
                    return;
                }
                sink.accept(row, event, () -> String.valueOf(record));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        mapper.checkExtraColumns(context.fileName(), context.extraColumns());
    }
}
