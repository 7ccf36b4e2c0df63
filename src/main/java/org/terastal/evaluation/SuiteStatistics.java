package org.terastal.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.terastal.domain.Decimals;
import org.terastal.io.csv.CsvWriter;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.RunResult;
import org.terastal.stats.Bootstrap;
import org.terastal.stats.Interval;
import org.terastal.stats.Paired;
import org.terastal.stats.PairedComparison;

/**
 * The statistics of the suites of a sweep. For each task set, scheduler, late-frame policy and load
 * (seeds averaged): the <b>per-model miss rate</b> (mean over the set's models of (missed + dropped)
 * / released), the <b>worst-model miss rate</b> (the largest of them: the model a policy gives up
 * counts), and the <b>accuracy loss</b> (mean normalised accuracy loss per completed frame, over the
 * models that ran a variant). Over the sets of a suite, per load and averaged over the loads of the
 * stated range (each set's values averaged over those loads first):
 * <ul>
 *   <li>the mean of each with a {@value #LEVEL_PERCENT}% percentile-bootstrap confidence interval
 *       ({@value #RESAMPLES} resamples, seed {@value #SEED}; {@link Bootstrap});</li>
 *   <li>the <b>schedulability ratio</b>: the fraction of sets in which no frame missed (over a range,
 *       its mean over the loads);</li>
 *   <li>paired per-set comparisons of {@code method} against every baseline: wins, ties and losses
 *       with a tie margin of {@value #TIE_MARGIN} in per-model miss rate, the paired mean difference
 *       (method − baseline) and the relative change mean(method) / mean(baseline) − 1, each with its
 *       bootstrap interval over sets; and the same wins, ties and losses over every (set, load) pair of
 *       the range.</li>
 * </ul>
 */
public final class SuiteStatistics {
    /** Bootstrap resamples of every interval. */
    public static final int RESAMPLES = 2000;
    /** Confidence level, percent. */
    public static final int LEVEL_PERCENT = 95;
    /** Seed of every bootstrap. */
    public static final long SEED = 1;
    /** Differences in per-model miss rate within this margin are ties. */
    public static final double TIE_MARGIN = 0.01;
    private static final double LEVEL = LEVEL_PERCENT / 100.0;

    /** The three per-set figures. */
    public enum Figure {
        MISS_RATE("miss_rate"), WORST_MODEL("worst_model_miss_rate"), ACCURACY_LOSS("accuracy_loss");

        private final String label;

        Figure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One summary over the sets of a suite.
     *
     * @param suite        suite name
     * @param late         late-frame policy
     * @param load         the load, or {@code FROM-TO} (the lowest and highest load simulated in the range) for the average over a range
     * @param scheduler    scheduler
     * @param sets         sets summarised
     * @param missRate     mean per-model miss rate
     * @param worstModel   mean worst-model miss rate
     * @param schedulable  fraction of sets with no miss (over a range: the mean of that fraction over its loads)
     * @param accuracyLoss mean accuracy loss over the sets in which a variant ran; undefined when none did
     */
    public record Summary(String suite, LatePolicy late, String load, String scheduler, int sets, Interval missRate, Interval worstModel,
                         double schedulable, Interval accuracyLoss) {
    }

    /**
     * A paired comparison over the sets of a suite.
     *
     * @param suite      suite name
     * @param late       late-frame policy
     * @param load       the load, {@code FROM-TO} for per-set averages over a range, or {@code pairs FROM-TO} for every (set, load) pair
     * @param method     the method (e.g. terastal)
     * @param baseline   the baseline
     * @param comparison wins, ties, losses and the paired mean difference method − baseline
     * @param change     mean(method) / mean(baseline) − 1 with its paired bootstrap interval; undefined when the baseline misses nothing
     */
    public record Comparison(String suite, LatePolicy late, String load, String method, String baseline, PairedComparison comparison,
                             Interval change) {
    }

