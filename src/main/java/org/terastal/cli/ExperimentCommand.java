package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.experiment.Experiment;
import org.terastal.experiment.ExperimentTraces;
import org.terastal.io.InputFiles;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.JsonFormats;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SolutionScaling;
import org.terastal.sweep.Cell;
import org.terastal.sweep.Sweep;
import org.terastal.sweep.SweepFiles;
import org.terastal.sweep.SweepFolder;
import org.terastal.sweep.SweepMerge;
import org.terastal.sweep.SweepPlan;
import org.terastal.sweep.SweepRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code experiment}: every chosen scheduler over instances × late-frame policies × loads × seeds, from
 * a sweep file or from flags (which make the same sweep). Each run (cell) writes its own file into
 * {@code DIR/cells} as soon as it finishes, on a pool of threads; cells whose file exists are skipped,
 * so a killed run resumes where it stopped. Then {@code metrics.csv} (tidy long form, every metric of
 * every run, in canonical order) and {@code report.txt} (miss-rate-versus-load curves, per-model miss
 * rates and Terastal's reductions over a stated load range, accuracy loss) are made from the cell
 * files. With {@code --shard k/n} only every n-th cell runs and {@code terastal merge} makes the
 * outputs. The solution of each instance is made at load 1 and rescaled to each load ({@link SolutionScaling}).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run schedulers over instances, loads, seeds and late-frame policies, in parallel and resumable; "
                + "write a tidy CSV and a paper-style report.",
            "Give instance files with the flags below, or one sweep file (terastal-sweep/1, docs/sweeps.md)."})
public final class ExperimentCommand implements Callable<Integer> {
    private static final List<String> SWEEP_FLAGS = List.of("--solution", "--latency", "--schedulers", "--seeds", "--loads", "--late",
            "--horizon", "--average");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INSTANCE|SWEEP", description = "Instance files (JSON), one scenario each; or one sweep file.")
    List<Path> inputFiles;

    @Option(names = "--solution", paramLabel = "FILE", description = "Solution table (JSON) of each instance, in the same order (needed by the terastal schedulers).")
    List<Path> solutionFiles = new ArrayList<>();

    @Option(names = "--latency", paramLabel = "CSV", description = "Latency table covering every instance's models; default: the built-in cost model.")
    Path latencyFile;

    @Option(names = "--schedulers", split = ",", paramLabel = "SCHEDULER", converter = OptionTypes.SchedulerNames.class,
            completionCandidates = OptionTypes.SchedulerNames.class, description = "Schedulers, of ${COMPLETION-CANDIDATES}; default: all.")
    List<String> schedulers = new ArrayList<>(Schedulers.NAMES);

    @Option(names = "--seeds", split = ",", defaultValue = "1", paramLabel = "N", description = "Seeds; default ${DEFAULT-VALUE}.")
    List<Long> seeds;

    @Option(names = "--loads", defaultValue = Sweep.DEFAULT_LOADS, paramLabel = "FROM:TO:STEP|X,Y,...", description = "Load factors; default ${DEFAULT-VALUE}.")
    String loads;

    @Option(names = "--late", split = ",", defaultValue = "drop,continue", paramLabel = "POLICY", converter = OptionTypes.LatePolicies.class,
            completionCandidates = OptionTypes.LatePolicies.class, description = "Late-frame policies, of ${COMPLETION-CANDIDATES}; default ${DEFAULT-VALUE}.")
    List<LatePolicy> lates;

    @Option(names = "--horizon", defaultValue = "10s", paramLabel = "DURATION", converter = OptionTypes.Duration.class,
            description = "Simulated horizon of each run, " + OptionTypes.DURATION_UNITS + "; default ${DEFAULT-VALUE}.")
    long horizonNs;

    @Option(names = "--average", defaultValue = Sweep.DEFAULT_AVERAGE, paramLabel = "FROM:TO", description = "Load range averaged in the report's per-model table and headline; default ${DEFAULT-VALUE}.")
    String average;

