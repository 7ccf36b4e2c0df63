package org.terastal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.io.csv.CsvWriter;
import org.terastal.io.json.InstanceFiles;
import org.terastal.offline.Backend;
import org.terastal.offline.Formulation;
import org.terastal.offline.Objectives;
import org.terastal.offline.OfflineSolver;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.SolverSettings;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.check.SolutionChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code terastal compare}: solves instances with every requested back-end and formulation and
 * records the outcomes as tidy CSV, one row per solve. Combinations a back-end cannot take (scip
 * with the table formulation) are skipped with a note. Every solution is re-verified by the
 * checker; the {@code violations} column counts what it found.
 */
@Command(name = "compare", description = {
        "Solve instances with each back-end and formulation; print a table and write tidy CSV, one row per solve."})
public final class CompareCommand implements Callable<Integer> {
    /** Columns of the CSV, with units. */
    public static final String HEADER = "instance,solver,formulation,status,max_load_ppm,migratable_work_ppm,accuracy_loss_ppm,"
            + "bound_max_load_ppm,bound_migratable_work_ppm,bound_accuracy_loss_ppm,gap,wall_time_ms,branches,conflicts,violations";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INSTANCE", description = "Instance files (terastal-instance/1 JSON).")
    List<Path> instanceFiles;

    @Option(names = "--latency", paramLabel = "CSV",
            description = "Latency table used for every instance (rows of other models are skipped). Default: the built-in cost model.")
    Path latencyFile;

    @Option(names = "--solvers", paramLabel = "SOLVER", split = ",", defaultValue = "cpsat,choco,scip", converter = OptionTypes.SolverNames.class,
            completionCandidates = OptionTypes.SolverNames.class, description = "Back-ends to run, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<String> solvers;

    @Option(names = "--formulations", paramLabel = "FORMULATION", split = ",", defaultValue = "table,mip", converter = OptionTypes.Formulations.class,
            completionCandidates = OptionTypes.Formulations.class, description = "Formulations to run, of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    List<Formulation> forms;

    @Mixin
    SolverOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "Results to write (CSV).")
    Path output;

    @Override
    public Integer call() throws Exception {
        SolverSettings settings = options.settings(spec);
        long cap = options.capPpm(spec);
        return CommandErrors.run(spec, () -> compare(settings, cap));
    }

    private int compare(SolverSettings settings, long cap) {
        PrintWriter out = spec.commandLine().getOut();
        List<Backend> backends = solvers.stream().map(Backends::create).toList();
        List<Instance> instances = instanceFiles.stream().map(InstanceFiles::read).toList();
        List<LatencyTable> tables = instances.stream().map(i -> LatencyInputs.forInstance(i, latencyFile)).toList();
        List<List<String>> csv = new ArrayList<>();
        String format = "%-24s %-6s %-6s %-10s %12s %12s %10s %10s %9s %10s%n";
        out.printf(Locale.ROOT, format, "instance", "solver", "form", "status", Objectives.MAX_LOAD, Objectives.MIGRATABLE_WORK,
                "lossPpm", "gap", "time_s", "branches");
        try (Progress bar = Progress.start(spec.commandLine().getErr(), "compare", (long) instances.size() * backends.size() * forms.size(),
                "solves")) {
            for (int i = 0; i < instances.size(); i++) {
                compare(i, instances, tables, backends, settings, cap, csv, format, out, bar);
            }
        }
        CsvWriter.write(output, rows -> {
            rows.header(HEADER);
            csv.forEach(rows::row);
        });
        out.println("wrote " + output);
        out.flush();
        return 0;
    }

    /** Every back-end and formulation on instance {@code i}: a table line and a CSV row per solve. */
    private void compare(int i, List<Instance> instances, List<LatencyTable> tables, List<Backend> backends, SolverSettings settings, long cap,
                         List<List<String>> csv, String format, PrintWriter out, Progress bar) {
        Instance instance = instances.get(i);
        for (Backend backend : backends) {
            for (Formulation form : forms) {
                bar.message(instance.name() + " " + backend.name() + " " + form.label());
                Optional<String> refused = OfflineSolver.unsupported(instance, tables.get(i), backend, form, cap);
                if (refused.isPresent()) {
                    out.println("skipped " + backend.name() + " with " + form.label() + " on " + instance.name() + ": " + refused.get());
                    bar.step();
                    continue;
                }
                SolveOutcome o = OfflineSolver.solve(instance, tables.get(i), backend, form, settings, cap);
                Solution s = o.solution();
                int violations = s == null ? 0 : SolutionChecker.check(instance, tables.get(i), s).size();
                List<String> row = new ArrayList<>(List.of(instance.name(), backend.name(), form.label(), o.status().name()));
                for (String term : Objectives.ORDER) {
                    row.add(s == null ? "" : String.valueOf(s.objective().get(term)));
                }
                for (String term : Objectives.ORDER) {
                    Long b = s == null ? null : s.bound().get(term);
                    row.add(b == null ? "" : b.toString());
                }
                row.add(s == null ? "" : String.format(Locale.ROOT, "%.6f", s.gap()));
                row.addAll(List.of(Long.toString(o.wallTimeMs()), Long.toString(o.branches()), Long.toString(o.conflicts()),
                        s == null ? "" : Integer.toString(violations)));
                csv.add(row);
                out.printf(Locale.ROOT, format, instance.name(), backend.name(), form.label(), o.status(), row.get(4), row.get(5),
                        row.get(6), row.get(10), String.format(Locale.ROOT, "%.1f", o.wallTimeMs() / 1000.0), o.branches());
                if (violations > 0) {
                    out.println("  the checker found " + violations + " violations in this solution; run terastal check on it");
                }
                out.flush();
                bar.step();
            }
        }
    }
}
