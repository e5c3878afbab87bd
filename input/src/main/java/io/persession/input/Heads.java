package io.persession.input;

import io.persession.spi.FormatContext;
import io.persession.spi.RecordSink;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/** Helpers of the built-in canonical formats. */
final class Heads {
    private Heads() {
    }

    static int firstNonBlank(byte[] head) {
        for (byte b : head) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b & 0xff;
            }
        }
        return -1;
    }

    static boolean hasNul(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    static InputStream markable(InputStream in) {
        return in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
    }

    /** A canonical reader for the file of {@code context}: its column map, zone and extra columns. */
    static CanonicalReader canonical(FormatContext context, RecordSink sink) {
        InputOptions.Builder b = InputOptions.builder().inputZone(context.inputZone());
        for (Map.Entry<String, String> e : context.columnMap().entrySet()) {
            b.map(InputColumn.byName(e.getKey()).orElseThrow(() -> new IllegalArgumentException("unknown column " + e.getKey())), e.getValue());
        }
        context.extraColumns().forEach(b::extraColumn);
        Path file;
        try {
            file = context.path().orElse(Path.of(context.fileName()));
        } catch (InvalidPathException e) {
            file = null;
        }
        return new CanonicalReader(b.build(), file, context.fileName(), sink);
    }
}
