package io.persession.cli;

/** The documented exit codes of {@code persession} (README, "Exit codes"). */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** Usage error: an unknown flag, a bad option value, a missing argument. */
    public static final int USAGE = 2;
    /** Input unreadable (missing, empty, broken file; missing column; mixed currencies) or too many bad rows. */
    public static final int INPUT = 3;
    /** Plugin error: unknown id, two plugins with one id, a plugin that fails. */
    public static final int PLUGIN = 4;
    /** Out of memory: the Java heap's limit is too small for this input; the message says how to raise it. */
    public static final int MEMORY = 5;
    /** A bug in persession itself; the message asks to report it. */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