    /**
     * Everything computed.
     *
     * @param summaries   per suite, late policy, load (then the range) and scheduler
     * @param comparisons per suite, late policy, load (then the range and the pairs), baseline
     * @param perSet      the per-set figures, seeds averaged: key {@code suite|late|scheduler|figure}, value [set][load]
     * @param sets        per suite, its set names in order
     * @param loads       the load levels, ascending
     */
    public record Result(List<Summary> summaries, List<Comparison> comparisons, Map<String, double[][]> perSet, Map<String, List<String>> sets,
                         List<Double> loads, String range, String method) {
    }

    private SuiteStatistics() {
    }

    /**
     * The statistics of the runs of suite scenarios.
     *
     * @param runs       runs of every cell (others are ignored)
     * @param suiteOf    suite of each scenario that belongs to one
     * @param schedulers schedulers in report order
     * @param method     the scheduler compared with every other one that does not start with its name
     * @param from       lowest load of the averaging range
     * @param to         highest load of the averaging range
     */
    public static Result compute(List<RunResult> runs, Map<String, String> suiteOf, List<String> schedulers, String method,
                                 double from, double to) {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        List<Double> loads = runs.stream().filter(r -> suiteOf.containsKey(r.scenario())).map(RunResult::load).distinct().sorted().toList();
        List<LatePolicy> lates = runs.stream().filter(r -> suiteOf.containsKey(r.scenario())).map(RunResult::late).distinct().sorted().toList();
        Map<String, Integer> setIndex = new HashMap<>();
        for (RunResult r : runs) {
            String suite = suiteOf.get(r.scenario());
            if (suite != null && !setIndex.containsKey(r.scenario())) {
                List<String> names = sets.computeIfAbsent(suite, k -> new ArrayList<>());
                setIndex.put(r.scenario(), names.size());
                names.add(r.scenario());
            }
        }
        // sums and counts over seeds, then means
        Map<String, double[][]> sum = new HashMap<>();
        Map<String, int[][]> count = new HashMap<>();
        for (RunResult r : runs) {
            String suite = suiteOf.get(r.scenario());
            if (suite == null) {
                continue;
            }
            int set = setIndex.get(r.scenario());
            int load = loads.indexOf(r.load());
            double[] figures = figures(r);
            for (Figure f : Figure.values()) {
                String key = key(suite, r.late(), r.scheduler(), f);
                double[][] s = sum.computeIfAbsent(key, k -> new double[sets.get(suite).size()][loads.size()]);
                int[][] c = count.computeIfAbsent(key, k -> new int[sets.get(suite).size()][loads.size()]);
                if (!Double.isNaN(figures[f.ordinal()])) {
                    s[set][load] += figures[f.ordinal()];
                    c[set][load]++;
                }
            }
        }
        Map<String, double[][]> perSet = new LinkedHashMap<>();
        sum.forEach((key, s) -> {
            int[][] c = count.get(key);
            double[][] mean = new double[s.length][s[0].length];
            for (int i = 0; i < s.length; i++) {
                for (int l = 0; l < s[i].length; l++) {
                    mean[i][l] = c[i][l] == 0 ? Double.NaN : s[i][l] / c[i][l];
                }
            }
            perSet.put(key, mean);
        });
        List<Integer> inRange = new ArrayList<>();
        for (int l = 0; l < loads.size(); l++) {
            if (loads.get(l) >= from - 1e-9 && loads.get(l) <= to + 1e-9) {
                inRange.add(l);
            }
        }
        String range = inRange.isEmpty() ? "" : Decimals.plain(loads.get(inRange.get(0))) + "-" + Decimals.plain(loads.get(inRange.get(inRange.size() - 1)));
        List<Summary> summaries = new ArrayList<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (String suite : sets.keySet()) {
            for (LatePolicy late : lates) {
                for (int l = 0; l < loads.size(); l++) {
                    int load = l;
                    for (String s : schedulers) {
                        summaries.add(summary(suite, late, Decimals.plain(loads.get(l)), s, perSet, v -> column(v, load)));
                    }
                    compare(suite, late, Decimals.plain(loads.get(l)), method, schedulers, perSet, v -> column(v, load), comparisons);
                }
                if (!inRange.isEmpty()) {
                    for (String s : schedulers) {
                        Summary averaged = summary(suite, late, range, s, perSet, v -> rowMeans(v, inRange));
                        double[][] miss = perSet.get(key(suite, late, s, Figure.MISS_RATE));
                        double schedulable = 0;
                        for (int l : inRange) {
                            schedulable += Arrays.stream(column(miss, l)).filter(v -> v == 0).count() / (double) miss.length;
                        }
                        summaries.add(new Summary(suite, late, range, s, averaged.sets(), averaged.missRate(), averaged.worstModel(),
                                schedulable / inRange.size(), averaged.accuracyLoss()));
                    }
                    compare(suite, late, range, method, schedulers, perSet, v -> rowMeans(v, inRange), comparisons);
                    compare(suite, late, "pairs " + range, method, schedulers, perSet, v -> flatten(v, inRange), comparisons);
                }
            }
        }
        return new Result(summaries, comparisons, perSet, sets, loads, range, method);
    }

