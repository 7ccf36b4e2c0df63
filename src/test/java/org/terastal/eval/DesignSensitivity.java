package org.terastal.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.online.TerastalScheduler;
import org.terastal.scenario.suite.SuiteManifest;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.sim.SolutionProvider;
import org.terastal.sim.SolutionScaling;

/**
 * The sensitivity of Terastal's constants on the design suites: the critical slack of {@code terastal},
 * the slack margin below which a model is homed on its fastest engines ({@link SolutionScaling#MIN_SLACK})
 * and the headroom threshold of {@code terastal-budget} (the only policy whose order it switches). For
 * each value, the mean per-model miss rate over the sets of each suite, loads 0.6-1.6 and
 * both late-frame policies, as the protocol's statistics compute it (seed 1, 5 simulated seconds).
 * Reads the suites drawn by sweeps/suites.sh and the tables a run of sweeps/design.json solved:
 *
 * <pre>
 * bash sweeps/suites.sh && ./terastal experiment sweeps/design.json -o out/design
 * mvn -B -ntp test-compile && java -cp target/classes:target/test-classes:$(cat target/classpath.txt) \
 *   org.terastal.eval.DesignSensitivity out/suites out/design
 * </pre>
 * (target/classpath.txt: {@code mvn -B -ntp dependency:build-classpath -Dmdep.outputFile=target/classpath.txt}).
 * Further arguments {@code terastal:headroom:critical:margin} or {@code budget:headroom:critical:margin}
 * measure those settings instead of the default list.
 */
public final class DesignSensitivity {
    /**
     * The suites measured: the design suites, where constants are chosen; {@code -Dsensitivity.suites=test}
     * reports what the same settings give on the test suites (to report, never to choose).
     */
    private static final String[] SUITES = Arrays.stream(new String[] {"-six-builtin", "-six-maestro", "-xrbench"})
            .map(s -> System.getProperty("sensitivity.suites", "design") + s).toArray(String[]::new);
    private static final long HORIZON = 5_000_000_000L;

    private record Set(Instance instance, LatencyTable latency, Solution solution) {
    }

    public static void main(String[] args) throws Exception {
        Path suites = Path.of(args[0]);
        Path run = Path.of(args[1]);
        // {budgets (1) or not, headroom, critical, margin}; further arguments "budget|terastal:headroom:critical:margin" replace these
        double[][] settings = args.length > 2 ? settings(args) : new double[][] {{0, 0.3, 0.15, 0.05}, {0, 0.3, 0.0, 0.05}, {0, 0.3, 0.05, 0.05},
            {0, 0.3, 0.1, 0.05}, {0, 0.3, 0.12, 0.05}, {0, 0.3, 0.2, 0.05}, {0, 0.3, 0.3, 0.05}, {0, 0.3, 0.15, 0.0}, {0, 0.3, 0.15, 0.03},
            {0, 0.3, 0.15, 0.07}, {0, 0.3, 0.15, 0.1}, {1, 0.3, 0.15, 0.05}, {1, 0.1, 0.15, 0.05}, {1, 0.2, 0.15, 0.05}, {1, 0.4, 0.15, 0.05},
            {1, 0.5, 0.15, 0.05}, {1, 2.0, 0.15, 0.05}};
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        StringBuilder out = new StringBuilder("| policy | headroom | critical | margin |");
        for (String s : SUITES) {
            out.append(' ').append(s).append(" drop | continue |");
        }
        out.append('\n');
        List<List<Set>> loaded = new ArrayList<>();
        for (String s : SUITES) {
            loaded.add(load(suites.resolve(s), run.resolve("solutions").resolve(s)));
        }
        for (double[] setting : settings) {
            boolean budgets = setting[0] > 0;
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |", budgets ? "terastal-budget" : "terastal",
                    budgets ? setting[1] > 1 ? "never" : String.valueOf(setting[1]) : "-", setting[2], setting[3]));
            for (List<Set> sets : loaded) {
                for (LatePolicy late : LatePolicy.values()) {
                    List<Future<Double>> parts = new ArrayList<>();
                    for (Set set : sets) {
                        parts.add(pool.submit(() -> perModelOverLoads(set, late, budgets, setting[1], setting[2], setting[3])));
                    }
                    double sum = 0;
                    for (Future<Double> p : parts) {
                        sum += p.get();
                    }
                    out.append(String.format(Locale.ROOT, " %.4f |", sum / sets.size()));
                }
            }
            out.append('\n');
            System.out.print(out);
            out.setLength(0);
        }
        pool.shutdown();
    }

    private static double[][] settings(String[] args) {
        double[][] settings = new double[args.length - 2][];
        for (int i = 2; i < args.length; i++) {
            String[] parts = args[i].split(":");
            if (parts.length != 4 || !(parts[0].equals("terastal") || parts[0].equals("budget"))) {
                throw new IllegalArgumentException("The setting '" + args[i] + "' is not policy:headroom:critical:margin, e.g. terastal:0.3:0.15:0.05");
            }
            settings[i - 2] = new double[] {parts[0].equals("budget") ? 1 : 0, Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                Double.parseDouble(parts[3])};
        }
        return settings;
    }

    private static List<Set> load(Path suite, Path tables) {
        SuiteManifest manifest = SuiteManifest.read(suite.resolve(SuiteManifest.FILE));
        Path latencyFile = manifest.latency().endsWith(".csv") ? Path.of("latency").resolve(manifest.latency()) : null;
        List<Set> sets = new ArrayList<>();
        for (SuiteManifest.SetEntry entry : manifest.sets()) {
            Instance instance = InstanceFiles.read(suite.resolve(entry.file()));
            Path table = tables.resolve(instance.name() + ".json");
            if (!Files.exists(table)) {
                throw new IllegalArgumentException("No table " + table + "; run sweeps/design.json (or sweeps/test.json for the test suites) into that folder first");
            }
            Solution solution = SolutionFiles.read(table);
            sets.add(new Set(instance, LatencyInputs.forInstance(instance, latencyFile), solution));
        }
        return sets;
    }

    /** The set's per-model miss rate, averaged over loads 0.6-1.6. */
    private static double perModelOverLoads(Set set, LatePolicy late, boolean budgets, double headroom, double critical, double margin) {
        SolutionProvider solutions = SolutionScaling.from(set.solution(), set.instance(), margin);
        double sum = 0;
        int loads = 0;
        for (int i = 6; i <= 16; i++) {
            SimResult r = Simulator.run(set.instance(), set.latency(),
                    (inst, lat) -> TerastalScheduler.withConstants(solutions.solutionFor(inst, lat), budgets, headroom, critical),
                    new SimConfig(HORIZON, 1, late, i / 10.0, false));
            sum += r.models().stream().mapToDouble(ModelMetrics::missRate).average().orElse(0);
            loads++;
        }
        return sum / loads;
    }
}
