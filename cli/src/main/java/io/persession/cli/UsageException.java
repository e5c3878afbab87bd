package io.persession.cli;

/** The command line is wrong in a way picocli cannot see (a bad {@code k=v}, conflicting flags): exit code 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
