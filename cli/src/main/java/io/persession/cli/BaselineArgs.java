package io.persession.cli;

import io.persession.engine.ChangeDecomposition;
import io.persession.engine.Engine;
import io.persession.spi.SessionDefinition;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --baseline FILE...}: the files of an earlier period, read with the same definition, options and
 * input flags as the current files, for the exact decomposition of the revenue change
 * ({@link ChangeDecomposition}). Rejected rows of the baseline go next to the current rejects file, with
 * {@code -baseline} before its extension ({@code persession-rejects-baseline.csv}), under the same rule:
 * written when a row is rejected, or always when {@code --rejects} is given.
 */
public final class BaselineArgs {
    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Event files of a baseline period (repeatable): adds the change of revenue from it, decomposed exactly into sessions, "
                    + "conversion, orders per converting session, order value, ad revenue and refunds.")
    List<Path> files = new ArrayList<>();

    /** True when {@code --baseline} was given. */
    public boolean given() {
        return !files.isEmpty();
    }

    /** Reads the baseline under {@code definition} with the input flags of {@code current}. */
    InputArgs.Analysis analyze(InputArgs current, Engine engine, SessionDefinition definition) {
        return current.forOtherFiles(files, "-baseline").analyze(engine, List.of(definition), d -> null);
    }
}
