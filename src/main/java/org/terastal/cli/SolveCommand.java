package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.io.InputFiles;
import org.terastal.io.csv.SolutionCsv;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.Backend;
import org.terastal.offline.Formulation;
import org.terastal.offline.LexicographicSolve;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.OfflineSolver;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.SolverSettings;
import org.terastal.offline.WarmStart;
import org.terastal.offline.backends.Backends;
import org.terastal.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code terastal solve}: the offline stage. Prints each accelerator's load before (every layer on
 * its fastest engine, no variants) and after (the plan), the enabled variants and the objective;
 * writes the solution table only when a plan was found (OPTIMAL, or FEASIBLE at the time limit).
 */
@Command(name = "solve", description = {
        "Choose each model's variant set, each layer's home accelerator and implementation, and virtual budgets.",
        "Minimises the busiest accelerator's load, then maximises migratable work, then minimises accuracy loss.",
        "Writes the solution table only when a plan is found; exit code 1 otherwise, with the reason."})
public final class SolveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INSTANCE", description = "Instance file (terastal-instance/1 JSON).")
    Path instanceFile;

    @Option(names = "--latency", paramLabel = "CSV",
            description = "Latency table (model,layer,implementation,accelerator,latency_ns); rows of other models are skipped. "
                    + "Default: the built-in cost model.")
    Path latencyFile;

    @Option(names = "--solver", paramLabel = "SOLVER", defaultValue = "cpsat", converter = OptionTypes.SolverNames.class,
            completionCandidates = OptionTypes.SolverNames.class,
            description = "cpsat (OR-Tools CP-SAT), choco (pure Java, no natives) or scip (mip formulation only) (default: ${DEFAULT-VALUE}).")
    String solver;

    @Option(names = "--formulation", paramLabel = "FORMULATION", defaultValue = "table", converter = OptionTypes.Formulations.class,
            completionCandidates = OptionTypes.Formulations.class,
            description = "table (allowed-assignments table for variant sets) or mip (one 0-1 per admissible set) (default: ${DEFAULT-VALUE}).")
    Formulation formulation;

    @Mixin
    SolverOptions options;

    @Option(names = "--from", paramLabel = "SOLUTION",
            description = "Re-plan: start from an earlier solution (before a rate, task, model or latency change); its parts that "
                    + "still apply are solver hints, the others are dropped and named. The optimum is the same as without it.")
    Path from;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Solution table to write (JSON).")
    Path output;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the solution table as CSV, one row per layer.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        SolverSettings settings = options.settings(spec);
        // --cap auto: no cap of the user's (0), the solve finds the lowest
        long cap = options.lowestCap() ? 0 : options.capPpm(spec);
        return CommandErrors.run(spec, () -> solve(settings, cap));
    }

    private int solve(SolverSettings settings, long cap) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Backend backend = Backends.create(solver);
        Formulation form = formulation;
        Instance instance = InstanceFiles.read(instanceFile);
        LatencyTable latencies = LatencyInputs.forInstance(instance, latencyFile);
        OfflineProblem problem = OfflineProblem.of(instance, latencies, cap == 0 ? OfflineProblem.PPM : cap);
        int layers = problem.models().stream().mapToInt(m -> m.layers().size()).sum();
        out.printf(Locale.ROOT, "instance %s (%s): %d models, %d layers; accelerators %s; cap %s%n", instance.name(),
                InstanceFiles.checksum(instance), problem.models().size(), layers, String.join(", ", problem.accelerators()),
                cap == 0 ? "auto (the lowest that has a plan)" : Loads.ratio(cap));
        out.println("load before (every layer on its fastest accelerator, no variants): "
                + Loads.line(problem.accelerators(), problem.preferredLoads()));
        WarmStart warm = from == null ? null : warmStart(problem);
        if (warm != null) {
            out.println(warm.summary());
            warm.dropped().forEach(part -> out.println("  dropped " + part));
        }
        out.flush();

        SolveOutcome outcome;
        try (Progress progress = Progress.clock(err, "solve", settings.timeLimitSeconds())) {
            LexicographicSolve.PhaseListener phases =
                    (phase, count, objective) -> progress.message("phase " + (phase + 1) + "/" + count + ": " + objective);
            outcome = cap == 0 ? OfflineSolver.solveAtLowestCap(instance, latencies, backend, form, settings, phases, warm)
                    : OfflineSolver.solve(instance, latencies, backend, form, settings, cap, phases, warm);
        }
        out.printf(Locale.ROOT, "%s with %s, formulation %s, in %.1f s%s%n", outcome.status(), backend.name(), form.label(),
                outcome.wallTimeMs() / 1000.0, outcome.modelSize().isEmpty() ? "" : " (" + outcome.modelSize() + ")");
        Solution solution = outcome.solution();
        if (solution == null) {
            out.flush();
            outcome.diagnosis().forEach(reason -> CommandErrors.print(spec, "no plan: " + reason));
            return CommandErrors.fail(spec, "nothing written");
        }
        if (cap == 0) {
            out.println(Loads.chosenCap(solution));
        }
        out.println("load after (the plan's homes and implementations):              "
                + Loads.line(problem.accelerators(), OfflineSolver.loads(instance, latencies, solution.models())));
        out.println("enabled variants:");
        for (ModelPlan plan : solution.models()) {
            out.printf(Locale.ROOT, "  %-18s %s (worst-case accuracy %.4f)%n", plan.model(),
                    plan.enabledVariants().isEmpty() ? "none" : String.join(", ", plan.enabledVariants()), plan.worstCaseAccuracy());
        }
        out.println("objective (lexicographic)            value        bound");
        for (Map.Entry<String, Long> term : solution.objective().entrySet()) {
            Long bound = solution.bound().get(term.getKey());
            out.printf(Locale.ROOT, "  %-28s %12d %12s%n", term.getKey(), term.getValue(), bound == null ? "-" : bound.toString());
        }
        if (solution.status() == SolveStatus.FEASIBLE) {
            out.printf(Locale.ROOT, "time limit reached: the last term solved is within a relative gap of %.4f of its bound%n", solution.gap());
        }
        SolutionFiles.write(output, solution);
        out.println("wrote " + output);
        if (csv != null) {
            SolutionCsv.write(csv, solution);
            out.println("wrote " + csv);
        }
        out.flush();
        return 0;
    }

    /** The solution of {@code --from}, recorded by its file name and the checksum of its bytes. */
    private WarmStart warmStart(OfflineProblem problem) {
        byte[] bytes = InputFiles.readBytes(from);
        Solution previous = SolutionFiles.parse(from.toString(), new String(bytes, StandardCharsets.UTF_8));
        return WarmStart.of(previous, from.getFileName().toString(), SweepPlan.sha256(bytes), problem);
    }
}
