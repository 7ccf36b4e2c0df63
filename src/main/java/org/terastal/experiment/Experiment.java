package org.terastal.experiment;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.RunResult;
import org.terastal.sim.SchedulerFactory;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.sim.SolutionProvider;

/**
 * Batch experiments: every scheduler over scenarios × late-frame policies × load levels × seeds. A
 * run's outcome is kept as its figures ({@link RunResult}); the paper-style text report is computed
 * from those, whether they were made in this process or read back from the files of separate ones.
 * The runs themselves are scheduled by {@code org.terastal.sweep}.
 *
 * <p>The report's "per-model miss rate" of a scheduler is the mean over the models of a scenario of
 * each model's deadline-miss rate, averaged over seeds; Terastal's reduction against a baseline is
 * terastal / baseline − 1 of that figure averaged over the loads of the stated range, in percent
 * (negative = fewer misses; n/a when the baseline misses nothing). The accuracy loss is Terastal's
 * mean normalised accuracy loss per completed frame; the headline averages it over the models in
 * which Terastal ran at least one variant.
 */
public final class Experiment {
    /**
     * One workload. Every field is immutable or, for {@code solutions}, makes a fresh table per call, so
     * one scenario serves runs on several threads.
     *
     * @param name      scenario name in outputs (the {@code instance} column)
     * @param instance  the instance at load 1
     * @param latency   its latency table
     * @param solutions solution tables for the policies that read one (may be null if none is run)
     */
    public record Scenario(String name, Instance instance, LatencyTable latency, SolutionProvider solutions) {
    }

    private Experiment() {
    }

    /** One run of a scenario, without its trace, named after the scenario. */
    public static RunResult run(Scenario scenario, SchedulerFactory factory, long seed, double load, LatePolicy late, long horizonNs) {
        SimResult result = Simulator.run(scenario.instance(), scenario.latency(), factory, new SimConfig(horizonNs, seed, late, load, false));
        return RunResult.of(result, scenario.name());
    }

    /** Mean per-model miss rate of a run (models some task runs). */
    static double perModelMissRate(RunResult r) {
        return r.models().stream().mapToDouble(ModelMetrics::missRate).average().orElse(0);
    }

