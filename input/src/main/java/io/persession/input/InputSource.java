package io.persession.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One input file as {@link EventFileReader} reads it: the name to show in results and rejects, its size, its bytes,
 * and the local file when there is one. A local file is {@link #of(Path)}; a host that reads from elsewhere (the Spark
 * job: HDFS, S3, ...) implements it over its own file system. Formats that read a file out of order (Parquet) need
 * {@link #path()}.
 */
public interface InputSource {
    /** The file as shown to the user: in the result's names (its last segment), in rejects and in errors. */
    String name();

    /** The size in bytes as stored (compressed for gzip); for progress and to refuse an empty file. */
    long size() throws IOException;

    /** A new stream of the file's bytes as stored; the reader closes it. */
    InputStream open() throws IOException;

    /** The local file, when the bytes are one. */
    Optional<Path> path();

    /** The last segment of {@link #name()}: what the result lists. */
    default String shortName() {
        String n = name();
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        return slash >= 0 && slash < n.length() - 1 ? n.substring(slash + 1) : n;
    }

    /** A local file. */
    static InputSource of(Path file) {
        Objects.requireNonNull(file, "file is null");
        return new InputSource() {
            @Override
            public String name() {
                return file.toString();
            }

            @Override
            public String shortName() {
                Path n = file.getFileName();
                return n == null ? file.toString() : n.toString();
            }

            @Override
            public long size() throws IOException {
                return Files.size(file);
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Path> path() {
                return Optional.of(file);
            }

            @Override
            public String toString() {
                return file.toString();
            }
        };
    }
}
