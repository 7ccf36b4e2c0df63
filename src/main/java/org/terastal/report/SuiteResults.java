package org.terastal.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.terastal.domain.Decimals;
import org.terastal.evaluation.SuiteStatistics;
import org.terastal.io.InputException;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.csv.CsvWriter;
import org.terastal.sim.LatePolicy;

/**
 * The statistics over the task sets of suites that {@code terastal experiment} writes for a sweep over suites
 * ({@link SuiteStatistics}), read for the report: {@value #STATS} (per suite, late-frame policy, load or load
 * range and scheduler, the mean of each statistic over the sets with its bootstrap interval) and {@value #PAIRED}
 * (wins, ties and losses of the method against every baseline, with the paired difference and relative change).
 * Every row is checked; a bad one is an {@link InputException} naming file, line and column.
 */
public final class SuiteResults {
    /** The summaries over sets. */
    public static final String STATS = "suite-stats.csv";
    /** The paired comparisons. */
    public static final String PAIRED = "suite-paired.csv";
    /** Prefix of the load of the comparisons over every (set, load) pair of a range. */
    public static final String PAIRS = "pairs ";

    /** The statistics of {@value #STATS}. */
    public enum Statistic {
        /** Mean per-model deadline-miss rate. */
        MISS_RATE("miss_rate", true),
        /** Miss rate of the set's worst model. */
        WORST_MODEL("worst_model_miss_rate", true),
        /** Fraction of sets in which no frame missed (no interval). */
        SCHEDULABILITY("schedulability_ratio", true),
        /** Normalised accuracy loss per completed frame (empty when no variant ran). */
        ACCURACY_LOSS("accuracy_loss", false);

        private final String label;
        private final boolean fraction;

        Statistic(String label, boolean fraction) {
            this.label = label;
            this.fraction = fraction;
        }

        /** The name in the {@code statistic} column. */
        public String label() {
            return label;
        }

        static Statistic parse(String text) {
            return Arrays.stream(values()).filter(s -> s.label.equals(text)).findFirst().orElse(null);
        }
    }

    /**
     * A mean with its confidence interval; NaN where the file leaves a field empty.
     *
     * @param mean the mean
     * @param low  lower end of the interval
     * @param high upper end of the interval
     */
    public record Estimate(double mean, double low, double high) {
        /** Whether the mean is given. */
        public boolean hasMean() {
            return !Double.isNaN(mean);
        }

        /** Whether the interval is given. */
        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    /**
     * One paired comparison of {@value #PAIRED}.
     *
     * @param suite      suite
     * @param late       late-frame policy
     * @param load       a load, a range {@code FROM-TO} (per-set means over its loads) or {@code pairs FROM-TO} (every (set, load) pair)
     * @param method     the method compared (Terastal)
     * @param baseline   the baseline
     * @param n          sets (or pairs) compared
     * @param tieMargin  differences within this margin are ties
     * @param wins       sets in which the method misses less, by more than the margin
     * @param ties       sets within the margin
     * @param losses     sets in which the method misses more, by more than the margin
     * @param difference mean of method − baseline in per-model miss rate, with its interval
     * @param change     mean(method) / mean(baseline) − 1 with its interval; NaN when the baseline misses nothing
     */
    public record Comparison(String suite, LatePolicy late, String load, String method, String baseline, int n, double tieMargin, int wins,
                             int ties, int losses, Estimate difference, Estimate change) {
    }

    private final Path dir;
    private final Path statsFile;
    private final Path pairedFile;
    private final Set<String> suites = new LinkedHashSet<>();
    private final Set<String> schedulers = new LinkedHashSet<>();
    private final Map<String, Set<LatePolicy>> lates = new HashMap<>();
    private final Map<String, Set<Double>> loads = new HashMap<>();
    private final Map<String, Set<String>> ranges = new HashMap<>();
    private final Map<String, Set<Integer>> sets = new HashMap<>();
    /** Key of (suite, late, load, scheduler, statistic) to the estimate. */
    private final Map<String, Estimate> values = new HashMap<>();
    private final Map<String, Integer> lineOf = new HashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();

