package io.persession.spark;

/** A bad flag or flag value (exit code 2): the one-line message says which and how to fix it. */
final class JobUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JobUsageException(String message) {
        super(message);
    }
}
