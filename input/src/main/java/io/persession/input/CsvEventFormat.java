package io.persession.input;

import io.persession.spi.EventFormat;
import io.persession.spi.FormatContext;
import io.persession.spi.RecordSink;
import io.persession.spi.SpiVersion;

import java.io.IOException;
import java.io.InputStream;

/**
 * The built-in {@code csv} format: persession's canonical schema as CSV with a header row (see
 * {@link CanonicalReader}). Registered in {@code META-INF/services} and found by the host like any plugin.
 */
public final class CsvEventFormat implements EventFormat {
    @Override
    public String id() {
        return "csv";
    }

    @Override
    public String description() {
        return "persession's canonical columns (timestamp, visitor_id, event, revenue, ...) as CSV with a header row.";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String recognisedBy() {
        return "a .csv name; else any text that is not JSON (the fallback)";
    }

    @Override
    public int recognise(String fileName, byte[] head) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        if (n.endsWith(".csv")) {
            return LIKELY;
        }
        int first = Heads.firstNonBlank(head);
        if (Heads.hasNul(head) || first == '{' || first == '[') {
            return NO;
        }
        return MAYBE;
    }

    @Override
    public void read(InputStream in, FormatContext context, RecordSink sink) throws IOException {
        Heads.canonical(context, sink).read(Heads.markable(in), false);
    }
}
