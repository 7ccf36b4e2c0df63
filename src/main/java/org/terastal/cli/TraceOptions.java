package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.terastal.domain.Limits;
import org.terastal.experiment.ExperimentTraces;
import org.terastal.io.results.TraceFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of {@code experiment} that choose which runs keep traces for {@code report}'s response-time
 * CDFs and Gantt charts ({@link ExperimentTraces}). Values are checked while the command line is parsed,
 * so a bad one stops the command before any run, with nothing written.
 */
public final class TraceOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private double load = 1.0;
    private long fromNs = 1_000_000_000L;
    private long toNs = 1_020_000_000L;

    @Option(names = "--trace-load", defaultValue = "1.0", paramLabel = "X",
            description = "Keep response-time quantiles and a timeline window of the first seed at this load (every scenario, scheduler and late-frame policy) in DIR/traces; default ${DEFAULT-VALUE}.")
    void load(double value) {
        if (!(value >= Limits.MIN_LOAD && value <= Limits.MAX_LOAD)) {
            throw new ParameterException(spec.commandLine(), "The trace load (" + value + ") must be in [" + Limits.format(Limits.MIN_LOAD)
                    + ", " + Limits.format(Limits.MAX_LOAD) + "], e.g. 1.0");
        }
        load = value;
    }

    @Option(names = "--trace-window", defaultValue = "1s:1.02s", paramLabel = "FROM:TO", converter = OptionTypes.Window.class,
            description = "Simulated time span of the kept timelines, each end " + OptionTypes.DURATION_UNITS + " (FROM may be 0); default ${DEFAULT-VALUE}.")
    void window(OptionTypes.Span span) {
        fromNs = span.fromNs();
        toNs = span.toNs();
    }

    /** Simulates the traced runs and writes them under {@code output}. */
    void write(ExperimentTraces.Runs runsSpec, Path output, PrintWriter err) {
        var runs = ExperimentTraces.write(runsSpec, load, fromNs, toNs, output, r -> { });
        err.printf("%straced %d runs at load %s into %s%n", CommandErrors.prefix(spec), runs.size(), load, output.resolve(TraceFiles.FOLDER));
        err.flush();
    }
}