    /**
     * The paper-style report: per scenario and late-frame policy, the miss-rate-versus-load curve of
     * every scheduler; per model, the miss rate of every scheduler and Terastal's reduction against each
     * baseline averaged over loads in [{@code fromLoad}, {@code toLoad}]; the normalised accuracy loss.
     *
     * @param terastal  name of the scheduler whose reductions are reported
     * @param baselines names of the baselines
     */
    public static String report(List<RunResult> runs, String terastal, List<String> baselines, double fromLoad, double toLoad) {
        StringBuilder sb = new StringBuilder();
        Set<String> scenarios = new LinkedHashSet<>();
        Set<String> schedulers = new LinkedHashSet<>();
        Set<LatePolicy> lates = new LinkedHashSet<>();
        Set<Double> loads = new TreeSet<>();
        runs.forEach(r -> {
            scenarios.add(r.scenario());
            schedulers.add(r.scheduler());
            lates.add(r.late());
            loads.add(r.load());
        });
        String range = String.format(Locale.ROOT, "loads %.2f-%.2f", fromLoad, toLoad);
        // without the terastal runs there is nothing to reduce: the tables show the schedulers run
        boolean withTerastal = schedulers.contains(terastal);
        List<String> against = withTerastal ? baselines : List.of();
        Map<String, double[]> headline = new LinkedHashMap<>(); // scheduler -> {sum of per-model rates, count}
        Map<String, double[]> accuracy = new LinkedHashMap<>();
        for (String sc : scenarios) {
            for (LatePolicy late : lates) {
                List<RunResult> block = runs.stream().filter(r -> r.scenario().equals(sc) && r.late() == late).toList();
                sb.append("== ").append(sc).append(", late frames: ").append(late.label()).append('\n');
                sb.append("Per-model deadline-miss rate (mean over models and seeds) versus load factor\n");
                sb.append(String.format(Locale.ROOT, "%-6s", "load"));
                schedulers.forEach(s -> sb.append(String.format(Locale.ROOT, " %18s", s)));
                sb.append('\n');
                for (double load : loads) {
                    sb.append(String.format(Locale.ROOT, "%-6.2f", load));
                    for (String s : schedulers) {
                        double v = block.stream().filter(r -> r.scheduler().equals(s) && r.load() == load)
                                .mapToDouble(Experiment::perModelMissRate).average().orElse(Double.NaN);
                        sb.append(String.format(Locale.ROOT, " %18.4f", v));
                    }
                    sb.append('\n');
                }
                List<RunResult> inRange = block.stream().filter(r -> r.load() >= fromLoad - 1e-9 && r.load() <= toLoad + 1e-9).toList();
                List<String> models = inRange.isEmpty() ? List.of()
                        : inRange.get(0).models().stream().map(ModelMetrics::model).toList();
                sb.append("Per-model miss rate over ").append(range).append(withTerastal ? ", and " + terastal + "'s reduction" : "").append('\n');
                sb.append(String.format(Locale.ROOT, "%-18s", "model"));
                schedulers.forEach(s -> sb.append(String.format(Locale.ROOT, " %18s", s)));
                against.forEach(b -> sb.append(String.format(Locale.ROOT, " %14s", "vs " + b)));
                sb.append(withTerastal ? String.format(Locale.ROOT, " %14s%n", "acc. loss") : "\n");
                for (String model : models) {
                    sb.append(String.format(Locale.ROOT, "%-18s", model));
                    Map<String, Double> rate = new LinkedHashMap<>();
                    for (String s : schedulers) {
                        double v = inRange.stream().filter(r -> r.scheduler().equals(s))
                                .mapToDouble(r -> r.model(model).missRate()).average().orElse(Double.NaN);
                        rate.put(s, v);
                        sb.append(String.format(Locale.ROOT, " %18.4f", v));
                        headline.computeIfAbsent(s + "|" + late.label(), k -> new double[2]);
                        double[] h = headline.get(s + "|" + late.label());
                        h[0] += v;
                        h[1]++;
                    }
                    for (String b : against) {
                        sb.append(String.format(Locale.ROOT, " %14s", reduction(rate.get(terastal), rate.get(b))));
                    }
                    if (!withTerastal) {
                        sb.append('\n');
                        continue;
                    }
                    double loss = inRange.stream().filter(r -> r.scheduler().equals(terastal) && r.model(model).completed() > 0)
                            .mapToDouble(r -> r.model(model).accuracyLossMean()).average().orElse(Double.NaN);
                    sb.append(String.format(Locale.ROOT, " %13.2f%%%n", 100 * loss));
                    if (usedVariants(runs, sc, terastal, model) && !Double.isNaN(loss)) {
                        double[] a = accuracy.computeIfAbsent(late.label(), k -> new double[2]);
                        a[0] += loss;
                        a[1]++;
                    }
                }
                sb.append('\n');
            }
        }
        sb.append("== Headline (").append(range).append("; mean over scenarios, models and seeds)\n");
        for (LatePolicy late : lates) {
            double[] t = headline.get(terastal + "|" + late.label());
            if (t == null) {
                continue;
            }
            double tr = t[0] / t[1];
            sb.append(String.format(Locale.ROOT, "late=%s: %s per-model miss rate %.4f", late.label(), terastal, tr));
            for (String b : baselines) {
                double[] h = headline.get(b + "|" + late.label());
                if (h != null) {
                    sb.append(String.format(Locale.ROOT, "; vs %s %.4f (%s)", b, h[0] / h[1], reduction(tr, h[0] / h[1])));
                }
            }
            double[] a = accuracy.get(late.label());
            if (a != null && a[1] > 0) {
                sb.append(String.format(Locale.ROOT, "; normalised accuracy loss over models with variants %.2f%%", 100 * a[0] / a[1]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Whether the scheduler ran a variant of the model in any run of the scenario. */
    private static boolean usedVariants(List<RunResult> runs, String scenario, String scheduler, String model) {
        return runs.stream().filter(r -> r.scenario().equals(scenario) && r.scheduler().equals(scheduler))
                .anyMatch(r -> r.model(model).accuracyLossMax() > 0);
    }

    private static String reduction(double terastal, double baseline) {
        if (!(baseline > 0)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", -100 * (1 - terastal / baseline));
    }
}
