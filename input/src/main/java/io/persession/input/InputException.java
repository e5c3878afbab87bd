package io.persession.input;

import java.nio.file.Path;

/**
 * The input as a whole cannot be read: a missing, unreadable or empty file, a header without a required
 * column, broken gzip or CSV quoting, an I/O error. The message is one line naming the file (and the line
 * where there is one) and how to fix it; the CLI prints it and exits with code 3.
 *
 * <p>A bad <em>row</em> is never an exception: it is rejected (see {@link RejectWriter}) and reading goes on.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;

    public InputException(String message) {
        this(message, null, 0, null);
    }

    public InputException(String message, Throwable cause) {
        this(message, null, 0, cause);
    }

    /**
     * @param file the file concerned, or {@code null}
     * @param line the 1-based line concerned, or 0 when there is none
     */
    public InputException(String message, Path file, long line, Throwable cause) {
        super(oneLine(message), cause);
        this.file = file;
        this.line = line;
    }

    /** The file concerned, or {@code null}. */
    public Path file() {
        return file;
    }

    /** The 1-based line concerned, or 0 when there is none. */
    public long line() {
        return line;
    }

    static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