    private SuiteResults(Path dir, Path statsFile, Path pairedFile) {
        this.dir = dir;
        this.statsFile = statsFile;
        this.pairedFile = pairedFile;
    }

    /** Whether a folder holds suite statistics (its {@value #STATS}). */
    public static boolean present(Path dir) {
        return Files.exists(dir.resolve(STATS));
    }

    /** Reads the suite statistics of a results folder; a missing or malformed file is an {@link InputException} naming file and line. */
    public static SuiteResults read(Path dir) {
        Path stats = dir.resolve(STATS);
        Path paired = dir.resolve(PAIRED);
        if (!Files.exists(stats)) {
            throw new InputException(stats.toString(), "No such file; maybe " + dir + " is not the output folder of a terastal experiment "
                    + "over suites");
        }
        if (!Files.exists(paired)) {
            throw new InputException(paired.toString(), "No such file: terastal experiment writes it beside " + STATS
                    + "; maybe the folder was copied in part");
        }
        SuiteResults r = new SuiteResults(dir, stats, paired);
        List<CsvRows.Row> rows = CsvRows.read(stats, SuiteStatistics.SUMMARY_HEADER);
        if (rows.isEmpty()) {
            throw new InputException(stats.toString(), "The file has a header but no rows; maybe the experiment was stopped");
        }
        rows.forEach(r::addSummary);
        Map<String, Integer> seen = new HashMap<>();
        for (CsvRows.Row row : CsvRows.read(paired, SuiteStatistics.COMPARISON_HEADER)) {
            r.addComparison(row, seen);
        }
        return r;
    }

    private void addSummary(CsvRows.Row row) {
        String suite = nonEmpty(row, "suite");
        LatePolicy late = late(row);
        String load = load(row, false);
        String scheduler = nonEmpty(row, "scheduler");
        long n = row.getLong("sets");
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw row.error("sets", "must be a positive number of task sets");
        }
        Statistic statistic = Statistic.parse(row.get("statistic"));
        if (statistic == null) {
            throw row.error("statistic", "is not one of " + Arrays.stream(Statistic.values()).map(Statistic::label).toList()
                    + "; maybe the file comes from another version of terastal");
        }
        Estimate e = estimate(row, "mean", "low", "high");
        if (statistic != Statistic.ACCURACY_LOSS && !e.hasMean()) {
            throw row.error("mean", "is missing; every " + statistic.label() + " row has a mean");
        }
        if ((statistic == Statistic.MISS_RATE || statistic == Statistic.WORST_MODEL) && !e.hasInterval()) {
            throw row.error(Double.isNaN(e.low()) ? "low" : "high", "is missing; every " + statistic.label() + " row has an interval");
        }
        if (statistic.fraction) {
            for (String column : List.of("mean", "low", "high")) {
                double v = column.equals("mean") ? e.mean() : column.equals("low") ? e.low() : e.high();
                if (v < 0 || v > 1) {
                    throw row.error(column, "of " + statistic.label() + " must be between 0 and 1");
                }
            }
        }
        String key = key(suite, late, load, scheduler, statistic);
        Integer before = lineOf.putIfAbsent(key, row.line());
        if (before != null) {
            throw row.rowError("The row (" + CsvWriter.line(row.fields().subList(0, 6))
                    + ") repeats line " + before + "; maybe two result files were joined");
        }
        values.put(key, e);
        suites.add(suite);
        schedulers.add(scheduler);
        lates.computeIfAbsent(suite, k -> new TreeSet<>()).add(late);
        sets.computeIfAbsent(suite + "|" + late.label(), k -> new TreeSet<>()).add((int) n);
        if (isRange(load)) {
            ranges.computeIfAbsent(suite + "|" + late.label(), k -> new LinkedHashSet<>()).add(load);
        } else {
            loads.computeIfAbsent(suite + "|" + late.label(), k -> new TreeSet<>()).add(Double.parseDouble(load));
        }
    }

