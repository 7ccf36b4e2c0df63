package org.terastal.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.io.csv.CsvRows;
import org.terastal.report.SuiteResults;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.RunResult;
import org.terastal.testkit.AwkwardNames;

/** The suite statistics on hand-made runs whose figures are known. */
class SuiteStatisticsTest {
    private static ModelMetrics model(String id, double missRate, double loss) {
        return new ModelMetrics(id, 100, 100, 0, 0, missRate, 0, 0, 0, 0, 0, 0, loss, loss);
    }

    /** Set s, scheduler, load: two models with the given miss rates. */
    private static RunResult run(String set, String scheduler, double load, long seed, double a, double b, double loss) {
        return new RunResult(set, scheduler, seed, load, LatePolicy.DROP, model(ModelMetrics.OVERALL, (a + b) / 2, loss / 2),
                List.of(model("a", a, loss), model("b", b, 0)), List.of(), List.of());
    }

    private static SuiteStatistics.Result result() {
        return result("S", "edf");
    }

    /** The runs of a suite and a baseline by these names. */
    private static SuiteStatistics.Result result(String suite, String baseline) {
        List<RunResult> runs = new ArrayList<>();
        // three sets, two loads; terastal is better on set 0, tied on set 1 (within 0.01), worse on set 2
        double[][] terastal = {{0.0, 0.10}, {0.0, 0.20}, {0.0, 0.40}};
        double[][] edf = {{0.0, 0.30}, {0.0, 0.21}, {0.1, 0.30}};
        for (int s = 0; s < 3; s++) {
            for (int l = 0; l < 2; l++) {
                double load = l == 0 ? 1.0 : 1.5;
                // per-model miss rate = mean of the two models; model b carries it all, model a none
                runs.add(run("set" + s, "terastal", load, 1, 0, 2 * terastal[s][l], 0.02));
                runs.add(run("set" + s, baseline, load, 1, 0, 2 * edf[s][l], 0));
            }
        }
        // a second seed of set 0 for edf at load 1.5 averages with the first: (0.30 + 0.50) / 2 = 0.40
        runs.add(run("set0", baseline, 1.5, 2, 0, 2 * 0.50, 0));
        runs.add(run("set0", "terastal", 1.5, 2, 0, 2 * 0.10, 0.02));
        runs.add(run("single", baseline, 1.0, 1, 0.5, 0.5, 0));
        return SuiteStatistics.compute(runs, Map.of("set0", suite, "set1", suite, "set2", suite), List.of(baseline, "terastal"), "terastal", 0.6,
                1.6);
    }

    private static SuiteStatistics.Summary summary(SuiteStatistics.Result r, String load, String scheduler) {
        return r.summaries().stream().filter(s -> s.load().equals(load) && s.scheduler().equals(scheduler)).findFirst().orElseThrow();
    }

    private static SuiteStatistics.Comparison comparison(SuiteStatistics.Result r, String load) {
        return r.comparisons().stream().filter(c -> c.load().equals(load) && c.baseline().equals("edf")).findFirst().orElseThrow();
    }

    @Test
    void perLoadFiguresAreMeansOverSetsOfSeedAveragedRuns() {
        SuiteStatistics.Result r = result();
        assertEquals(List.of("set0", "set1", "set2"), r.sets().get("S"), "scenarios of no suite are left out");
        SuiteStatistics.Summary edf = summary(r, "1.5", "edf");
        assertEquals(3, edf.sets());
        assertEquals((0.40 + 0.21 + 0.30) / 3, edf.missRate().mean(), 1e-12);
        assertEquals((0.80 + 0.42 + 0.60) / 3, edf.worstModel().mean(), 1e-12, "the worst model is b, at twice the per-model rate");
        assertTrue(edf.missRate().low() <= edf.missRate().mean() && edf.missRate().mean() <= edf.missRate().high());
        assertEquals(2.0 / 3, summary(r, "1", "edf").schedulable(), 1e-12, "sets 0 and 1 miss nothing at load 1");
        assertEquals(0.02, summary(r, "1", "terastal").accuracyLoss().mean(), 1e-12, "loss over the models that ran a variant");
        assertFalse(summary(r, "1", "edf").accuracyLoss().isDefined(), "no variant ran");
    }