    /** Per-model miss rate, worst-model miss rate and accuracy loss (NaN when no variant ran) of one run. */
    static double[] figures(RunResult r) {
        double sum = 0;
        double worst = 0;
        double loss = 0;
        int withVariants = 0;
        for (ModelMetrics m : r.models()) {
            sum += m.missRate();
            worst = Math.max(worst, m.missRate());
            if (m.accuracyLossMean() > 0) {
                loss += m.accuracyLossMean();
                withVariants++;
            }
        }
        int n = r.models().size();
        return new double[] {n == 0 ? 0 : sum / n, worst, withVariants == 0 ? Double.NaN : loss / withVariants};
    }

    private interface Selection {
        double[] values(double[][] perSetAndLoad);
    }

    private static Summary summary(String suite, LatePolicy late, String load, String scheduler, Map<String, double[][]> perSet, Selection select) {
        double[] miss = select.values(perSet.get(key(suite, late, scheduler, Figure.MISS_RATE)));
        double[] worst = select.values(perSet.get(key(suite, late, scheduler, Figure.WORST_MODEL)));
        double[] loss = Arrays.stream(select.values(perSet.get(key(suite, late, scheduler, Figure.ACCURACY_LOSS))))
                .filter(v -> !Double.isNaN(v)).toArray();
        double[] zero = Arrays.stream(miss).map(v -> v == 0 ? 1 : 0).toArray();
        return new Summary(suite, late, load, scheduler, miss.length, Bootstrap.meanCi(miss, RESAMPLES, LEVEL, SEED),
                Bootstrap.meanCi(worst, RESAMPLES, LEVEL, SEED), Arrays.stream(zero).average().orElse(0),
                loss.length == 0 ? Interval.undefined(LEVEL) : Bootstrap.meanCi(loss, RESAMPLES, LEVEL, SEED));
    }

    private static void compare(String suite, LatePolicy late, String load, String method, List<String> schedulers, Map<String, double[][]> perSet,
                                Selection select, List<Comparison> out) {
        double[][] methodValues = perSet.get(key(suite, late, method, Figure.MISS_RATE));
        if (methodValues == null) {
            return;
        }
        double[] m = select.values(methodValues);
        for (String b : schedulers) {
            if (b.startsWith(method)) {
                continue;
            }
            double[] v = select.values(perSet.get(key(suite, late, b, Figure.MISS_RATE)));
            PairedComparison pc = Paired.compare(m, v, TIE_MARGIN, RESAMPLES, LEVEL, SEED);
            Interval change = Bootstrap.ratioCi(m, v, RESAMPLES, LEVEL, SEED);
            out.add(new Comparison(suite, late, load, method, b, pc, change));
        }
    }

