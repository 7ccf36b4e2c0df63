package org.terastal.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.terastal.io.InputException;
import org.terastal.offline.BackendUnavailableException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Turns the failures users cause (bad input files, unusable options, a solver that cannot load)
 * into one line on stderr and exit code 1, so that a command never shows a stack trace for them.
 * Anything else is a bug and propagates.
 */
final class CommandErrors {
    private CommandErrors() {
    }

    static int run(CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (InputException | BackendUnavailableException | UncheckedIOException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("terastal " + spec.name() + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
