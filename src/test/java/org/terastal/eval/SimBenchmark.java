package org.terastal.eval;

import java.util.List;
import java.util.Locale;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;

/**
 * Simulation speed on one core (not a unit test): all six shipped models on the dual WS + OS platform
 * with the shipped MAESTRO latencies, 60 simulated seconds per run; each configuration runs
 * {@value #WARMUP} times to warm up the JIT (on one core the compiler shares the core with the run, so
 * fewer left the first configuration half-compiled) and then {@value #TIMED} timed times, and the
 * median and the fastest run are reported (single runs on a shared machine vary by tens of percent).
 * Run from the project folder with target/classes, target/test-classes and the dependencies on the
 * class path; arguments: [all-on-WS load, default 1.25] [simulated seconds, default 60], or
 * {@code xrbench [simulated seconds]} to time every shipped XRBench instance (built-in latencies, its
 * shipped solution) instead.
 */
public final class SimBenchmark {
    /** Schedulers to time (system property {@code bench.schedulers}, comma-separated); all when unset. */
    private static final List<String> ONLY = System.getProperty("bench.schedulers", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.schedulers").split(","));

    private static final int WARMUP = 5;
    private static final int TIMED = 9;

    private SimBenchmark() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("xrbench")) {
            long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
            try (var files = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("instances"), "xrbench-*.json")) {
                List<java.nio.file.Path> sorted = new java.util.ArrayList<>();
                files.forEach(sorted::add);
                java.util.Collections.sort(sorted);
                for (java.nio.file.Path file : sorted) {
                    Instance instance = org.terastal.io.json.InstanceFiles.read(file);
                    LatencyTable table = org.terastal.cli.LatencyInputs.forInstance(instance, null);
                    Solution solution = org.terastal.io.json.SolutionFiles.read(java.nio.file.Path.of("solutions", file.getFileName().toString()));
                    measure(instance.name() + ", built-in latencies", instance, table, solution, seconds);
                }
            }
            return;
        }
        double wsLoad = args.length > 0 ? Double.parseDouble(args[0]) : 1.25;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        Instance instance = SixModels.mix("six-models", wsLoad, List.of(Share.of("vgg11", 1), Share.of("resnet50", 1),
                Share.of("inceptionv3", 1), Share.of("mobilenetv2_ssd", 1), Share.of("swin_tiny", 1), Share.of("sp2dense", 1)));
        LatencyTable table = SixModels.latency(instance);
        Solution solution = SolutionHeuristics.solve(instance, table, true);
        measure(String.format(Locale.ROOT, "six models, all-on-WS load %.2f", wsLoad), instance, table, solution, seconds);
    }

    private static void measure(String what, Instance instance, LatencyTable table, Solution solution, long seconds) {
        long horizon = seconds * 1_000_000_000L;
        System.out.printf(Locale.ROOT, "%s, %d simulated s, java %s%n", what, seconds, System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-20s %-9s %6s %12s %10s %14s %10s %14s%n", "scheduler", "late", "trace", "dispatches", "median_s",
                "dispatches/s", "best_s", "dispatches/s");
        for (String s : Schedulers.NAMES) {
            if (!ONLY.isEmpty() && !ONLY.contains(s)) {
                continue;
            }
            for (LatePolicy late : LatePolicy.values()) {
                for (boolean trace : new boolean[] {false, true}) {
                    SimConfig cfg = new SimConfig(horizon, 1, late, 1.0, trace);
                    for (int i = 0; i < WARMUP; i++) {
                        Simulator.run(instance, table, Schedulers.factory(s, (x, y) -> solution), cfg);
                    }
                    double[] walls = new double[TIMED];
                    SimResult r = null;
                    for (int i = 0; i < walls.length; i++) {
                        long t0 = System.nanoTime();
                        r = Simulator.run(instance, table, Schedulers.factory(s, (x, y) -> solution), cfg);
                        walls[i] = (System.nanoTime() - t0) / 1e9;
                    }
                    java.util.Arrays.sort(walls);
                    double wall = walls[walls.length / 2];
                    System.out.printf(Locale.ROOT, "%-20s %-9s %6s %12d %10.3f %14.0f %10.3f %14.0f%n", s, late.label(), trace, r.dispatches(),
                            wall, r.dispatches() / wall, walls[0], r.dispatches() / walls[0]);
                }
            }
        }
    }
}
