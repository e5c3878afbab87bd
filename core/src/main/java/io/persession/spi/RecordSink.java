package io.persession.spi;

import java.util.function.Supplier;

/**
 * Where an {@link EventFormat} reports the records of a file, in order, each exactly once: as an event or as a
 * reject. The host counts both (rows read = accepted + rejected + duplicates), writes rejects to the rejects file
 * and may still reject an accepted event (a currency without a rate), using its raw text.
 */
public interface RecordSink {
    /**
     * One record read as an event.
     *
     * @param position the 1-based line where the record starts (record number for a binary format)
     * @param raw      the record's text for the rejects file, computed only if the host rejects it; must not reveal
     *                 what the format keeps private (a raw IP address)
     */
    void accept(long position, Event event, Supplier<String> raw);

    /**
     * One record that cannot be an event.
     *
     * @param category a short stable code, lower-case {@code [a-z0-9-]+} ({@code bad-timestamp}, {@code bad-line})
     * @param message  one line: what is wrong, quoting the bad value
     * @param raw      the record's text (may be {@code null}); must not reveal what the format keeps private
     */
    void reject(long position, String category, String message, String raw);
}
