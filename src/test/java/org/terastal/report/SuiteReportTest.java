package org.terastal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.cli.Main;

/**
 * The report of a sweep over a suite, from the suite statistics of a tiny suite (3 sets; written here as that run
 * wrote them, see {@link #STATS}) and, for a folder with both parts, a tiny experiment: charts with confidence bands
 * that carry the CSV's numbers, tables, wins/ties/losses, the options, and bad rows. {@code SuiteReportPipelineTest}
 * runs the pipeline itself.
 */
class SuiteReportTest {
    /**
     * suite-stats.csv of {@code suite --name s --platform platforms/Dual_4K.m --dataflows WS,OS --pool models --seed 3
     * --sets 3 --tasks 2:3} run by {@code experiment} over edf, edf+guard and terastal at loads 0.8 and 1.5, late drop,
     * horizon 300ms.
     */
    static final String STATS = """
            suite,late,load,scheduler,sets,statistic,mean,low,high
            s,drop,0.8,edf,3,miss_rate,0,0,0
            s,drop,0.8,edf,3,worst_model_miss_rate,0,0,0
            s,drop,0.8,edf,3,schedulability_ratio,1,,
            s,drop,0.8,edf,3,accuracy_loss,,,
            s,drop,0.8,edf+guard,3,miss_rate,0,0,0
            s,drop,0.8,edf+guard,3,worst_model_miss_rate,0,0,0
            s,drop,0.8,edf+guard,3,schedulability_ratio,1,,
            s,drop,0.8,edf+guard,3,accuracy_loss,,,
            s,drop,0.8,terastal,3,miss_rate,0,0,0
            s,drop,0.8,terastal,3,worst_model_miss_rate,0,0,0
            s,drop,0.8,terastal,3,schedulability_ratio,1,,
            s,drop,0.8,terastal,3,accuracy_loss,0.00950178521,0.00556838146,0.0164143052
            s,drop,1.5,edf,3,miss_rate,0.493993994,0.333333333,0.648648649
            s,drop,1.5,edf,3,worst_model_miss_rate,0.882882883,0.648648649,1
            s,drop,1.5,edf,3,schedulability_ratio,0,,
            s,drop,1.5,edf,3,accuracy_loss,,,
            s,drop,1.5,edf+guard,3,miss_rate,0.441613042,0.333333333,0.648648649
            s,drop,1.5,edf+guard,3,worst_model_miss_rate,0.682882883,0.4,1
            s,drop,1.5,edf+guard,3,schedulability_ratio,0,,
            s,drop,1.5,edf+guard,3,accuracy_loss,,,
            s,drop,1.5,terastal,3,miss_rate,0.4003432,0.219047619,0.648648649
            s,drop,1.5,terastal,3,worst_model_miss_rate,0.628914629,0.238095238,1
            s,drop,1.5,terastal,3,schedulability_ratio,0,,
            s,drop,1.5,terastal,3,accuracy_loss,0.00950178521,0.00556838146,0.0164143052
            s,drop,0.8-1.5,edf,3,miss_rate,0.246996997,0.166666667,0.324324324
            s,drop,0.8-1.5,edf,3,worst_model_miss_rate,0.441441442,0.324324324,0.5
            s,drop,0.8-1.5,edf,3,schedulability_ratio,0.5,,
            s,drop,0.8-1.5,edf,3,accuracy_loss,,,
            s,drop,0.8-1.5,edf+guard,3,miss_rate,0.220806521,0.166666667,0.324324324
            s,drop,0.8-1.5,edf+guard,3,worst_model_miss_rate,0.341441441,0.2,0.5
            s,drop,0.8-1.5,edf+guard,3,schedulability_ratio,0.5,,
            s,drop,0.8-1.5,edf+guard,3,accuracy_loss,,,
            s,drop,0.8-1.5,terastal,3,miss_rate,0.2001716,0.109523809,0.324324324
            s,drop,0.8-1.5,terastal,3,worst_model_miss_rate,0.314457315,0.119047619,0.5
            s,drop,0.8-1.5,terastal,3,schedulability_ratio,0.5,,
            s,drop,0.8-1.5,terastal,3,accuracy_loss,0.00950178521,0.00556838146,0.0164143052
            """;
    /** suite-paired.csv of the same run. */
    static final String PAIRED = """
            suite,late,load,method,baseline,n,tie_margin,wins,ties,losses,difference,difference_low,difference_high,change,change_low,change_high
            s,drop,0.8,terastal,edf,3,0.01,0,3,0,0,0,0,,,
            s,drop,0.8,terastal,edf+guard,3,0.01,0,3,0,0,0,0,,,
            s,drop,1.5,terastal,edf,3,0.01,1,2,0,-0.0936507937,-0.280952381,0,-0.18957881,-0.561904762,0
            s,drop,1.5,terastal,edf+guard,3,0.01,1,2,0,-0.0412698413,-0.123809524,0,-0.0934524967,-0.361111112,0
            s,drop,0.8-1.5,terastal,edf,3,0.01,1,2,0,-0.0468253968,-0.14047619,0,-0.18957881,-0.561904762,0
            s,drop,0.8-1.5,terastal,edf+guard,3,0.01,1,2,0,-0.0206349207,-0.061904762,0,-0.0934524967,-0.361111112,0
            s,drop,pairs 0.8-1.5,terastal,edf,6,0.01,1,5,0,-0.0468253968,-0.14047619,0,-0.18957881,-0.561904762,0
            s,drop,pairs 0.8-1.5,terastal,edf+guard,6,0.01,1,5,0,-0.0206349207,-0.061904762,0,-0.0934524967,-0.361111112,0
            """;

