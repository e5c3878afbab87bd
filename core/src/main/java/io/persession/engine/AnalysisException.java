package io.persession.engine;

/**
 * The analysis cannot go on because of its input (mixed currencies, ...). The message is one line:
 * what is wrong, where, and how to fix it. The CLI reports it with exit code 3.
 */
public class AnalysisException extends RuntimeException {
    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