    private void addComparison(CsvRows.Row row, Map<String, Integer> seen) {
        String suite = nonEmpty(row, "suite");
        if (!suites.contains(suite)) {
            throw row.error("suite", "has no rows in " + statsFile + "; maybe the two files come from different runs");
        }
        LatePolicy late = late(row);
        String load = load(row, true);
        String method = nonEmpty(row, "method");
        String baseline = nonEmpty(row, "baseline");
        int n = count(row, "n");
        double margin = row.getDouble("tie_margin");
        if (!(margin >= 0)) {
            throw row.error("tie_margin", "must be a number >= 0");
        }
        int wins = count(row, "wins");
        int ties = count(row, "ties");
        int losses = count(row, "losses");
        if ((long) wins + ties + losses != n) {
            throw row.error("n", "is not wins + ties + losses (" + ((long) wins + ties + losses) + "); maybe the row was edited");
        }
        Estimate difference = estimate(row, "difference", "difference_low", "difference_high");
        if (!difference.hasMean() || !difference.hasInterval()) {
            throw row.error(!difference.hasMean() ? "difference" : Double.isNaN(difference.low()) ? "difference_low" : "difference_high",
                    "is missing; every comparison has a mean difference with its interval");
        }
        Estimate change = estimate(row, "change", "change_low", "change_high");
        if (change.hasMean() != change.hasInterval()) {
            throw row.error(change.hasMean() ? (Double.isNaN(change.low()) ? "change_low" : "change_high") : "change",
                    "is missing; the change and its interval are given together or not at all (when the baseline misses nothing)");
        }
        String key = String.join("|", suite, late.label(), load, method, baseline);
        Integer before = seen.putIfAbsent(key, row.line());
        if (before != null) {
            throw row.rowError("The row (" + CsvWriter.line(row.fields().subList(0, 5))
                    + ") repeats line " + before + "; maybe two result files were joined");
        }
        comparisons.add(new Comparison(suite, late, load, method, baseline, n, margin, wins, ties, losses, difference, change));
    }

    private static String nonEmpty(CsvRows.Row row, String column) {
        if (row.get(column).isBlank()) {
            throw row.error(column, "is empty; maybe the row lost a field");
        }
        return row.get(column);
    }

    private static LatePolicy late(CsvRows.Row row) {
        try {
            return LatePolicy.parse(row.get("late"));
        } catch (IllegalArgumentException e) {
            throw row.error("late", "is not a late-frame policy (drop or continue)");
        }
    }