    @Test
    void theRangeAveragesEachSetOverItsLoadsFirst() {
        SuiteStatistics.Result r = result();
        assertEquals("1-1.5", r.range());
        SuiteStatistics.Summary t = summary(r, "1-1.5", "terastal");
        assertEquals(((0.0 + 0.10) / 2 + (0.0 + 0.20) / 2 + (0.0 + 0.40) / 2) / 3, t.missRate().mean(), 1e-12);
        assertEquals((1.0 + 0.0) / 2, t.schedulable(), 1e-12, "every set at load 1, none at 1.5");
    }

    @Test
    void pairedComparisonsCountWinsTiesAndLosses() {
        SuiteStatistics.Result r = result();
        // per set over the range: terastal 0.05, 0.10, 0.20; edf 0.20, 0.105, 0.20 -> win, tie, tie
        var range = comparison(r, "1-1.5").comparison();
        assertEquals(List.of(1, 2, 0), List.of(range.wins(), range.ties(), range.losses()));
        // every (set, load) pair: load 1: tie, tie, win (0 vs 0.1); load 1.5: win (0.1 vs 0.4), tie (0.2 vs 0.21), loss (0.4 vs 0.3)
        var pairs = comparison(r, "pairs 1-1.5").comparison();
        assertEquals(List.of(2, 3, 1), List.of(pairs.wins(), pairs.ties(), pairs.losses()));
        assertEquals(6, pairs.sets());
        var at15 = comparison(r, "1.5");
        assertEquals((0.1 - 0.4 + 0.2 - 0.21 + 0.4 - 0.3) / 3, at15.comparison().difference().mean(), 1e-12);
        assertEquals((0.1 + 0.2 + 0.4) / (0.4 + 0.21 + 0.3) - 1, at15.change().mean(), 1e-12);
    }

    /** A suite and a scheduler whose names need quoting come back whole from the files the report reads. */
    @Test
    void awkwardNamesSurviveTheSuiteFiles(@TempDir Path dir) throws IOException {
        String baseline = " e,d\"f\"\n";
        SuiteStatistics.Result r = result(AwkwardNames.TEXT, baseline);
        Files.writeString(dir.resolve(SuiteResults.STATS), SuiteStatistics.summariesCsv(r));
        Files.writeString(dir.resolve(SuiteResults.PAIRED), SuiteStatistics.comparisonsCsv(r));
        SuiteResults back = SuiteResults.read(dir);
        assertEquals(List.of(AwkwardNames.TEXT), back.suites());
        assertEquals(List.of(baseline, "terastal"), back.schedulers());
        assertEquals(summary(r, "1.5", baseline).missRate().mean(),
                back.get(AwkwardNames.TEXT, LatePolicy.DROP, 1.5, baseline, SuiteResults.Statistic.MISS_RATE).mean(), 1e-8);
        assertEquals(Set.of(baseline), back.comparisons(AwkwardNames.TEXT, LatePolicy.DROP).stream().map(SuiteResults.Comparison::baseline)
                .collect(Collectors.toSet()));
        List<CsvRows.Row> sets = CsvRows.parse("sets.csv", SuiteStatistics.perSetCsv(r), SuiteStatistics.PER_SET_HEADER);
        assertEquals(Set.of(List.of(AwkwardNames.TEXT, baseline)), sets.stream().filter(row -> !row.get("scheduler").equals("terastal"))
                .map(row -> List.of(row.get("suite"), row.get("scheduler"))).collect(Collectors.toSet()));
    }

    @Test
    void csvAndReportCarryTheFigures() {
        SuiteStatistics.Result r = result();
        String csv = SuiteStatistics.summariesCsv(r);
        assertTrue(csv.contains("S,drop,1.5,edf,3,miss_rate,0.303333333,"), csv);
        assertTrue(csv.contains("S,drop,1,edf,3,schedulability_ratio,0.666666667,,\n"), csv);
        assertTrue(SuiteStatistics.comparisonsCsv(r).contains("S,drop,pairs 1-1.5,terastal,edf,6,0.01,2,3,1,"));
        String report = SuiteStatistics.report(r, List.of("edf", "terastal"));
        assertTrue(report.contains("== Suite S (3 sets), late=drop"), report);
        assertTrue(report.contains("sets W/T/L 1/2/0") && report.contains("pairs W/T/L 2/3/1"), report);
    }
}
