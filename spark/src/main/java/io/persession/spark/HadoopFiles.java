package io.persession.spark;

import io.persession.input.InputException;
import io.persession.input.InputSource;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Input files on any file system Hadoop knows (local, HDFS, S3 through s3a, ...), with the driver's Hadoop settings
 * carried to the executors as plain values.
 */
final class HadoopFiles implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> settings = new HashMap<>();

    HadoopFiles(Configuration conf) {
        for (Map.Entry<String, String> e : conf) {
            settings.put(e.getKey(), e.getValue());
        }
    }

    Configuration conf() {
        Configuration conf = new Configuration(false);
        settings.forEach(conf::set);
        return conf;
    }

    /**
     * The files to read, in the job's input order: each given file, the files of each given directory (recursively,
     * leaving out names that start with {@code _} or {@code .}, as Spark does), and the files globs match
     * ({@code logs/2024-*.csv.gz}), all sorted by path, so the order the inputs are given in never matters.
     *
     * @throws InputException for a path that matches nothing
     */
    List<String> expand(List<String> given) {
        Configuration conf = conf();
        List<String> out = new ArrayList<>();
        for (String g : given) {
            Path p = new Path(g);
            try {
                FileSystem fs = p.getFileSystem(conf);
                FileStatus[] matches = fs.globStatus(p);
                if (matches == null || matches.length == 0) {
                    throw new InputException("file not found: " + g + " (check the path; on a cluster it must be readable by every executor)");
                }
                Arrays.sort(matches, Comparator.comparing(s -> s.getPath().toString()));
                for (FileStatus s : matches) {
                    collect(fs, s, out);
                }
            } catch (IOException e) {
                throw new InputException("cannot list " + g + ": " + e.getMessage(), e);
            }
        }
        out.sort(null);
        if (out.isEmpty()) {
            throw new InputException("no input files in " + String.join(", ", given) + "; give event files or folders that hold them");
        }
        return out;
    }

    private static void collect(FileSystem fs, FileStatus s, List<String> out) throws IOException {
        String name = s.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) {
            return;
        }
        if (s.isDirectory()) {
            FileStatus[] inside = fs.listStatus(s.getPath());
            Arrays.sort(inside, Comparator.comparing(f -> f.getPath().toString()));
            for (FileStatus f : inside) {
                collect(fs, f, out);
            }
        } else {
            out.add(s.getPath().toString());
        }
    }

    /** One file as the reader sees it: named as listed, read through Hadoop, a local path for {@code file:} URIs. */
    InputSource source(String file) {
        Path p = new Path(file);
        Configuration conf = conf();
        return new InputSource() {
            @Override
            public String name() {
                return file;
            }

            @Override
            public long size() throws IOException {
                return p.getFileSystem(conf).getFileStatus(p).getLen();
            }

            @Override
            public InputStream open() throws IOException {
                return p.getFileSystem(conf).open(p);
            }

            @Override
            public Optional<java.nio.file.Path> path() {
                try {
                    String scheme = p.toUri().getScheme();
                    if (scheme == null) {
                        return Optional.of(java.nio.file.Path.of(p.toUri().getPath()));
                    }
                    return "file".equals(scheme) ? Optional.of(java.nio.file.Path.of(p.toUri())) : Optional.empty();
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /**
     * A copy of a remote file on this machine's disk, for formats that read a file out of order (Parquet's footer):
     * named as the original, deleted by {@link java.io.Closeable#close()}.
     */
    LocalCopy localCopy(String file) throws IOException {
        Path p = new Path(file);
        java.nio.file.Path temp = java.nio.file.Files.createTempFile("persession-", "-" + p.getName());
        p.getFileSystem(conf()).copyToLocalFile(false, p, new Path(temp.toUri()), true);
        return new LocalCopy(file, temp);
    }

    /** A local copy of a remote file, as an input source with the original's name. */
    static final class LocalCopy implements InputSource, java.io.Closeable {
        private final String name;
        private final java.nio.file.Path copy;

        LocalCopy(String name, java.nio.file.Path copy) {
            this.name = name;
            this.copy = copy;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String shortName() {
            return new Path(name).getName();
        }

        @Override
        public long size() throws IOException {
            return java.nio.file.Files.size(copy);
        }

        @Override
        public InputStream open() throws IOException {
            return java.nio.file.Files.newInputStream(copy);
        }

        @Override
        public Optional<java.nio.file.Path> path() {
            return Optional.of(copy);
        }

        @Override
        public void close() throws IOException {
            java.nio.file.Files.deleteIfExists(copy);
        }
    }
}