    private static int count(CsvRows.Row row, String column) {
        long v = row.getLong(column);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw row.error(column, "must be a count >= 0");
        }
        return (int) v;
    }

    /**
     * A load ({@code 1.1}), a range ({@code 0.6-1.6}) or, when {@code pairs} is allowed, {@code pairs 0.6-1.6}; a range is returned as
     * written, a load as {@link #number} writes it (so {@code 1.0} and {@code 1} are one load).
     */
    private static String load(CsvRows.Row row, boolean pairs) {
        String text = row.get("load");
        String body = pairs && text.startsWith(PAIRS) ? text.substring(PAIRS.length()) : text;
        boolean range = body.indexOf('-') > 0;
        String[] ends = range ? body.split("-", -1) : new String[] {body};
        boolean ok = ends.length <= 2 && (range || body.equals(text));
        double previous = 0;
        for (int i = 0; ok && i < ends.length; i++) {
            try {
                double v = Double.parseDouble(ends[i]);
                ok = v > 0 && !Double.isInfinite(v) && v >= previous && !ends[i].isBlank() && Character.isDigit(ends[i].charAt(0));
                previous = v;
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) {
            throw row.error("load", "is neither a load (a positive number such as 1.1) nor a range of loads (such as 0.6-1.6"
                    + (pairs ? ", or pairs 0.6-1.6" : "") + ")");
        }
        return range ? text : number(Double.parseDouble(text));
    }

    private static Estimate estimate(CsvRows.Row row, String mean, String low, String high) {
        double[] v = new double[3];
        String[] columns = {mean, low, high};
        for (int i = 0; i < 3; i++) {
            if (row.get(columns[i]).isEmpty()) {
                v[i] = Double.NaN;
            } else {
                v[i] = row.getDouble(columns[i]);
                if (Double.isNaN(v[i])) {
                    throw row.error(columns[i], "is not a number; an undefined value is left empty");
                }
            }
        }
        if (Double.isNaN(v[1]) != Double.isNaN(v[2])) {
            throw row.error(Double.isNaN(v[1]) ? low : high, "is missing; the ends of an interval are given together or not at all");
        }
        if (!Double.isNaN(v[1]) && Double.isNaN(v[0])) {
            throw row.error(mean, "is missing; an interval comes with its mean");
        }
        if (v[1] > v[2]) {
            throw row.error(low, "is above the " + high + " (" + row.get(high) + "); maybe the columns are swapped");
        }
        return new Estimate(v[0], v[1], v[2]);
    }

    /** Whether a load of the files is a range ({@code FROM-TO}) rather than one load. */
    public static boolean isRange(String load) {
        return load.indexOf('-') > 0 && !load.startsWith(PAIRS);
    }

    private static String key(String suite, LatePolicy late, String load, String scheduler, Statistic statistic) {
        return String.join("|", suite, late.label(), load, scheduler, statistic.label());
    }

    /** The results folder. */
    public Path dir() {
        return dir;
    }

    /** The summaries' file. */
    public Path statsFile() {
        return statsFile;
    }

    /** The comparisons' file. */
    public Path pairedFile() {
        return pairedFile;
    }

    /** Suites in file order. */
    public List<String> suites() {
        return List.copyOf(suites);
    }

    /** Schedulers in file order. */
    public List<String> schedulers() {
        return List.copyOf(schedulers);
    }

    /** Late-frame policies of a suite (drop first). */
    public List<LatePolicy> lates(String suite) {
        return List.copyOf(lates.getOrDefault(suite, Set.of()));
    }

    /** Late-frame policies of any suite (drop first). */
    public List<LatePolicy> lates() {
        Set<LatePolicy> all = new TreeSet<>();
        lates.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** The single loads of a suite and policy, ascending. */
    public List<Double> loads(String suite, LatePolicy late) {
        return List.copyOf(loads.getOrDefault(suite + "|" + late.label(), Set.of()));
    }

    /** The load ranges ({@code FROM-TO}) of a suite and policy, in file order. */
    public List<String> ranges(String suite, LatePolicy late) {
        return List.copyOf(ranges.getOrDefault(suite + "|" + late.label(), Set.of()));
    }

    /** The numbers of sets of a suite and policy's rows, ascending (one number unless sets failed). */
    public List<Integer> sets(String suite, LatePolicy late) {
        return List.copyOf(sets.getOrDefault(suite + "|" + late.label(), Set.of()));
    }

    /** A statistic at a load or range (as written in the file), or null when the file has no such row. */
    public Estimate get(String suite, LatePolicy late, String load, String scheduler, Statistic statistic) {
        return values.get(key(suite, late, load, scheduler, statistic));
    }

    /** A statistic at a single load, or null when the file has no such row. */
    public Estimate get(String suite, LatePolicy late, double load, String scheduler, Statistic statistic) {
        return get(suite, late, number(load), scheduler, statistic);
    }

    /** The comparisons of a suite and policy, in file order. */
    public List<Comparison> comparisons(String suite, LatePolicy late) {
        return comparisons.stream().filter(c -> c.suite().equals(suite) && c.late() == late).toList();
    }

    /** A load as the files write it (at most nine significant digits, no trailing zeros). */
    static String number(double load) {
        return Decimals.plain(load);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d suites)", statsFile, suites.size());
    }
}
