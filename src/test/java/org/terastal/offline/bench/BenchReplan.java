package org.terastal.offline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.domain.Task;
import org.terastal.io.AtomicFiles;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.Backend;
import org.terastal.offline.Formulation;
import org.terastal.offline.Objectives;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.OfflineSolver;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.SolverSettings;
import org.terastal.offline.WarmStart;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.check.SolutionChecker;

/**
 * Re-planning benchmark (docs/benchmarks.md): per instance file (built-in latencies), a cold solve
 * of the instance as it is (the earlier plan), then the rate of one task is multiplied by FACTOR
 * (the first periodic task no other task follows) and the changed instance is solved cold and
 * warm-started from the earlier plan. One CSV row per instance: both solves' status, wall time,
 * objective terms and gap, and the checker's violations of each.
 *
 * <pre>
 * java -cp … org.terastal.offline.bench.BenchReplan OUT.csv TIME_LIMIT_S FACTOR INSTANCE.json…
 * </pre>
 * CP-SAT, table formulation, one worker, seed 0, deterministic mode, cap 1.0.
 */
public final class BenchReplan {
    private static final String HEADER = "instance,layers,task,fps_before,fps_after,time_limit_s,previous_status,previous_ms,"
            + "cold_status,cold_ms,cold_max_load_ppm,cold_migratable_work_ppm,cold_accuracy_loss_ppm,cold_gap,"
            + "warm_status,warm_ms,warm_max_load_ppm,warm_migratable_work_ppm,warm_accuracy_loss_ppm,warm_gap,violations";

    private BenchReplan() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: BenchReplan OUT.csv TIME_LIMIT_S FACTOR INSTANCE.json…");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        SolverSettings settings = SolverSettings.defaults().withTimeLimit(Double.parseDouble(args[1]));
        double factor = Double.parseDouble(args[2]);
        Backend cpsat = Backends.create("cpsat");
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        for (int i = 3; i < args.length; i++) {
            Instance before = InstanceFiles.read(Path.of(args[i]));
            SolveOutcome previous = solve(before, cpsat, settings, null);
            if (previous.solution() == null) {
                System.out.println(before.name() + ": no earlier plan, " + previous.status());
                continue;
            }
            List<Task> tasks = new ArrayList<>(before.tasks());
            int k = changed(tasks);
            Task t = tasks.get(k);
            tasks.set(k, new Task(t.id(), t.model(), t.fps() * factor, t.deadlineNs(), t.offsetNs(), t.jitterNs(), t.dependency(), t.weight()));
            Instance after = new Instance(before.name(), before.description(), before.platform(), before.models(), tasks);
            LatencyTable latencies = LatencyInputs.forInstance(after, null);
            // the earlier plan as a file gives it, so that the warm start reads what solve --from reads
            Solution earlier = SolutionFiles.parse("previous.json", SolutionFiles.toJson(previous.solution()));
            WarmStart warm = WarmStart.of(earlier, "previous.json", "-", OfflineProblem.of(after, latencies, OfflineProblem.PPM));
            SolveOutcome cold = solve(after, cpsat, settings, null);
            SolveOutcome warmed = solve(after, cpsat, settings, warm);
            int violations = violations(after, latencies, cold) + violations(after, latencies, warmed);
            String row = String.join(",", List.of(before.name(), Integer.toString(before.models().stream().mapToInt(m -> m.layers().size()).sum()),
                    t.id(), fps(t.fps()), fps(t.fps() * factor), args[1], previous.status().name(), Long.toString(previous.wallTimeMs()),
                    outcome(cold), outcome(warmed), Integer.toString(violations)));
            rows.add(row);
            System.out.println(row);
            AtomicFiles.write(out, String.join("\n", rows) + "\n");
        }
    }

    private static SolveOutcome solve(Instance instance, Backend backend, SolverSettings settings, WarmStart warm) {
        return OfflineSolver.solve(instance, LatencyInputs.forInstance(instance, null), backend, Formulation.TABLE, settings,
                OfflineProblem.PPM, (phase, phases, objective) -> { }, warm);
    }

    /** The first periodic task that no other task follows: changing its rate keeps every cascade's rate consistent. */
    private static int changed(List<Task> tasks) {
        for (int k = 0; k < tasks.size(); k++) {
            String id = tasks.get(k).id();
            if (tasks.get(k).dependency() == null && tasks.stream().noneMatch(t -> t.dependency() != null && t.dependency().parent().equals(id))) {
                return k;
            }
        }
        throw new IllegalArgumentException("every task is cascaded or has cascades");
    }

    private static int violations(Instance instance, LatencyTable latencies, SolveOutcome o) {
        return o.solution() == null ? 0 : SolutionChecker.check(instance, latencies, o.solution()).size();
    }

    private static String outcome(SolveOutcome o) {
        Solution s = o.solution();
        return String.join(",", o.status().name(), Long.toString(o.wallTimeMs()), term(s, Objectives.MAX_LOAD),
                term(s, Objectives.MIGRATABLE_WORK), term(s, Objectives.ACCURACY_LOSS),
                s == null ? "" : String.format(Locale.ROOT, "%.6f", s.gap()));
    }

    private static String fps(double fps) {
        return String.format(Locale.ROOT, "%.3f", fps);
    }

    private static String term(Solution s, String name) {
        return s == null ? "" : String.valueOf(s.objective().get(name));
    }
}
