package io.persession.benchmarks;

import java.util.Objects;

/**
 * A benchmark pack that cannot be used: one error naming the pack (its id when known, and the file,
 * or the jar and resource), the field path ({@code entries[3].statistics.p50}; empty for the document
 * as a whole) and the problem.
 */
public class InvalidBenchmarkPackException extends RuntimeException {
    private final String pack;
    private final String path;
    private final String problem;

    public InvalidBenchmarkPackException(String pack, String path, String problem) {
        this(pack, path, problem, null);
    }

    public InvalidBenchmarkPackException(String pack, String path, String problem, Throwable cause) {
        super(message(pack, path, problem), cause);
        this.pack = Objects.requireNonNull(pack, "pack is null");
        this.path = path == null ? "" : path;
        this.problem = Objects.requireNonNull(problem, "problem is null");
    }

    private static String message(String pack, String path, String problem) {
        return "Invalid benchmark pack " + pack + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + problem;
    }

    /** The pack: {@code 'acme-retail' (/com/acme/acme-retail.json in /plugins/acme.jar)}, or the file. */
    public String pack() {
        return pack;
    }

    /** The field path, {@code entries[3].statistics.p50}; empty when the problem is the whole document. */
    public String path() {
        return path;
    }

    /** What is wrong, and what is accepted. */
    public String problem() {
        return problem;
    }
}
