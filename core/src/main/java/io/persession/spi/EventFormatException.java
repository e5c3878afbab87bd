package io.persession.spi;

/**
 * A file cannot be read as an {@link EventFormat} at all (not one bad record: those are
 * {@link RecordSink#reject rejected}): the run fails with exit code 3 and this message, which names what is wrong
 * and how to fix it. The host adds the file name and position.
 */
public class EventFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long position;

    /** @param position the 1-based line or record concerned, or 0 */
    public EventFormatException(String message, long position) {
        this(message, position, null);
    }

    public EventFormatException(String message, long position, Throwable cause) {
        super(message, cause);
        this.position = position;
    }

    /** The 1-based line or record concerned, or 0 when there is none. */
    public long position() {
        return position;
    }
}
