package org.terastal.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
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
 * core with the run, and short runs need more than five), then {@value #TIMED} timed times. With
 * {@code bench.rounds} = R the whole table is run R times over, so that each configuration gets R
 * forks at different times and one slow phase of a shared machine does not make all of its runs
 * (JMH's forks); the median and the fastest of all R·{@value #TIMED} runs are reported at the end.
 *
 * <p>A timed run during which the JIT compiler threads of the JVM used more than
 * {@value #JIT_SHARE_PERCENT}% of its wall time is set aside and run again (at most
 * {@value #MAX_SET_ASIDE} times per configuration and round), and the number set aside is reported. On one
 * core a compiler thread takes half of it while it runs, and code that runs once per simulation (the
 * simulator's set-up, the metrics) becomes hot only after tens of runs: its optimising compiles came
 * 10-15 s into a child and halved two to six runs in a row (docs/benchmarks.md). Garbage collection is
 * not set aside: it is part of what a run costs. The compiler threads' time is read from Linux's
 * /proc/self/task/N/schedstat; where that cannot be read no run is set aside.
 * System properties: {@code bench.schedulers} (comma-separated; all when unset), {@code bench.rounds}
 * (default 1), {@code bench.fork=false} to run every configuration in this JVM.
 */
public final class SimBenchmark {
    private static final List<String> ONLY = System.getProperty("bench.schedulers", "").isBlank() ? List.of()
            : List.of(System.getProperty("bench.schedulers").split(","));
    /** Set in a forked child: "workload index,scheduler,late policy,trace". */
    private static final String ONE = System.getProperty("bench.one", "");
    private static final boolean FORK = !"false".equals(System.getProperty("bench.fork"));
    private static final int ROUNDS = Integer.parseInt(System.getProperty("bench.rounds", "1"));
    private static final int WARMUP = 5;
    /** Warm-up lasts at least this long: a fresh JVM on one core needs seconds to finish its optimised compiles. */
    private static final long WARMUP_NS = 5_000_000_000L;
    private static final int TIMED = 9;
    /** A timed run is set aside when the JIT compiler threads used more than this share of its wall time. */
    private static final int JIT_SHARE_PERCENT = 5;
    private static final int MAX_SET_ASIDE = 50;
    /** The line a child prints for its parent: dispatches, runs set aside, then the wall time of each timed run in seconds. */
    private static final String RAW = "RAW";

    private record Workload(String label, Instance instance, LatencyTable table, Solution solution, long seconds) {
    }

    /** One configuration, the wall times measured for it so far, and its counts: dispatches per run, runs set aside. */
    private record Row(int workload, String scheduler, LatePolicy late, boolean trace, List<Double> walls, long[] counts) {
        String key() {
            return workload + "," + scheduler + "," + late.label() + "," + trace;
        }
    }

    private SimBenchmark() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<Workload> workloads = workloads(args);
        if (!ONE.isEmpty()) {
            String[] one = ONE.split(",");
            Workload w = workloads.get(Integer.parseInt(one[0]));
            Row row = new Row(Integer.parseInt(one[0]), one[1], LatePolicy.parse(one[2]), Boolean.parseBoolean(one[3]), new ArrayList<>(), new long[2]);
            measure(w, row);
            StringBuilder line = new StringBuilder(RAW).append(' ').append(row.counts()[0]).append(' ').append(row.counts()[1]);
            row.walls().forEach(t -> line.append(' ').append(t));
            System.out.println(line);
            return;
        }
        if (ROUNDS < 1) {
            throw new IllegalArgumentException("bench.rounds (" + ROUNDS + ") must be at least 1");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < workloads.size(); i++) {
            for (String s : Schedulers.NAMES) {
                if (!ONLY.isEmpty() && !ONLY.contains(s)) {
                    continue;
                }
                for (LatePolicy late : LatePolicy.values()) {
                    for (boolean trace : new boolean[] {false, true}) {
                        rows.add(new Row(i, s, late, trace, new ArrayList<>(), new long[2]));
                    }
                }
            }
        }
        for (int round = 1; round <= ROUNDS; round++) {
            for (Row row : rows) {
                System.err.printf(Locale.ROOT, "round %d/%d: %s%n", round, ROUNDS, row.key());
                if (FORK) {
                    fork(args, row);
                } else {
                    measure(workloads.get(row.workload()), row);
                }
            }
        }
        for (int i = 0; i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            System.out.printf(Locale.ROOT, "%s, %d simulated s, java %s, %s, %d round(s) of %d timed runs%n", w.label(), w.seconds(),
                    System.getProperty("java.version"), FORK ? "one JVM per row and round" : "one JVM", ROUNDS, TIMED);
            System.out.printf(Locale.ROOT, "%-20s %-9s %6s %12s %10s %14s %10s %14s %9s%n", "scheduler", "late", "trace", "dispatches",
                    "median_s", "dispatches/s", "best_s", "dispatches/s", "set_aside");
            for (Row row : rows) {
                if (row.workload() == i) {
                    double[] walls = row.walls().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    double median = walls.length % 2 == 1 ? walls[walls.length / 2]
                            : (walls[walls.length / 2 - 1] + walls[walls.length / 2]) / 2;
                    long d = row.counts()[0];
                    System.out.printf(Locale.ROOT, "%-20s %-9s %6s %12d %10.3f %14.0f %10.3f %14.0f %9d%n", row.scheduler(), row.late().label(),
                            row.trace(), d, median, d / median, walls[0], d / walls[0], row.counts()[1]);
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

    /** Runs one configuration in a child JVM with this JVM's options and class path, and adds its times to the row. */
    private static void fork(String[] args, Row row) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-Dbench.")) {
                command.add(option);
            }
        }
        command.add("-Dbench.one=" + row.key());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SimBenchmark.class.getName());
        command.addAll(Arrays.asList(args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String raw = null;
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RAW + " ")) {
                    raw = line;
                } else {
                    System.out.println(line);
                }
            }
        }
        if (child.waitFor() != 0 || raw == null) {
            throw new IllegalStateException("The benchmark run " + row.key() + " failed with exit code " + child.exitValue());
        }
        String[] parts = raw.split(" ");
        row.counts()[0] = Long.parseLong(parts[1]);
        row.counts()[1] += Long.parseLong(parts[2]);
        for (int i = 3; i < parts.length; i++) {
            row.walls().add(Double.parseDouble(parts[i]));
        }
    }

    /**
     * Warms the configuration up and adds the wall times of {@value #TIMED} runs to the row, setting
     * aside the runs that shared the core with the JIT compiler.
     */
    private static void measure(Workload w, Row row) {
        SimConfig cfg = new SimConfig(w.seconds() * 1_000_000_000L, 1, row.late(), 1.0, row.trace());
        long warmUntil = System.nanoTime() + WARMUP_NS;
        for (int i = 0; i < WARMUP || System.nanoTime() < warmUntil; i++) {
            run(w, row.scheduler(), cfg);
        }
        int timed = 0;
        while (timed < TIMED) {
            long jit0 = compilerCpuNs();
            long t0 = System.nanoTime();
            SimResult r = run(w, row.scheduler(), cfg);
            long wall = System.nanoTime() - t0;
            row.counts()[0] = r.dispatches();
            if ((compilerCpuNs() - jit0) * 100 > wall * JIT_SHARE_PERCENT && row.counts()[1] < MAX_SET_ASIDE) {
                row.counts()[1]++;
                continue;
            }
            row.walls().add(wall / 1e9);
            timed++;
        }
    }

    /** CPU time in ns used so far by this JVM's JIT compiler threads, or 0 where Linux's per-thread schedstat cannot be read. */
    static long compilerCpuNs() {
        long sum = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path thread : threads) {
                // the kernel keeps 15 characters of a thread's name: "C2 CompilerThread0" is "C2 CompilerThre"
                if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                    sum += Long.parseLong(Files.readString(thread.resolve("schedstat")).trim().split(" ")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // not Linux, or a compiler thread ended while being read: no run is set aside for it
        }
        return sum;
    }

    private static SimResult run(Workload w, String scheduler, SimConfig cfg) {
        return Simulator.run(w.instance(), w.table(), Schedulers.factory(scheduler, (x, y) -> w.solution()), cfg);
    }
}
