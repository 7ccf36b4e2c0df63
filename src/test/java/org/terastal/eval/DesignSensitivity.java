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

    /** One row: {@code terastal} or, with budgets, {@code terastal-budget}, with these constants. */
    private record Setting(boolean budgets, double headroom, double critical, double margin) {
        /** The headroom is not read without budgets. */
        static Setting terastal(double critical, double margin) {
            return new Setting(false, 0.3, critical, margin);
        }

        /** With the shipped critical slack and margin. */
        static Setting budget(double headroom) {
            return new Setting(true, headroom, 0.15, SolutionScaling.MIN_SLACK);
        }

        /** {@code terastal|budget:headroom:critical:margin}. */
        static Setting parse(String text) {
            String[] parts = text.split(":");
            if (parts.length != 4 || !(parts[0].equals("terastal") || parts[0].equals("budget"))) {
                throw new IllegalArgumentException("The setting '" + text + "' is not policy:headroom:critical:margin, e.g. terastal:0.3:0.15:0.05");
            }
            return new Setting(parts[0].equals("budget"), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
        }
    }

    public static void main(String[] args) throws Exception {
        Path suites = Path.of(args[0]);
        Path run = Path.of(args[1]);
        // further arguments replace these rows
        List<Setting> settings = args.length > 2 ? Arrays.stream(args, 2, args.length).map(Setting::parse).toList() : List.of(
                Setting.terastal(0.15, 0.05), Setting.terastal(0.0, 0.05), Setting.terastal(0.05, 0.05), Setting.terastal(0.1, 0.05),
                Setting.terastal(0.12, 0.05), Setting.terastal(0.2, 0.05), Setting.terastal(0.3, 0.05), Setting.terastal(0.15, 0.0),
                Setting.terastal(0.15, 0.03), Setting.terastal(0.15, 0.07), Setting.terastal(0.15, 0.1), Setting.budget(0.3),
                Setting.budget(0.1), Setting.budget(0.2), Setting.budget(0.4), Setting.budget(0.5), Setting.budget(2.0));
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
        for (Setting setting : settings) {
            boolean budgets = setting.budgets();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |", budgets ? "terastal-budget" : "terastal",
                    budgets ? setting.headroom() > 1 ? "never" : String.valueOf(setting.headroom()) : "-", setting.critical(), setting.margin()));
            for (List<Set> sets : loaded) {
                for (LatePolicy late : LatePolicy.values()) {
                    List<Future<Double>> parts = new ArrayList<>();
                    for (Set set : sets) {
                        parts.add(pool.submit(() -> perModelOverLoads(set, late, setting)));
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
    private static double perModelOverLoads(Set set, LatePolicy late, Setting setting) {
        SolutionProvider solutions = SolutionScaling.from(set.solution(), set.instance(), setting.margin());
        double sum = 0;
        int loads = 0;
        for (int i = 6; i <= 16; i++) {
            SimResult r = Simulator.run(set.instance(), set.latency(),
                    (inst, lat) -> TerastalScheduler.withConstants(solutions.solutionFor(inst, lat), setting.budgets(), setting.headroom(),
                            setting.critical()),
                    new SimConfig(HORIZON, 1, late, i / 10.0, false));
            sum += r.models().stream().mapToDouble(ModelMetrics::missRate).average().orElse(0);
            loads++;
        }
        return sum / loads;
    }
}
