package io.persession.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command: {@code persession <command>}. */
@Command(name = "persession",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Revenue per session and session RPM from your own event logs, under a session definition you choose.",
        subcommands = {AnalyzeCommand.class, SessionsCommand.class, DefinitionsCommand.class, DemoCommand.class, CalcCommand.class, PacksCommand.class, CompareCommand.class, FormatsCommand.class},
        footer = {"", "Exit codes: 0 ok, 2 usage, 3 input unreadable or too many bad rows, 4 plugin error."})
public final class PersessionCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "More log lines, and stack traces on errors.")
    boolean verbose;

    @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "Only warnings and errors on stderr.")
    boolean quiet;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
