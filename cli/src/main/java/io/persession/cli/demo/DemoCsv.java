package io.persession.cli.demo;

import java.io.IOException;
import java.io.Writer;

/**
 * A small, fast RFC 4180 CSV writer for {@link DemoShop}: fields joined with commas, a field quoted (with
 * inner quotes doubled) only when it holds a comma, a quote, CR or LF; LF line ends. Buffers internally;
 * {@link #flush()} hands everything to the underlying writer. Not thread-safe.
 */
final class DemoCsv {
    private final Writer out;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private boolean firstField = true;

    DemoCsv(Writer out) {
        this.out = out;
    }

    /** Appends a field, quoting it when it needs it. */
    DemoCsv field(String s) throws IOException {
        return raw(needsQuotes(s) ? quote(s) : s);
    }

    /** Appends a field as it is: the caller guarantees it needs no quoting (or is already quoted). */
    DemoCsv raw(String s) throws IOException {
        if (!firstField) {
            if (pos == buf.length) {
                drain();
            }
            buf[pos++] = ',';
        }
        firstField = false;
        int n = s.length();
        if (n > buf.length - pos) {
            drain();
            if (n > buf.length) {
                out.write(s);
                return this;
            }
        }
        s.getChars(0, n, buf, pos);
        pos += n;
        return this;
    }

    /** The field as written in CSV: itself, or quoted with inner quotes doubled when it holds {@code , " CR LF}. */
    static String escape(String s) {
        return needsQuotes(s) ? quote(s) : s;
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Writes a whole row. */
    void row(String... fields) throws IOException {
        for (String f : fields) {
            field(f);
        }
        endRow();
    }

    void endRow() throws IOException {
        if (pos == buf.length) {
            drain();
        }
        buf[pos++] = '\n';
        firstField = true;
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    private static boolean needsQuotes(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
