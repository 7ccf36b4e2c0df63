package org.terastal.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;

/**
 * Batch experiments: every scheduler over scenarios × late-frame policies × load levels × seeds, a tidy
 * CSV of every metric, and a paper-style text report. Runs go one after another on the calling thread
 * (each run is single-threaded and deterministic, so results do not depend on the machine).
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
     * One workload.
     *
     * @param name      scenario name in outputs
     * @param instance  the instance at load 1
     * @param latency   its latency table
     * @param solutions solution tables for the policies that read one (may be null if none is run)
     */
    public record Scenario(String name, Instance instance, LatencyTable latency, SolutionProvider solutions) {
    }

    /**
     * What to run.
     *
     * @param scenarios  workloads
     * @param schedulers scheduler names, with a factory for each
     * @param seeds      seeds of the random streams
     * @param loads      load factors (every task's rate is multiplied by one)
     * @param lates      late-frame policies
     * @param horizonNs  simulated horizon of each run
     */
    public record Spec(List<Scenario> scenarios, Map<String, SchedulerMaker> schedulers, List<Long> seeds, List<Double> loads,
                       List<LatePolicy> lates, long horizonNs) {
        public Spec {
            if (scenarios.isEmpty() || schedulers.isEmpty() || seeds.isEmpty() || loads.isEmpty() || lates.isEmpty()) {
                throw new IllegalArgumentException("An experiment needs at least one scenario, scheduler, seed, load and late-frame policy");
            }
            scenarios = List.copyOf(scenarios);
            schedulers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(schedulers));
            seeds = List.copyOf(seeds);
            loads = List.copyOf(loads);
            lates = List.copyOf(lates);
        }
    }

    /** Makes the factory of a scheduler for a scenario (table-reading schedulers take the scenario's solutions). */
    @FunctionalInterface
    public interface SchedulerMaker {
        SchedulerFactory forScenario(Scenario scenario);
    }

    /**
     * One finished run.
     *
     * @param scenario  scenario name
     * @param scheduler scheduler name
     * @param result    the run's result (without trace)
     */
    public record Run(String scenario, String scheduler, SimResult result) {
    }

    private Experiment() {
    }

    /** The load levels 0.6, 0.7, …, 1.6. */
    public static List<Double> defaultLoads() {
        List<Double> loads = new ArrayList<>();
        for (int i = 6; i <= 16; i++) {
            loads.add(i / 10.0);
        }
        return loads;
    }

    /** Runs everything; {@code progress} hears about each finished run. */
    public static List<Run> run(Spec spec, Consumer<Run> progress) {
        List<Run> runs = new ArrayList<>();
        for (Scenario sc : spec.scenarios()) {
            for (Map.Entry<String, SchedulerMaker> s : spec.schedulers().entrySet()) {
                SchedulerFactory factory = s.getValue().forScenario(sc);
                for (LatePolicy late : spec.lates()) {
                    for (double load : spec.loads()) {
                        for (long seed : spec.seeds()) {
                            SimResult r = Simulator.run(sc.instance(), sc.latency(), factory,
                                    new SimConfig(spec.horizonNs(), seed, late, load, false));
                            Run run = new Run(sc.name(), s.getKey(), r);
                            runs.add(run);
                            progress.accept(run);
                        }
                    }
                }
            }
        }
        return runs;
    }

    /** Every metric of every run in tidy long form, with the header of {@link SimOutputs#METRICS_HEADER}. */
    public static String tidyCsv(List<Run> runs) {
        StringBuilder sb = new StringBuilder(SimOutputs.METRICS_HEADER).append('\n');
        runs.forEach(r -> sb.append(SimOutputs.metricsRows(r.result())));
        return sb.toString();
    }

    /** Mean per-model miss rate of a run (models some task runs). */
    static double perModelMissRate(SimResult r) {
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
    public static String report(List<Run> runs, String terastal, List<String> baselines, double fromLoad, double toLoad) {
        StringBuilder sb = new StringBuilder();
        Set<String> scenarios = new LinkedHashSet<>();
        Set<String> schedulers = new LinkedHashSet<>();
        Set<LatePolicy> lates = new LinkedHashSet<>();
        Set<Double> loads = new java.util.TreeSet<>();
        runs.forEach(r -> {
            scenarios.add(r.scenario());
            schedulers.add(r.scheduler());
            lates.add(r.result().config().late());
            loads.add(r.result().config().load());
        });
        String range = String.format(Locale.ROOT, "loads %.2f-%.2f", fromLoad, toLoad);
        Map<String, double[]> headline = new LinkedHashMap<>(); // scheduler -> {sum of per-model rates, count}
        Map<String, double[]> accuracy = new LinkedHashMap<>();
        for (String sc : scenarios) {
            for (LatePolicy late : lates) {
                sb.append("== ").append(sc).append(", late frames: ").append(late.label()).append('\n');
                sb.append("Per-model deadline-miss rate (mean over models and seeds) versus load factor\n");
                sb.append(String.format(Locale.ROOT, "%-6s", "load"));
                schedulers.forEach(s -> sb.append(String.format(Locale.ROOT, " %18s", s)));
                sb.append('\n');
                for (double load : loads) {
                    sb.append(String.format(Locale.ROOT, "%-6.2f", load));
                    for (String s : schedulers) {
                        double v = runs.stream().filter(r -> r.scenario().equals(sc) && r.scheduler().equals(s)
                                && r.result().config().late() == late && r.result().config().load() == load)
                                .mapToDouble(r -> perModelMissRate(r.result())).average().orElse(Double.NaN);
                        sb.append(String.format(Locale.ROOT, " %18.4f", v));
                    }
                    sb.append('\n');
                }
                List<Run> inRange = runs.stream().filter(r -> r.scenario().equals(sc) && r.result().config().late() == late
                        && r.result().config().load() >= fromLoad - 1e-9 && r.result().config().load() <= toLoad + 1e-9).toList();
                List<String> models = inRange.isEmpty() ? List.of()
                        : inRange.get(0).result().models().stream().map(ModelMetrics::model).toList();
                sb.append("Per-model miss rate over ").append(range).append(", and ").append(terastal).append("'s reduction\n");
                sb.append(String.format(Locale.ROOT, "%-18s", "model"));
                schedulers.forEach(s -> sb.append(String.format(Locale.ROOT, " %18s", s)));
                baselines.forEach(b -> sb.append(String.format(Locale.ROOT, " %14s", "vs " + b)));
                sb.append(String.format(Locale.ROOT, " %14s%n", "acc. loss"));
                for (String model : models) {
                    sb.append(String.format(Locale.ROOT, "%-18s", model));
                    Map<String, Double> rate = new LinkedHashMap<>();
                    for (String s : schedulers) {
                        double v = inRange.stream().filter(r -> r.scheduler().equals(s))
                                .mapToDouble(r -> r.result().model(model).missRate()).average().orElse(Double.NaN);
                        rate.put(s, v);
                        sb.append(String.format(Locale.ROOT, " %18.4f", v));
                        headline.computeIfAbsent(s + "|" + late.label(), k -> new double[2]);
                        double[] h = headline.get(s + "|" + late.label());
                        h[0] += v;
                        h[1]++;
                    }
                    for (String b : baselines) {
                        sb.append(String.format(Locale.ROOT, " %14s", reduction(rate.get(terastal), rate.get(b))));
                    }
                    double loss = inRange.stream().filter(r -> r.scheduler().equals(terastal) && r.result().model(model).completed() > 0)
                            .mapToDouble(r -> r.result().model(model).accuracyLossMean()).average().orElse(Double.NaN);
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
    private static boolean usedVariants(List<Run> runs, String scenario, String scheduler, String model) {
        return runs.stream().filter(r -> r.scenario().equals(scenario) && r.scheduler().equals(scheduler))
                .anyMatch(r -> r.result().model(model).accuracyLossMax() > 0);
    }

    private static String reduction(double terastal, double baseline) {
        if (!(baseline > 0)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", -100 * (1 - terastal / baseline));
    }
}
