package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.terastal.domain.Decimals;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Limits;
import org.terastal.domain.Solution;
import org.terastal.io.InputException;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.results.SimOutputs;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.sim.SolutionProvider;
import org.terastal.sim.SolutionScaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: one run of one scheduler on one instance. Writes summary.json, metrics.csv,
 * frames.csv and timeline.csv (see {@link SimOutputs}) as the output folder, whole: it replaces an
 * earlier run's folder (never a folder holding other files) and prints a short per-model table. Exit code 0 on success, 1 when the inputs cannot be simulated (the message says why).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Simulate an instance under one scheduler and write per-model metrics, per-frame records and a per-layer timeline.")
public final class SimulateCommand implements Callable<Integer> {
    /** Typical size of a timeline row, for the estimate in messages. */
    private static final int TIMELINE_ROW_BYTES = 100;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "Instance file (JSON).")
    Path instanceFile;

    @Option(names = "--scheduler", required = true, paramLabel = "SCHEDULER", converter = OptionTypes.SchedulerNames.class,
            completionCandidates = OptionTypes.SchedulerNames.class, description = "One of: ${COMPLETION-CANDIDATES}.")
    String scheduler;

    @Option(names = "--solution", paramLabel = "FILE", description = "Offline solution table (JSON; needed by the terastal schedulers), made for the instance at load 1.")
    Path solutionFile;

    @Option(names = "--latency", paramLabel = "CSV", description = "Latency table (model,layer,implementation,accelerator,latency_ns); rows of other models are skipped.")
    Path latencyFile;

    @Option(names = "--horizon", defaultValue = "10s", paramLabel = "DURATION", converter = OptionTypes.Duration.class,
            description = "Periodic releases before this simulated time, " + OptionTypes.DURATION_UNITS + "; default ${DEFAULT-VALUE}.")
    long horizonNs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Seed of the release-jitter and cascade random streams; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--late", defaultValue = "drop", paramLabel = "POLICY", converter = OptionTypes.LatePolicies.class,
            completionCandidates = OptionTypes.LatePolicies.class, description = "Late-frame policy: ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
    LatePolicy late;

    @Option(names = "--load", defaultValue = "1.0", paramLabel = "X", description = "Multiply every task's rate by X; default ${DEFAULT-VALUE}.")
    double load;

    @Option(names = "--no-trace", description = "Do not write frames.csv and timeline.csv (long runs).")
    boolean noTrace;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path output;

    @Override
    public Integer call() {
        if (solutionFile == null && Schedulers.needsSolution(scheduler)) {
            throw new ParameterException(spec.commandLine(), "The scheduler '" + scheduler + "' reads an offline solution table; "
                    + "give one with --solution (terastal solve makes it)");
        }
        SimConfig config = CommandErrors.fromOptions(spec, () -> new SimConfig(horizonNs, seed, late, load, !noTrace));
        PrintWriter out = spec.commandLine().getOut();
        try {
            // a folder that cannot be replaced is refused before the run, not after it
            SimOutputs.checkOutput(output);
            Instance instance = InstanceFiles.read(instanceFile);
            LatencyTable latency = LatencyInputs.forInstance(instance, latencyFile);
            SolutionProvider solutions = null;
            if (solutionFile != null) {
                Solution solution = SolutionSource.read(solutionFile, instance);
                solutions = SolutionScaling.from(solution, instance);
            }
            if (!noTrace) {
                checkTimeline(Simulator.size(instance, latency, config).layers());
            }
            long t0 = System.nanoTime();
            SimResult result = Simulator.run(instance, latency, Schedulers.factory(scheduler, solutions), config);
            long wall = System.nanoTime() - t0;
            SimOutputs.writeAll(result, output);
            out.printf(Locale.ROOT, "%s on %s, load %s, late %s, seed %d: %d frames, %d layers in %.2f s wall%n", result.scheduler(),
                    result.instance(), Decimals.plain(load), config.late().label(), seed, result.overall().released(), result.dispatches(), wall / 1e9);
            out.printf(Locale.ROOT, "%-18s %9s %9s %9s %9s %10s %12s %10s%n", "model", "released", "on_time", "missed", "dropped", "miss_rate",
                    "p99_ms", "acc_loss");
            for (ModelMetrics m : result.models()) {
                print(out, m);
            }
            print(out, result.overall());
            out.printf("wrote %s%n", output);
            out.flush();
            return 0;
        } catch (InputException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            // the run's own limits (IllegalStateException) are the user's too: a horizon or load too large
            return CommandErrors.fail(spec, e.getMessage());
        }
    }

    /** A traced run writes one timeline row per layer it runs: refuse, before running, one that would fill a disk. */
    private static void checkTimeline(long rows) {
        if (rows > Limits.MAX_TIMELINE_ROWS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "The run would write up to %d timeline rows (about %.1f GB), "
                    + "more than the %d a traced run writes; maybe --no-trace (summary and metrics only) or a shorter horizon",
                    rows, rows * TIMELINE_ROW_BYTES / 1e9, Limits.MAX_TIMELINE_ROWS));
        }
    }

    private static void print(PrintWriter out, ModelMetrics m) {
        out.printf(Locale.ROOT, "%-18s %9d %9d %9d %9d %10.4f %12.3f %9.2f%%%n", m.model(), m.released(), m.onTime(), m.missed(), m.dropped(),
                m.missRate(), m.responseP99Ns() / 1e6, 100 * m.accuracyLossMean());
    }
}
