package org.terastal.offline.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.terastal.io.csv.LatencyCsv;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.io.AtomicFiles;
import org.terastal.io.json.InstanceFiles;
import org.terastal.offline.Backend;
import org.terastal.offline.Formulation;
import org.terastal.offline.InstanceGenerator;
import org.terastal.offline.Objectives;
import org.terastal.offline.OfflineFormulation;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.OfflineSolver;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.SolverSettings;
import org.terastal.offline.SyntheticLatencies;
import org.terastal.offline.TestInstances;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.check.SolutionChecker;

/**
 * Scaling benchmark of the offline stage (docs/benchmarks.md): generates instances from seeds and
 * sizes, gives them {@link SyntheticLatencies}, solves each with every back-end and formulation
 * under a time limit, checks every solution, and writes one CSV row per solve.
 *
 * <pre>
 * java -cp … org.terastal.offline.bench.BenchSolve OUT.csv TIME_LIMIT_S SEEDS SIZES SOLVERS FORMULATIONS
 *   SEEDS        e.g. 1,2,3; or "mixes" to solve the instances named in SIZES instead of generated ones
 *   SIZES        models x layers x accelerators, e.g. 2x50x2,8x100x2,32x200x4; with "mixes", TestInstances names
 *                (pair, trio, six, model@fps+…) or instance files, each optionally followed by :LATENCY.csv
 *                (default: the shipped MAESTRO table)
 *   SOLVERS      e.g. cpsat,choco,scip
 *   FORMULATIONS e.g. table,mip
 * </pre>
 * Generated instances use the generator's default load 0.5 and {@link SyntheticLatencies}; the mixes
 * use the shipped MAESTRO latency table. Every solve uses one worker, seed 0, deterministic mode.
 */
public final class BenchSolve {
    private static final String HEADER = "seed,models,layers,accelerators,instance,solver,formulation,status,time_limit_s,wall_time_ms,"
            + "max_load_ppm,migratable_work_ppm,accuracy_loss_ppm,gap,branches,conflicts,variables,violations";

    private BenchSolve() {
    }

    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: BenchSolve OUT.csv TIME_LIMIT_S SEEDS SIZES SOLVERS FORMULATIONS");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        double limit = Double.parseDouble(args[1]);
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        boolean mixes = args[2].equals("mixes");
        for (String seedText : mixes ? new String[] {"0"} : args[2].split(",")) {
            long seed = Long.parseLong(seedText);
            for (String size : args[3].split(",")) {
                Instance instance;
                LatencyTable latencies;
                String[] mla;
                if (mixes) {
                    String[] nameAndCsv = size.split(":");
                    instance = nameAndCsv[0].endsWith(".json") ? InstanceFiles.read(Path.of(nameAndCsv[0])) : TestInstances.named(nameAndCsv[0]);
                    latencies = LatencyCsv.read(nameAndCsv.length > 1 ? Path.of(nameAndCsv[1]) : TestInstances.LATENCY_CSV, instance);
                    mla = new String[] {Integer.toString(instance.models().size()),
                            Integer.toString(instance.models().stream().mapToInt(m -> m.layers().size()).max().orElse(0)),
                            Integer.toString(instance.platform().size())};
                } else {
                    mla = size.split("x");
                    instance = InstanceGenerator.generate(new InstanceGenerator.Settings(seed, Integer.parseInt(mla[0]),
                            Integer.parseInt(mla[1]), Integer.parseInt(mla[2]), 0.5));
                    latencies = SyntheticLatencies.of(instance);
                }
                for (String solver : args[4].split(",")) {
                    Backend backend = Backends.create(solver);
                    for (String f : args[5].split(",")) {
                        Formulation formulation = Formulation.of(f);
                        OfflineProblem problem = OfflineProblem.of(instance, latencies, OfflineProblem.PPM);
                        var ir = OfflineFormulation.build(problem, formulation).ir();
                        var refused = OfflineSolver.unsupported(instance, latencies, backend, formulation, OfflineProblem.PPM);
                        if (refused.isPresent()) {
                            String row = String.join(",", List.of(Long.toString(seed), mla[0], mla[1], mla[2], instance.name(), solver, f,
                                    "SKIPPED", Double.toString(limit), "", "", "", "", "", "", "", Integer.toString(ir.vars().size()), ""));
                            rows.add(row);
                            System.out.println(row + "  # " + refused.get());
                            continue;
                        }
                        SolveOutcome o = OfflineSolver.solve(instance, latencies, backend, formulation,
                                new SolverSettings(1, 0, limit, true), OfflineProblem.PPM);
                        Solution s = o.solution();
                        int violations = s == null ? 0 : SolutionChecker.check(instance, latencies, s).size();
                        String row = String.join(",", List.of(Long.toString(seed), mla[0], mla[1], mla[2], instance.name(), solver, f,
                                o.status().name(), Double.toString(limit), Long.toString(o.wallTimeMs()),
                                term(s, Objectives.MAX_LOAD), term(s, Objectives.MIGRATABLE_WORK), term(s, Objectives.ACCURACY_LOSS),
                                s == null ? "" : String.format(Locale.ROOT, "%.6f", s.gap()), Long.toString(o.branches()),
                                Long.toString(o.conflicts()), Integer.toString(ir.vars().size()), Integer.toString(violations)));
                        rows.add(row);
                        System.out.println(row + (o.diagnosis().isEmpty() ? "" : "  # " + o.diagnosis()));
                        AtomicFiles.write(out, String.join("\n", rows) + "\n");
                    }
                }
            }
        }
    }

    private static String term(Solution s, String name) {
        return s == null ? "" : String.valueOf(s.objective().get(name));
    }
}
