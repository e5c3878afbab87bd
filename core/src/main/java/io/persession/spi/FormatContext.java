package io.persession.spi;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** What the host tells an {@link EventFormat} about the file it reads. Values are never {@code null}. */
public interface FormatContext {
    /** The file as shown to the user (as given on the command line), for messages. */
    String fileName();

    /** The file on disk, for formats that read out of order ({@link EventFormat#needsPath()}); empty for gzip data or a stream. */
    Optional<Path> path();

    /** The zone of timestamps written without an offset ({@code --input-zone}). */
    ZoneId inputZone();

    /**
     * This format's options ({@code --input-option ID.NAME=VALUE}), only names the format lists in
     * {@link EventFormat#options()}; absent ones are not in the map (apply the default).
     */
    Map<String, String> options();

    /**
     * Canonical column name to the input column to read it from ({@code --map event=event_name}); only the entries
     * given. Formats with a schema of their own may ignore it.
     */
    Map<String, String> columnMap();

    /**
     * Input columns a session definition reads as {@link Event#attribute(String) event attributes} (such as
     * {@code ga_session_id}), each with who needs it, for the message when the file lacks it. The format sets each on
     * every event that has a value, and fails with an {@link EventFormatException} when the file has no such column.
     */
    Map<String, String> extraColumns();
}