    private static double[] column(double[][] v, int load) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i][load];
        }
        return out;
    }

    private static double[] rowMeans(double[][] v, List<Integer> loads) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            int n = 0;
            for (int l : loads) {
                if (!Double.isNaN(v[i][l])) {
                    s += v[i][l];
                    n++;
                }
            }
            out[i] = n == 0 ? Double.NaN : s / n;
        }
        return out;
    }

    private static double[] flatten(double[][] v, List<Integer> loads) {
        double[] out = new double[v.length * loads.size()];
        int k = 0;
        for (double[] row : v) {
            for (int l : loads) {
                out[k++] = row[l];
            }
        }
        return out;
    }

    static String key(String suite, LatePolicy late, String scheduler, Figure figure) {
        return suite + "|" + late.label() + "|" + scheduler + "|" + figure.label();
    }

    // ---- outputs ----

    /** Header of {@link #summariesCsv}. */
    public static final String SUMMARY_HEADER = "suite,late,load,scheduler,sets,statistic,mean,low,high";
    /** Header of {@link #comparisonsCsv}. */
    public static final String COMPARISON_HEADER = "suite,late,load,method,baseline,n,tie_margin,wins,ties,losses,"
            + "difference,difference_low,difference_high,change,change_low,change_high";
    /** Header of {@link #perSetCsv}. */
    public static final String PER_SET_HEADER = "suite,set,late,load,scheduler,miss_rate,worst_model_miss_rate,accuracy_loss";

    /** Tidy CSV of the summaries: one row per (suite, late, load, scheduler, statistic). */
    public static String summariesCsv(Result r) {
        return CsvWriter.text(csv -> {
            csv.header(SUMMARY_HEADER);
            for (Summary s : r.summaries()) {
                List<String> key = List.of(s.suite(), s.late().label(), s.load(), s.scheduler(), Integer.toString(s.sets()));
                csv.row(row(key, List.of("miss_rate"), interval(s.missRate())));
                csv.row(row(key, List.of("worst_model_miss_rate"), interval(s.worstModel())));
                csv.row(row(key, List.of("schedulability_ratio"), List.of(Decimals.plain(s.schedulable()), "", "")));
                csv.row(row(key, List.of("accuracy_loss"), interval(s.accuracyLoss())));
            }
        });
    }

    /** Tidy CSV of the paired comparisons: one row per (suite, late, load, baseline). */
    public static String comparisonsCsv(Result r) {
        return CsvWriter.text(csv -> {
            csv.header(COMPARISON_HEADER);
            for (Comparison c : r.comparisons()) {
                PairedComparison p = c.comparison();
                csv.row(row(List.of(c.suite(), c.late().label(), c.load(), c.method(), c.baseline(), Integer.toString(p.sets()),
                        Decimals.plain(p.tieMargin()), Integer.toString(p.wins()), Integer.toString(p.ties()), Integer.toString(p.losses())),
                        interval(p.difference()), interval(c.change())));
            }
        });
    }

    /** Tidy CSV of the per-set figures (seeds averaged). */
    public static String perSetCsv(Result r) {
        return CsvWriter.text(csv -> {
            csv.header(PER_SET_HEADER);
            for (Map.Entry<String, List<String>> suite : r.sets().entrySet()) {
                for (String key : r.perSet().keySet()) {
                    String[] k = key.split("\\|");
                    if (!k[0].equals(suite.getKey()) || !k[3].equals(Figure.MISS_RATE.label())) {
                        continue;
                    }
                    double[][] miss = r.perSet().get(key);
                    double[][] worst = r.perSet().get(k[0] + "|" + k[1] + "|" + k[2] + "|" + Figure.WORST_MODEL.label());
                    double[][] loss = r.perSet().get(k[0] + "|" + k[1] + "|" + k[2] + "|" + Figure.ACCURACY_LOSS.label());
                    for (int i = 0; i < miss.length; i++) {
                        for (int l = 0; l < r.loads().size(); l++) {
                            csv.row(k[0], suite.getValue().get(i), k[1], Decimals.plain(r.loads().get(l)), k[2], Decimals.plain(miss[i][l]),
                                    Decimals.plain(worst[i][l]), Double.isNaN(loss[i][l]) ? "" : Decimals.plain(loss[i][l]));
                        }
                    }
                }
            }
        });
    }

    @SafeVarargs
    private static List<String> row(List<String>... parts) {
        List<String> row = new ArrayList<>();
        for (List<String> part : parts) {
            row.addAll(part);
        }
        return row;
    }

    /** Mean, low and high of an interval, or three empty fields when it is undefined. */
    private static List<String> interval(Interval i) {
        return i.isDefined() ? List.of(Decimals.plain(i.mean()), Decimals.plain(i.low()), Decimals.plain(i.high())) : List.of("", "", "");
    }

    /** The text report of the suites. */
    public static String report(Result r, List<String> schedulers) {
        StringBuilder sb = new StringBuilder();
        for (String suite : r.sets().keySet()) {
            int n = r.sets().get(suite).size();
            for (LatePolicy late : r.summaries().stream().filter(s -> s.suite().equals(suite)).map(Summary::late).distinct().toList()) {
                sb.append(String.format(Locale.ROOT, "== Suite %s (%d sets), late=%s: mean per-model miss rate over sets [%d%% bootstrap CI, "
                        + "%d resamples, seed %d]%n", suite, n, late.label(), LEVEL_PERCENT, RESAMPLES, SEED));
                sb.append(String.format(Locale.ROOT, "%-10s", "load"));
                schedulers.forEach(s -> sb.append(String.format(Locale.ROOT, " %25s", s)));
                sb.append('\n');
                for (Summary s : r.summaries()) {
                    if (!s.suite().equals(suite) || s.late() != late) {
                        continue;
                    }
                    if (s.scheduler().equals(schedulers.get(0))) {
                        sb.append(String.format(Locale.ROOT, "%-10s", s.load()));
                    }
                    sb.append(String.format(Locale.ROOT, " %25s", ci(s.missRate())));
                    if (s.scheduler().equals(schedulers.get(schedulers.size() - 1))) {
                        sb.append('\n');
                    }
                }
                sb.append(String.format(Locale.ROOT, "worst-model miss rate, schedulability ratio and accuracy loss (loads %s):%n", r.range()));
                for (Summary s : r.summaries()) {
                    if (s.suite().equals(suite) && s.late() == late && s.load().equals(r.range())) {
                        sb.append(String.format(Locale.ROOT, "  %-20s worst model %-25s schedulable %.3f  accuracy loss %s%n", s.scheduler(),
                                ci(s.worstModel()), s.schedulable(), s.accuracyLoss().isDefined() ? percent(s.accuracyLoss()) : "n/a (no variant ran)"));
                    }
                }
                sb.append(String.format(Locale.ROOT, "%s against each baseline, loads %s (per set: mean over the loads; W/T/L with tie margin %s; "
                        + "change = mean(%s) / mean(baseline) - 1):%n", r.method(), r.range(), Decimals.plain(TIE_MARGIN), r.method()));
                for (Comparison c : r.comparisons()) {
                    if (c.suite().equals(suite) && c.late() == late && c.load().equals(r.range())) {
                        Comparison pairs = r.comparisons().stream().filter(p -> p.suite().equals(suite) && p.late() == late
                                && p.baseline().equals(c.baseline()) && p.load().equals("pairs " + r.range())).findFirst().orElseThrow();
                        PairedComparison p = c.comparison();
                        PairedComparison q = pairs.comparison();
                        sb.append(String.format(Locale.ROOT, "  vs %-18s change %-26s difference %-26s sets W/T/L %d/%d/%d   (set, load) pairs W/T/L %d/%d/%d%n",
                                c.baseline(), c.change().isDefined() ? signedPercent(c.change()) : "n/a (baseline misses nothing)",
                                signed(p.difference()), p.wins(), p.ties(), p.losses(), q.wins(), q.ties(), q.losses()));
                    }
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String ci(Interval i) {
        return String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", i.mean(), i.low(), i.high());
    }

    private static String signed(Interval i) {
        return String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", i.mean(), i.low(), i.high());
    }

    private static String percent(Interval i) {
        return String.format(Locale.ROOT, "%.2f%% [%.2f, %.2f]", 100 * i.mean(), 100 * i.low(), 100 * i.high());
    }

    private static String signedPercent(Interval i) {
        return String.format(Locale.ROOT, "%+.1f%% [%+.1f, %+.1f]", 100 * i.mean(), 100 * i.low(), 100 * i.high());
    }
}
