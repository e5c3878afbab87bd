package io.persession.bots;

import io.persession.spi.BotClassifier;
import io.persession.spi.InvalidOptionException;
import io.persession.spi.OptionSpec;
import io.persession.spi.Session;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code visitor-list}: the visitors listed in a file (option {@code file}: UTF-8, one visitor id a
 * line, blank lines and lines starting with {@code #} ignored, ids trimmed) are bot traffic, reason
 * {@code listed}. Without a file it flags nothing. The file is read once, when the classifier is created.
 */
public final class VisitorListClassifierProvider extends AbstractClassifierProvider {
    static final String ID = "visitor-list";
    static final String REASON = "listed";
    static final String FILE = "file";

    public VisitorListClassifierProvider() {
        super(ID, "Visitors listed in a file (one id a line, # comments): reason listed. Flags nothing without a file.",
                OptionSpec.of(FILE, null, "the file of visitor ids (UTF-8, one a line, blank lines and # comment lines ignored);"
                        + " the CLI's --bot-visitors FILE sets it"));
    }

    @Override
    BotClassifier classifier(Map<String, String> resolved) {
        String file = resolved.get(FILE);
        if (file == null || file.isBlank()) {
            return new VisitorList(null, Set.of());
        }
        Path path;
        try {
            path = Path.of(file.trim());
        } catch (InvalidPathException e) {
            throw new InvalidOptionException(FILE, "option 'file' of '" + ID + "': '" + file + "' is not a file path");
        }
        return new VisitorList(path, read(path));
    }

    /** The ids of {@code path}. */
    static Set<String> read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UncheckedIOException(new FileNotFoundException("the bot visitor list " + path + " is "
                    + (Files.exists(path) ? "not a regular file" : "not found") + "; check the path"));
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UncheckedIOException(new IOException("the bot visitor list " + path + " is not UTF-8 text", e));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the bot visitor list " + path + ": " + e.getMessage(), e));
        }
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                ids.add(id);
            }
        }
        return Set.copyOf(ids);
    }

    /** Immutable and thread-safe. */
    static final class VisitorList implements BotClassifier {
        private final Path file;
        private final Set<String> visitors;

        VisitorList(Path file, Set<String> visitors) {
            this.file = file;
            this.visitors = visitors;
        }

        @Override
        public String id() {
            return ID;
        }

        @Override
        public String description() {
            return file == null ? "no visitor list given" : visitors.size() + " visitor id(s) listed in " + file;
        }

        @Override
        public Map<String, String> options() {
            Map<String, String> o = new LinkedHashMap<>();
            if (file != null) {
                o.put(FILE, file.toString());
            }
            return o;
        }

        /** The number of ids listed. */
        int size() {
            return visitors.size();
        }

        @Override
        public Optional<String> classify(Session session) {
            return visitors.contains(session.visitorId()) ? Optional.of(REASON) : Optional.empty();
        }

        @Override
        public String toString() {
            return ID + options();
        }
    }
}
