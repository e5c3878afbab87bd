package io.persession.input;

import io.persession.spi.EventFormat;
import io.persession.spi.FormatContext;
import io.persession.spi.RecordSink;
import io.persession.spi.SpiVersion;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The built-in {@code jsonl} format: persession's canonical schema as JSON Lines (see {@link CanonicalReader}).
 * Registered in {@code META-INF/services} and found by the host like any plugin.
 */
public final class JsonLinesEventFormat implements EventFormat {
    @Override
    public String id() {
        return "jsonl";
    }

    @Override
    public String description() {
        return "persession's canonical keys (timestamp, visitor_id, event, revenue, ...) as JSON Lines: one object per line.";
    }

    @Override
    public String spiVersion() {
        return SpiVersion.CURRENT;
    }

    @Override
    public String recognisedBy() {
        return "a .jsonl, .ndjson, .json or .jsonlines name; else text starting with { or [";
    }

    @Override
    public int recognise(String fileName, byte[] head) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json") || n.endsWith(".jsonlines")) {
            return LIKELY;
        }
        if (n.endsWith(".csv")) {
            return NO;
        }
        int first = Heads.firstNonBlank(head);
        return !Heads.hasNul(head) && (first == '{' || first == '[') ? LIKELY : NO;
    }

    @Override
    public void read(InputStream in, FormatContext context, RecordSink sink) throws IOException {
        Heads.canonical(context, sink).read(Heads.markable(in), true);
    }
}