    @TempDir
    static Path shared;
    /** What the repository ships of a suite run: report.txt and the suite CSVs. */
    private static Path suiteOnly;
    private static final List<String> SUITE_IDS = List.of("suite-miss-vs-load-s-drop", "suite-worst-vs-load-s-drop", "suite-schedulable-vs-load-s-drop");

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void shippedFolder() throws IOException {
        suiteOnly = shared.resolve("shipped");
        Files.createDirectories(suiteOnly);
        Files.writeString(suiteOnly.resolve("suite-stats.csv"), STATS);
        Files.writeString(suiteOnly.resolve("suite-paired.csv"), PAIRED);
        Files.writeString(suiteOnly.resolve("report.txt"), "== Suite s (3 sets), late=drop\n");
    }

    private int report(String... args) {
        List<String> all = new ArrayList<>(List.of("report"));
        all.addAll(List.of(args));
        return Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(new String[0]));
    }

    @Test
    void suiteFolderGetsItsChartsTablesAndExports() throws IOException {
        Path html = dir.resolve("r.html");
        assertEquals(0, report(suiteOnly.toString(), "-o", html.toString(), "--png", dir.resolve("png").toString(), "--svg",
                dir.resolve("svg").toString()), err.toString());
        String page = Files.readString(html);
        for (String id : SUITE_IDS) {
            assertTrue(page.contains("<svg id='" + id + "'"), id);
            assertTrue(page.contains("<table class=\"num\" id=\"" + id + "-table\">"), id + " has its table");
            assertTrue(Files.size(dir.resolve("png").resolve(id + ".png")) > 1000, id);
            assertTrue(Files.readString(dir.resolve("svg").resolve(id + ".svg")).contains("<svg"), id);
        }
        try (Stream<Path> files = Files.list(dir.resolve("png"))) {
            assertEquals(SUITE_IDS.size(), files.count(), "no scenario charts: the folder has no metrics");
        }
        assertTrue(page.contains("<title>Terastal report: shipped</title>"), "the title names the folder, not where it is");
        assertFalse(page.substring(0, page.indexOf("</title>")).contains(shared.toString()));
        assertTrue(page.matches("(?s).*fill-opacity:0\\.\\d+;stroke:none.*"), "the bands are translucent");
        assertTrue(page.contains("<th>0.8-1.5<br><small>mean over loads</small></th>"), "the range is a row of the tables");
        assertTrue(page.contains("id=\"range-s-drop-0-8-1-5\"") && page.contains("id=\"wtl-s-drop-0-8-1-5\""));
        assertTrue(page.contains("Tie margin 0.01"), "the tie margin is stated");
        assertFalse(page.matches("(?s).*(<script|src=|href=['\"]?(https?:|//)|url\\(['\"]?(https?:|//)|@import|stylesheet).*"),
                "no script, no external reference");
        assertTrue(out.toString().contains("(3 charts)"), out.toString());
    }

    /** Every point of the miss-rate charts is a row of suite-stats.csv: mean, low and high. */
    @Test
    void chartsCarryTheCsvNumbers() throws IOException {
        HtmlReport report = HtmlReport.build(ResultsFolder.open(suiteOnly, List.of(), List.of(), null, null, null));
        assertEquals(SUITE_IDS, report.charts().stream().map(HtmlReport.Chart::id).toList());
        int checked = 0;
        for (String line : Files.readAllLines(suiteOnly.resolve("suite-stats.csv")).subList(1, Files.readAllLines(suiteOnly.resolve(
                "suite-stats.csv")).size())) {
            String[] f = line.split(",", -1);
            if (f[2].contains("-") || !(f[5].equals("miss_rate") || f[5].equals("worst_model_miss_rate") || f[5].equals("schedulability_ratio"))) {
                continue;
            }
            int chart = f[5].equals("miss_rate") ? 0 : f[5].equals("worst_model_miss_rate") ? 1 : 2;
            YIntervalSeriesCollection data = (YIntervalSeriesCollection) report.charts().get(chart).chart().getXYPlot().getDataset();
            int series = data.indexOf(f[3]);
            assertTrue(series >= 0, f[3]);
            int item = -1;
            for (int i = 0; i < data.getItemCount(series); i++) {
                if (data.getXValue(series, i) == Double.parseDouble(f[2])) {
                    item = i;
                }
            }
            assertTrue(item >= 0, line);
            double mean = Double.parseDouble(f[6]);
            assertEquals(mean, data.getYValue(series, item), 1e-12, line);
            assertEquals(f[7].isEmpty() ? mean : Double.parseDouble(f[7]), data.getStartYValue(series, item), 1e-12, line);
            assertEquals(f[8].isEmpty() ? mean : Double.parseDouble(f[8]), data.getEndYValue(series, item), 1e-12, line);
            checked++;
        }
        assertEquals(3 * 2 * 3, checked, "three charts, two loads, three schedulers");
        JFreeChart miss = report.charts().get(0).chart();
        assertTrue(miss.getXYPlot().getRenderer() instanceof DeviationRenderer, "the interval is drawn as a band");
    }

    /** The win/tie/loss table holds the counts, change and difference of suite-paired.csv, sets and pairs alike. */
    @Test
    void winTieLossTableHoldsTheCounts() throws IOException {
        Path html = dir.resolve("r.html");
        assertEquals(0, report(suiteOnly.toString(), "-o", html.toString()), err.toString());
        String page = Files.readString(html);
        int rows = 0;
        for (String line : Files.readAllLines(suiteOnly.resolve("suite-paired.csv"))) {
            String[] f = line.split(",", -1);
            if (!f[2].equals("0.8-1.5") && !f[2].equals("pairs 0.8-1.5")) {
                continue;
            }
            String over = f[2].startsWith("pairs") ? "(set, load) pairs" : "sets";
            String expected = "<tr><th>" + f[3] + "</th><th>" + f[4] + "</th><td>" + over + "</td><td>" + f[5] + "</td><td>" + f[7]
                    + "</td><td>" + f[8] + "</td><td>" + f[9] + "</td><td>"
                    + String.format(java.util.Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * Double.parseDouble(f[13]),
                    100 * Double.parseDouble(f[14]), 100 * Double.parseDouble(f[15])) + "</td><td>"
                    + String.format(java.util.Locale.ROOT, "%+.4f [%+.4f, %+.4f]", Double.parseDouble(f[10]), Double.parseDouble(f[11]),
                    Double.parseDouble(f[12])) + "</td></tr>";
            assertTrue(page.contains(expected), expected + "\n" + page.substring(page.indexOf("wtl-")));
            rows++;
        }
        assertEquals(4, rows, "two baselines, over sets and over pairs");
    }

    /** A folder with metrics, traces and suite statistics gets both parts; --instance picks a suite or a scenario. */
    @Test
    void bothPartsAndTheOptions() throws IOException {
        Path full = dir.resolve("full");
        StringWriter e = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(e), "experiment", "instances/skewed-vision.json",
                "--solution", "solutions/skewed-vision.json", "--schedulers", "edf,edf+guard,terastal", "--loads", "1", "--late", "drop",
                "--horizon", "100ms", "--trace-window", "0:20ms", "-o", full.toString()), e.toString());
        Files.writeString(full.resolve("suite-stats.csv"), STATS);
        Files.writeString(full.resolve("suite-paired.csv"), PAIRED);
        HtmlReport both = HtmlReport.build(ResultsFolder.open(full, List.of(), List.of(), null, null, null));
        List<String> ids = both.charts().stream().map(HtmlReport.Chart::id).toList();
        assertEquals(SUITE_IDS, ids.subList(0, 3), "suites first");
        assertTrue(ids.contains("miss-vs-load-skewed-vision") && ids.contains("gantt-skewed-vision-terastal"), "the scenario charts: " + ids);
        String page = both.html();
        assertTrue(page.indexOf("<section id=\"suite-s-drop\">") < page.indexOf("<section id=\"skewed-vision\">"), "two parts");

        assertEquals(SUITE_IDS, HtmlReport.build(ResultsFolder.open(full, List.of("s"), List.of(), null, null, null)).charts().stream()
                .map(HtmlReport.Chart::id).toList());
        assertTrue(HtmlReport.build(ResultsFolder.open(full, List.of("skewed-vision"), List.of(), null, null, null)).charts().stream()
                .noneMatch(c -> c.id().startsWith("suite-")));
        expectUsage(full, List.of("--instance", "s", "--window", "0:1ms"), "The window chooses", "no scenario is chosen");
        expectUsage(full, List.of("--instance", "t"), "The instance (t) has no runs in " + full.resolve("metrics.csv") + " nor in "
                + full.resolve("suite-stats.csv") + "; it has scenarios [skewed-vision] and suites [s]");

        HtmlReport two = HtmlReport.build(ResultsFolder.open(suiteOnly, List.of(), List.of("terastal", "edf"), null, null, null));
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) two.charts().get(0).chart().getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals(List.of("edf", "terastal"), List.of(data.getSeriesKey(0), data.getSeriesKey(1)), "in the files' order");
        page = two.html();
        assertFalse(page.contains("<th>edf+guard</th>"), "filtered out of tables and the win/tie/loss table");
        assertTrue(page.contains("<th>terastal</th><th>edf</th>"));

        expectUsage(suiteOnly, List.of("--late", "continue"), "The late-frame policy (continue) has no rows in "
                + suiteOnly.resolve("suite-stats.csv") + "; it has [drop]");
        expectUsage(suiteOnly, List.of("--schedulers", "dream"), "The scheduler (dream) has no rows in " + suiteOnly.resolve("suite-stats.csv")
                + "; it has [edf, edf+guard, terastal]");
        expectUsage(suiteOnly, List.of("--instance", "t"), "The instance (t) has no runs in " + suiteOnly.resolve("suite-stats.csv")
                + "; it has suites [s]");
        expectUsage(suiteOnly, List.of("--load", "1.5"), "The load (1.5) chooses what the per-model and Gantt charts of a scenario show");
    }

    /** Lines that coincide (all schedulers at 0 at load 0.8) stay visible: distinct dashes and hollow markers, solid line drawn first. */
    @Test
    void coincidingLinesStayVisible() throws IOException {
        Path folder = dir.resolve("same");
        Files.createDirectories(folder);
        StringBuilder stats = new StringBuilder("suite,late,load,scheduler,sets,statistic,mean,low,high\n");
        List<String> schedulers = List.of("fcfs", "edf", "dream", "fcfs+guard", "edf+guard", "dream+guard", "terastal", "terastal-noguard",
                "terastal-novariant", "terastal-budget", "terastal-vdorder", "terastal-nohome");
        for (String s : schedulers) {
            for (String load : List.of("1", "1.2")) {
                stats.append("x,continue,").append(load).append(',').append(s).append(",5,miss_rate,0.25,0.125,0.5\n");
            }
        }
        Files.writeString(folder.resolve("suite-stats.csv"), stats);
        Files.writeString(folder.resolve("suite-paired.csv"), "suite,late,load,method,baseline,n,tie_margin,wins,ties,losses,difference,"
                + "difference_low,difference_high,change,change_low,change_high\n");
        HtmlReport report = HtmlReport.build(ResultsFolder.open(folder, List.of(), List.of(), null, null, null));
        XYPlot plot = report.charts().get(0).chart().getXYPlot();
        DeviationRenderer r = (DeviationRenderer) plot.getRenderer();
        assertEquals(SeriesRenderingOrder.FORWARD, plot.getSeriesRenderingOrder());
        assertEquals(null, ((BasicStroke) r.getSeriesStroke(0)).getDashArray(), "the first line is solid, at the bottom");
        Set<String> looks = new HashSet<>();
        for (int i = 0; i < schedulers.size(); i++) {
            BasicStroke stroke = (BasicStroke) r.getSeriesStroke(i);
            looks.add(r.getSeriesPaint(i) + Arrays.toString(stroke.getDashArray()) + stroke.getDashPhase());
            assertFalse(r.getSeriesShapesFilled(i), "hollow markers show the ones beneath");
            assertTrue(r.getSeriesShape(i).getBounds2D().getWidth() < 7, "small markers");
        }
        assertEquals(schedulers.size(), looks.size(), "every line looks different");
        Set<String> shapes = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            shapes.add(outline(r.getSeriesShape(i)));
        }
        assertEquals(10, shapes.size(), "ten marker shapes before they come back (with another colour)");
        assertTrue(report.html().contains("<h2>Suite x, late frames continue</h2>"));
        assertTrue(report.html().contains("has no comparison over this range") || !report.html().contains("wtl-"));
    }

    private static String outline(java.awt.Shape shape) {
        StringBuilder sb = new StringBuilder();
        double[] c = new double[6];
        for (java.awt.geom.PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            sb.append(type).append(String.format(java.util.Locale.ROOT, "%.2f,%.2f;", c[0], c[1]));
        }
        return sb.toString();
    }

    @Test
    void titleNamesNoPlaceOnTheDisk() {
        assertEquals("results/test", HtmlReport.displayName(Path.of("results/test/")));
        assertEquals("exp-u", HtmlReport.displayName(Path.of("/tmp/exp-u")));
        assertEquals("exp-u", HtmlReport.displayName(Path.of("/tmp/x/../exp-u")));
    }

    @Test
    void badRowsSayFileLineAndWhatAndWriteNothing() throws IOException {
        Path bad = copy("bad");
        Path stats = bad.resolve("suite-stats.csv");
        List<String> lines = Files.readAllLines(stats);
        String good = lines.get(5);
        assertTrue(good.contains(",miss_rate,"), good);

        lines.set(5, good.replaceFirst(",miss_rate,[^,]*,", ",miss_rate,abc,"));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:" + (good.indexOf(",miss_rate,") + 12) + ": The mean (abc) is not a number");

        lines.set(5, good.replace(",miss_rate,", ",miss,"));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:", "The statistic (miss) is not one of [miss_rate");

        String[] f = good.split(",", -1);
        f[7] = "0.9";
        f[8] = "0.1";
        lines.set(5, String.join(",", f));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:", "The low (0.9) is above the high (0.1)");

        f = good.split(",", -1);
        f[6] = "1.2";
        f[8] = "1.3";
        lines.set(5, String.join(",", f));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:", "The mean (1.2) of miss_rate must be between 0 and 1");

        lines.set(5, good.replace(",drop,", ",late,"));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:", "The late (late) is not a late-frame policy");

        lines.set(5, good.replaceFirst(",0.8,|,1.5,", ",1.5x,"));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:", "The load (1.5x) is neither a load");

        lines.set(5, good.substring(0, good.lastIndexOf(',')));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:1: The row has 8 fields, expected 9");

        lines.set(5, lines.get(1));
        Files.write(stats, lines);
        expectFailure(bad, stats + ":6:1: The row (", "repeats line 2");

        lines.set(5, good);
        Files.write(stats, lines);
        Path paired = bad.resolve("suite-paired.csv");
        List<String> pairs = Files.readAllLines(paired);
        String[] p = pairs.get(2).split(",", -1);
        p[7] = String.valueOf(Integer.parseInt(p[7]) + 1);
        pairs.set(2, String.join(",", p));
        Files.write(paired, pairs);
        expectFailure(bad, paired + ":3:", "The n (" + p[5] + ") is not wins + ties + losses");

        Files.writeString(stats, lines.get(0) + "\n");
        expectFailure(bad, stats + ": The file has a header but no rows");
        Files.delete(paired);
        expectFailure(bad, paired + ": No such file");
    }

    private void expectFailure(Path resultsDir, String... messages) {
        expectFailure(resultsDir, List.of(), messages);
    }

    /** Exit code 1, one line on stderr holding every message, and no file written. */
    private void expectFailure(Path resultsDir, List<String> options, String... messages) {
        expect(1, resultsDir, options, messages);
    }

    /** A choice the folder has nothing of is a wrong command line: exit code 2, one line holding every message, no file written. */
    private void expectUsage(Path resultsDir, List<String> options, String... messages) {
        String line = expect(2, resultsDir, options, messages);
        assertTrue(line.startsWith("terastal report: "), line);
    }

    /** The line on stderr. */
    private String expect(int code, Path resultsDir, List<String> options, String... messages) {
        Path html = dir.resolve("out").resolve("r.html");
        List<String> args = new ArrayList<>(List.of(resultsDir.toString(), "-o", html.toString(), "--png", dir.resolve("out").resolve("png").toString()));
        args.addAll(options);
        assertEquals(code, report(args.toArray(new String[0])), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line: " + err);
        String line = err.toString();
        for (String m : messages) {
            assertTrue(err.toString().contains(m), m + " in " + err);
        }
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        err.getBuffer().setLength(0);
        return line;
    }

    private Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(suiteOnly)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
