package io.persession.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --output FILE}: results to a file instead of stdout. */
public final class OutputArgs {
    @Option(names = "--output", paramLabel = "FILE", description = "Write the result to FILE instead of stdout.")
    Path output;

    /** True when the result goes to stdout and stdout is a terminal (colour may be used). */
    boolean toTerminal() {
        return output == null && Progress.isTerminal(1);
    }

    /** A writer to the output file, or a non-closing view of {@code stdout}. */
    PrintWriter open(PrintWriter stdout) {
        if (output == null) {
            return new PrintWriter(new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) {
                    stdout.write(cbuf, off, len);
                }

                @Override
                public void flush() {
                    stdout.flush();
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            });
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --output " + output + ": " + e.getMessage(), e);
        }
    }
}