    @Option(names = "--jobs", paramLabel = "N", converter = OptionTypes.Count.class, description = "Cells run at once; default: one per core.")
    Integer jobs;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Run only the cells whose index i in canonical order has i mod N = K-1, writing cell files only; "
                    + "terastal merge then makes the outputs.")
    Shard shard;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path output;

    @CommandLine.Mixin
    TraceOptions traces;

    /** Shard k of n, 1-based. */
    record Shard(int k, int n) {
    }

    /** Parses {@code k/n}; a malformed shard is a usage error. */
    static final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String text) {
            String[] p = text.split("/");
            try {
                if (p.length == 2) {
                    int k = Integer.parseInt(p[0].strip());
                    int n = Integer.parseInt(p[1].strip());
                    if (n >= 1 && k >= 1 && k <= n) {
                        return new Shard(k, n);
                    }
                }
            } catch (NumberFormatException e) {
                // fall through to the message
            }
            throw new CommandLine.TypeConversionException("The shard (" + text + ") is not K/N with 1 <= K <= N, e.g. 1/4");
        }
    }

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::experiment);
    }

    private int experiment() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Sweep sweep = sweep();
        List<Experiment.Scenario> scenarios = new ArrayList<>();
        SweepPlan plan = load(sweep, scenarios, output, err);
        List<Cell> cells = shard == null ? plan.cells() : plan.shard(shard.k(), shard.n());
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        Set<String> suiteSets = new HashSet<>();
        plan.scenarios().stream().filter(k -> k.suite() != null).forEach(k -> suiteSets.add(k.name()));
        // the claim checks the cells found in the folder before anything is written, and holds the
        // folder against other sweeps until the outputs are written
        try (SweepFolder folder = SweepFolder.claim(output, plan, cells)) {
            if (folder.unlocked() != null) {
                err.printf("%s%s is not locked, so another sweep writing to it at the same time would go unnoticed: %s%n", CommandErrors.prefix(spec), output,
                        folder.unlocked());
            }
            SweepRunner.Outcome outcome;
            try (CellProgress progress = new CellProgress(err, CommandErrors.prefix(spec), output)) {
                outcome = SweepRunner.run(folder, threads, SweepRunner.simulation(plan, scenarios), progress);
            }
            if (shard == null || shard.k() == 1) {
                // the report's response-time CDFs and Gantt charts; shard 1 keeps them for merge to copy
                // suites' sets are summarised, not drawn one by one
                List<Experiment.Scenario> traced = scenarios.stream().filter(sc -> !suiteSets.contains(sc.name())).toList();
                traces.write(new ExperimentTraces.Runs(traced.isEmpty() ? scenarios.subList(0, 1) : traced, plan.schedulers(), (sc, s) -> Schedulers.factory(s, sc.solutions()),
                        plan.seeds().get(0), plan.lates(), plan.horizonNs()), output, err);
            }
            if (shard != null) {
                out.printf("shard %d/%d: %d of the sweep's %d cells, %d run now, %d found done, in %s%n", shard.k(), shard.n(), cells.size(),
                        plan.cells().size(), outcome.ran(), outcome.reused(), output.resolve(SweepPlan.CELLS));
                out.printf("when every shard is done: terastal merge %s -o OUT (or name each shard's folder)%n", output);
            } else {
                out.print(SweepMerge.merge(List.of(output), output));
                out.printf("wrote %s%n", output);
            }
        }
        out.flush();
        return 0;
    }

    /** The sweep of the sweep file, or of the flags. */
    private Sweep sweep() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (inputFiles.size() == 1 && SweepFiles.isSweepFile(inputFiles.get(0))) {
            for (String flag : SWEEP_FLAGS) {
                if (parsed.hasMatchedOption(flag)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "The sweep file " + inputFiles.get(0)
                            + " sets what " + flag + " would; change it there, or give instance files instead");
                }
            }
            return SweepFiles.read(inputFiles.get(0));
        }
        for (Path file : inputFiles) {
            if (inputFiles.size() > 1 && SweepFiles.isSweepFile(file)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "The sweep file " + file
                        + " names its own instances; give it alone, or give instance files only");
            }
            // a file of another format is named now, not mistaken for an instance whose solution is missing
            JsonFormats.require(file, InstanceFiles.INSTANCE_FORMAT);
        }
        if (!solutionFiles.isEmpty() && solutionFiles.size() != inputFiles.size()
                || solutionFiles.isEmpty() && schedulers.stream().anyMatch(Schedulers::needsSolution)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "The terastal schedulers read a solution table: give one --solution per instance ("
                    + inputFiles.size() + " instances, " + solutionFiles.size() + " solutions), or leave them out of --schedulers");
        }
        List<Sweep.Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < inputFiles.size(); i++) {
            scenarios.add(new Sweep.Scenario(null, inputFiles.get(i), solutionFiles.isEmpty() ? null : solutionFiles.get(i), latencyFile));
        }
        // every setting of this sweep comes from the command line, so a setting the sweep refuses is a usage error
        return CommandErrors.fromOptions(spec, () -> {
            double[] range = Sweep.parseRange(average);
            return new Sweep(scenarios, List.of(), schedulers, seeds, Sweep.parseLoads(loads), lates, horizonNs, range[0], range[1]);
        });
    }

    /**
     * Reads every scenario's inputs into {@code scenarios}, the sets of every suite included (solving
     * a table for each set when a table-reading scheduler runs: {@link SuiteTables}); returns the
     * plan, which names each by the digest of its inputs.
     */
    static SweepPlan load(Sweep sweep, List<Experiment.Scenario> scenarios, Path output, PrintWriter err) {
        List<SweepPlan.ScenarioKey> keys = new ArrayList<>();
        Set<String> names = new HashSet<>();
        loadScenarios(sweep, scenarios, keys, names);
        for (Sweep.SuiteSource source : sweep.suites()) {
            SuiteTables.load(source, sweep.needsSolutions(), output, err, scenarios, keys, names);
        }
        return SweepPlan.of(sweep, keys);
    }

    private static void loadScenarios(Sweep sweep, List<Experiment.Scenario> scenarios, List<SweepPlan.ScenarioKey> keys, Set<String> names) {
        for (Sweep.Scenario sc : sweep.scenarios()) {
            Instance instance = InstanceFiles.read(sc.instance());
            String name = sc.name() == null ? instance.name() : sc.name();
            if (!names.add(name)) {
                throw new IllegalArgumentException("Two scenarios are named '" + name + "' (the second is " + sc.instance()
                        + "); give each a distinct name in the sweep file");
            }
            LatencyTable latency = LatencyInputs.forInstance(instance, sc.latency());
            String solutionDigest = "none";
            Experiment.Scenario scenario = new Experiment.Scenario(name, instance, latency, null);
            if (sc.solution() != null) {
                Solution solution = SolutionSource.read(sc.solution(), instance);
                solutionDigest = SweepPlan.sha256(InputFiles.readBytes(sc.solution()));
                scenario = new Experiment.Scenario(name, instance, latency, SolutionScaling.from(solution, instance));
            }
            scenarios.add(scenario);
            keys.add(new SweepPlan.ScenarioKey(name, SweepPlan.inputsDigest(instance, latency, solutionDigest)));
        }
    }

    /** The progress bar of the cells that run, and a line on the cells a resumed run finds done. */
    private static final class CellProgress implements SweepRunner.Listener, AutoCloseable {
        private final PrintWriter err;
        private final String prefix;
        private final Path output;
        private Progress bar;

        CellProgress(PrintWriter err, String prefix, Path output) {
            this.err = err;
            this.prefix = prefix;
            this.output = output;
        }

        @Override
        public void starting(int toRun, int reused) {
            if (reused > 0) {
                err.printf("%s%d cells already done in %s, %d to run%n", prefix, reused, output.resolve(SweepPlan.CELLS), toRun);
                err.flush();
            }
            bar = Progress.start(err, "experiment", toRun, "cells");
        }

        @Override
        public void cellDone(Cell cell) {
            bar.step();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
