package org.terastal.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.terastal.io.InputException;
import org.terastal.offline.BackendUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that writes a command's errors: every line on stderr starts with
 * {@code terastal <command>: } ({@code terastal: } for the program itself), and the exit code says what
 * went wrong: 2 for a wrong command line (unknown option, bad or missing value, a value out of range),
 * 1 for everything else (bad input files, unusable options, a solver that cannot load, a failed run).
 * No command shows a stack trace.
 */
final class CommandErrors {
    /** Exit code of a wrong command line. */
    static final int USAGE = 2;
    /** Exit code of a failure: bad input, infeasible, violations found. */
    static final int FAILURE = 1;

    private CommandErrors() {
    }

    /** Installs the handlers of usage errors and of failures on a command line and its subcommands. */
    static CommandLine install(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> usage(ex.getCommandLine().getCommandSpec(), message(ex)));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> fail(commandLine.getCommandSpec(), describe(ex)));
        return cl;
    }

    /**
     * Runs a command's body: the failures users cause become one line and exit code 1; a
     * {@link ParameterException} (a value that proves wrong only once the command runs) propagates to
     * picocli, which reports it as a usage error. Anything else is a bug and propagates.
     */
    static int run(CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (InputException | BackendUnavailableException | UncheckedIOException | IllegalArgumentException e) {
            return fail(spec, e.getMessage());
        }
    }

    /**
     * Settings made from the command line alone: a value the settings refuse (the load, the number
     * of workers, ...) is a usage error, reported with the settings' own message.
     */
    static <T> T fromOptions(CommandSpec spec, Supplier<T> settings) {
        try {
            return settings.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Prints a failure and returns exit code 1. */
    static int fail(CommandSpec spec, String message) {
        print(spec, message);
        return FAILURE;
    }

    /** Prints a usage error and returns exit code 2. */
    static int usage(CommandSpec spec, String message) {
        print(spec, message);
        return USAGE;
    }

    /** Prints a message, every line of it with the command's prefix. */
    static void print(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        String prefix = prefix(spec);
        String text = message == null || message.isBlank() ? "failed without a message" : message.strip();
        text.lines().forEach(line -> err.println(prefix + line));
        err.flush();
    }

    /** {@code terastal <command>: }, or {@code terastal: } for the program itself. */
    static String prefix(CommandSpec spec) {
        return spec.userObject() instanceof Main ? Main.NAME + ": " : Main.NAME + " " + spec.name() + ": ";
    }

    /** A usage error, with picocli's suggestions for a mistyped option or command. */
    private static String message(ParameterException ex) {
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; maybe " + String.join(", ", suggestions);
            }
        }
        return message;
    }

    /** One line for the user: input errors carry file and place; an unexpected exception its type too. */
    static String describe(Throwable ex) {
        if (ex instanceof InputException || ex instanceof UncheckedIOException || ex instanceof IllegalArgumentException
                || ex instanceof BackendUnavailableException) {
            return ex.getMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }
}
