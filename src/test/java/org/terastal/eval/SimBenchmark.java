package org.terastal.eval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Solution;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.online.Schedulers;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;

/**
 * Simulation speed (not a unit test): all six shipped models on the dual WS + OS platform with the
 * shipped MAESTRO latencies, or {@code xrbench} for every shipped XRBench instance (built-in latencies,
 * its shipped solution). Arguments: [all-on-WS load, default 1.25] [simulated seconds, default 60], or
 * {@code xrbench [simulated seconds]}. Run from the project folder with target/classes,
 * target/test-classes and the dependencies on the class path.
 *
 * <p>Each (workload, scheduler, late-frame policy, trace) configuration runs in a JVM of its own, as
 * JMH forks do: in one JVM the JIT's profile of one configuration slowed the next by up to 2x
 * (docs/benchmarks.md). The child gets the parent's JVM options and CPU affinity. In it the
 * configuration runs {@value #WARMUP} times, and for at least 5 s, to warm up the JIT (on one core the compiler shares the
 * core with the run, and short runs need more than five), then {@value #TIMED} timed times; the median and the fastest run are reported.
 * System properties: {@code bench.schedulers} (comma-separated; all when unset), {@code bench.fork=false}
 * to run every configuration in this JVM.
 */
public final class SimBenchmark {
    private static final List<String> ONLY = System.getProperty("bench.schedulers", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.schedulers").split(","));
    /** Set in a forked child: "workload index,scheduler,late policy,trace". */
    private static final String ONE = System.getProperty("bench.one", "");
    private static final boolean FORK = !"false".equals(System.getProperty("bench.fork"));
    private static final int WARMUP = 5;
    /** Warm-up lasts at least this long: a fresh JVM on one core needs seconds to finish its optimised compiles. */
    private static final long WARMUP_NS = 5_000_000_000L;
    private static final int TIMED = 9;

    private record Workload(String label, Instance instance, LatencyTable table, Solution solution, long seconds) {
    }

    private SimBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<Workload> workloads = workloads(args);
        if (!ONE.isEmpty()) {
            String[] one = ONE.split(",");
            Workload w = workloads.get(Integer.parseInt(one[0]));
            measure(w, one[1], LatePolicy.parse(one[2]), Boolean.parseBoolean(one[3]));
            return;
        }
        for (int i = 0; i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            System.out.printf(Locale.ROOT, "%s, %d simulated s, java %s, %s%n", w.label(), w.seconds(), System.getProperty("java.version"),
                    FORK ? "one JVM per row" : "one JVM");
            System.out.printf(Locale.ROOT, "%-20s %-9s %6s %12s %10s %14s %10s %14s%n", "scheduler", "late", "trace", "dispatches",
                    "median_s", "dispatches/s", "best_s", "dispatches/s");
            for (String s : Schedulers.NAMES) {
                if (!ONLY.isEmpty() && !ONLY.contains(s)) {
                    continue;
                }
                for (LatePolicy late : LatePolicy.values()) {
                    for (boolean trace : new boolean[] {false, true}) {
                        if (FORK) {
                            fork(args, i + "," + s + "," + late.label() + "," + trace);
                        } else {
                            measure(w, s, late, trace);
                        }
                    }
                }
            }
        }
    }

    private static List<Workload> workloads(String[] args) throws IOException {
        List<Workload> out = new ArrayList<>();
        if (args.length > 0 && args[0].equals("xrbench")) {
            long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
            List<Path> sorted = new ArrayList<>();
            try (var files = Files.newDirectoryStream(Path.of("instances"), "xrbench-*.json")) {
                files.forEach(sorted::add);
            }
            Collections.sort(sorted);
            for (Path file : sorted) {
                Instance instance = InstanceFiles.read(file);
                out.add(new Workload(instance.name() + ", built-in latencies", instance, LatencyInputs.forInstance(instance, null),
                        SolutionFiles.read(Path.of("solutions", file.getFileName().toString())), seconds));
            }
            return out;
        }
        double wsLoad = args.length > 0 ? Double.parseDouble(args[0]) : 1.25;
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 60;
        Instance instance = SixModels.mix("six-models", wsLoad, List.of(Share.of("vgg11", 1), Share.of("resnet50", 1),
                Share.of("inceptionv3", 1), Share.of("mobilenetv2_ssd", 1), Share.of("swin_tiny", 1), Share.of("sp2dense", 1)));
        LatencyTable table = SixModels.latency(instance);
        out.add(new Workload(String.format(Locale.ROOT, "six models, all-on-WS load %.2f", wsLoad), instance, table,
                SolutionHeuristics.solve(instance, table, true), seconds));
        return out;
    }

    /** Runs one configuration in a child JVM with this JVM's options and class path; its row goes to our output. */
    private static void fork(String[] args, String one) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-Dbench.")) {
                command.add(option);
            }
        }
        command.add("-Dbench.one=" + one);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SimBenchmark.class.getName());
        command.addAll(Arrays.asList(args));
        System.out.flush();
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (child.waitFor() != 0) {
            throw new IllegalStateException("The benchmark run " + one + " failed with exit code " + child.exitValue());
        }
    }

    private static void measure(Workload w, String scheduler, LatePolicy late, boolean trace) {
        SimConfig cfg = new SimConfig(w.seconds() * 1_000_000_000L, 1, late, 1.0, trace);
        long warmUntil = System.nanoTime() + WARMUP_NS;
        for (int i = 0; i < WARMUP || System.nanoTime() < warmUntil; i++) {
            run(w, scheduler, cfg);
        }
        double[] walls = new double[TIMED];
        SimResult r = null;
        for (int i = 0; i < walls.length; i++) {
            long t0 = System.nanoTime();
            r = run(w, scheduler, cfg);
            walls[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(walls);
        double wall = walls[walls.length / 2];
        System.out.printf(Locale.ROOT, "%-20s %-9s %6s %12d %10.3f %14.0f %10.3f %14.0f%n", scheduler, late.label(), trace, r.dispatches(),
                wall, r.dispatches() / wall, walls[0], r.dispatches() / walls[0]);
    }

    private static SimResult run(Workload w, String scheduler, SimConfig cfg) {
        return Simulator.run(w.instance(), w.table(), Schedulers.factory(scheduler, (x, y) -> w.solution()), cfg);
    }
}
