package org.terastal.eval;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.terastal.sim.Simulator;

/**
 * Compares the simulation speed of two builds in one JVM (not a unit test). Each build's classes
 * are loaded by a class loader of their own, and the runs alternate between the two builds, so that
 * both meet the same phases of a shared machine; separate JVMs taken minutes apart differed by more
 * than the changes being measured (docs/benchmarks.md). Each run is timed by the CPU time of the
 * simulating thread; a pair of runs during which the JIT compiler threads used more than 5 % of
 * either run is set aside. After 20 s of warm-up it prints the median and fastest of each build and
 * the median and quartiles of the ratio B/A over the pairs.
 *
 * <p>Arguments: CLASSES_A CLASSES_B SCENARIO SCHEDULER LATE TRACE [PAIRS], e.g. {@code
 * /tmp/old/target/classes target/classes AR_gaming dream continue false 30} for the shipped
 * instance {@code instances/xrbench-AR_gaming.json} with its solution, 60 simulated seconds and the
 * built-in latencies. Run from the project folder with target/test-classes and the dependencies on
 * the class path. Both builds must have the API used here ({@link Simulator#run},
 * {@link Schedulers#factory}, the file readers).
 */
public final class BuildComparison {
    private static final long WARMUP_NS = 20_000_000_000L;
    private static final double JIT_SHARE = 0.05;

    private BuildComparison() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("Expected CLASSES_A CLASSES_B SCENARIO SCHEDULER LATE TRACE [PAIRS], got "
                    + Arrays.toString(args));
        }
        int pairs = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        if (pairs < 1) {
            throw new IllegalArgumentException("The number of pairs (" + pairs + ") must be at least 1; maybe 30");
        }
        Method[] runs = new Method[2];
        for (int k = 0; k < 2; k++) {
            Class<?> runner = loader(Path.of(args[k])).loadClass(Runner.class.getName());
            runner.getMethod("setup", String.class, String.class, String.class, boolean.class)
                    .invoke(null, args[2], args[3], args[4], Boolean.parseBoolean(args[5]));
            runs[k] = runner.getMethod("run");
        }
        long warmUntil = System.nanoTime() + WARMUP_NS;
        while (System.nanoTime() < warmUntil) {
            runs[0].invoke(null);
            runs[1].invoke(null);
        }
        List<double[]> kept = new ArrayList<>();
        int setAside = 0;
        while (kept.size() < pairs) {
            double[] pair = new double[2];
            boolean quiet = true;
            for (int k = 0; k < 2; k++) {
                long jit = SimBenchmark.compilerCpuNs();
                long cpu = (long) runs[k].invoke(null);
                quiet &= SimBenchmark.compilerCpuNs() - jit <= JIT_SHARE * cpu;
                pair[k] = cpu / 1e9;
            }
            if (quiet) {
                kept.add(pair);
            } else {
                setAside++;
            }
        }
        double[] a = kept.stream().mapToDouble(p -> p[0]).sorted().toArray();
        double[] b = kept.stream().mapToDouble(p -> p[1]).sorted().toArray();
        double[] ratio = kept.stream().mapToDouble(p -> p[1] / p[0]).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s %s %s trace=%s, %d pairs (%d set aside): A median %.3f s, fastest %.3f s; "
                        + "B median %.3f s, fastest %.3f s; B/A median %.3f, quartiles %.3f-%.3f%n", args[2], args[3], args[4],
                args[5], pairs, setAside, a[pairs / 2], a[0], b[pairs / 2], b[0], ratio[pairs / 2], ratio[pairs / 4],
                ratio[3 * pairs / 4]);
    }

    /** A class loader for one build: its classes, then this class's folder (for {@link Runner}) and the dependency jars. */
    private static ClassLoader loader(Path classes) throws Exception {
        if (!classes.toFile().isDirectory()) {
            throw new IllegalArgumentException("The build folder " + classes + " does not exist; give a target/classes folder");
        }
        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        urls.add(Path.of(BuildComparison.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toUri().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }

    /** Loaded once per build: reads the scenario and runs it with that build's simulator. */
    public static final class Runner {
        private static Instance instance;
        private static LatencyTable table;
        private static Solution solution;
        private static SimConfig config;
        private static String scheduler;

        private Runner() {
        }

        public static void setup(String scenario, String schedulerName, String late, boolean trace) throws Exception {
            instance = InstanceFiles.read(Path.of("instances", "xrbench-" + scenario + ".json"));
            table = LatencyInputs.forInstance(instance, null);
            solution = SolutionFiles.read(Path.of("solutions", "xrbench-" + scenario + ".json"));
            config = new SimConfig(60_000_000_000L, 1, LatePolicy.parse(late), 1.0, trace);
            scheduler = schedulerName;
        }

        /** One run; returns the CPU time of this thread in ns. */
        public static long run() {
            var threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            Simulator.run(instance, table, Schedulers.factory(scheduler, (x, y) -> solution), config);
            return threads.getCurrentThreadCpuTime() - start;
        }
    }
}
