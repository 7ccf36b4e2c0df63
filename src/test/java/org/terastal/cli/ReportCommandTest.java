package org.terastal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.io.json.InstanceFiles;
import org.terastal.io.json.SolutionFiles;
import org.terastal.io.results.TraceCsv;
import org.terastal.io.results.TraceFiles;
import org.terastal.report.HtmlReport;
import org.terastal.report.ResultsData;
import org.terastal.report.Selection;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;
import org.terastal.testkit.SixModels;
import org.terastal.testkit.SixModels.Share;
import org.terastal.testkit.SolutionHeuristics;
import picocli.CommandLine;

/** The report command on a small experiment made here: what the page holds, the exported charts, and bad input. */
class ReportCommandTest {
    @TempDir
    static Path shared;
    private static Path results;
    private static final List<String> IDS = List.of("miss-vs-load-pair", "miss-per-model-pair", "utilisation-pair", "accuracy-loss-pair",
            "cdf-pair-resnet50", "cdf-pair-sp2dense", "gantt-pair-fcfs", "gantt-pair-edf", "gantt-pair-terastal");

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void experiment() {
        Instance mix = SixModels.mix("pair", 1.2, List.of(Share.of("resnet50", 1), Share.of("sp2dense", 1)));
        Path instance = shared.resolve("pair.json");
        InstanceFiles.write(instance, mix);
        Path solution = shared.resolve("table.json");
        SolutionFiles.write(solution, SolutionHeuristics.solve(mix, LatencyInputs.forInstance(mix, SixModels.LATENCY), true));
        results = shared.resolve("exp");
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new ExperimentCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(instance.toString(), "--latency", SixModels.LATENCY.toString(), "--solution", solution.toString(), "--schedulers", "fcfs,edf,terastal", "--loads", "0.9,1.3",
                "--seeds", "1,2", "--horizon", "1s", "--trace-load", "1.3", "--trace-window", "0:60ms", "-o", results.toString());
        assertEquals(0, code, e.toString());
    }

    private int report(String... args) {
        CommandLine cl = CommandErrors.install(new CommandLine(new ReportCommand()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void pageHoldsEveryChartInline() throws Exception {
        Path html = dir.resolve("r.html");
        assertEquals(0, report(results.toString(), "-o", html.toString(), "--png", dir.resolve("png").toString(), "--svg",
                dir.resolve("svg").toString()), err.toString());
        String page = Files.readString(html);
        for (String id : IDS) {
            assertTrue(page.contains("<svg id='" + id + "'"), id);
            byte[] png = Files.readAllBytes(dir.resolve("png").resolve(id + ".png"));
            assertEquals(0x89, png[0] & 0xff, id);
            assertEquals('P', png[1], id);
            // a standalone SVG must be well-formed XML (its DOCTYPE names a DTD that is not fetched)
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            xml.newDocumentBuilder().parse(dir.resolve("svg").resolve(id + ".svg").toFile());
        }
        try (Stream<Path> files = Files.list(dir.resolve("png"))) {
            assertEquals(IDS.size(), files.count());
        }
        // namespace names are not fetched; anything that would load a resource is ruled out
        assertFalse(page.matches("(?s).*(<script|src=|href=['\"]?(https?:|//)|url\\(['\"]?(https?:|//)|@import|stylesheet).*"),
                "no script, no external reference");
        assertTrue(out.toString().contains("(" + IDS.size() + " charts)"), out.toString());
        assertTrue(page.contains("<title>Terastal report: exp</title>"), "the title names the folder, not where it is on the disk");
    }

    /** The charts show the files' figures: means over seeds from the metrics, every layer of the window in the Gantt chart. */
    @Test
    void chartsCarryTheFilesFigures() throws IOException {
        ResultsData data = ResultsData.read(results);
        Selection sel = Selection.resolve(data, List.of(), List.of(), null, null, null);
        assertEquals(LatePolicy.DROP, sel.late());
        assertEquals(1.3, sel.load(), "the traced load by default");
        assertEquals(0, sel.windowFromNs());
        assertEquals(60_000_000, sel.windowToNs());
        HtmlReport report = HtmlReport.build(data, sel);
        assertEquals(IDS, report.charts().stream().map(HtmlReport.Chart::id).toList());

        double sum = 0;
        int n = 0;
        for (String line : Files.readAllLines(results.resolve("metrics.csv"))) {
            if (line.startsWith("pair,edf,") && line.contains(",1.3,drop,sp2dense,,miss_rate,")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
                n++;
            }
        }
        assertEquals(2, n, "one row per seed");
        CategoryDataset perModel = report.charts().get(1).chart().getCategoryPlot().getDataset();
        assertEquals(sum / n, perModel.getValue("edf", "sp2dense").doubleValue(), 1e-12);

        TraceFiles.TracedRun run = data.tracedRun("pair", "terastal", LatePolicy.DROP);
        List<LayerRecord> layers = TraceCsv.readTimeline(data.tracesIndex().resolveSibling(run.timeline()));
        XYDataset gantt = report.charts().get(8).chart().getXYPlot().getDataset();
        int bars = 0;
        for (int s = 0; s < gantt.getSeriesCount() - 1; s++) {
            bars += gantt.getItemCount(s);
        }
        assertFalse(layers.isEmpty());
        assertTrue(layers.stream().anyMatch(l -> l.implementation() == Implementation.VARIANT), "the table homes a variant");
        assertEquals(layers.size(), bars, "every layer of the window is a bar");
        assertEquals(layers.stream().filter(l -> l.implementation() == Implementation.VARIANT).count(),
                gantt.getItemCount(gantt.getSeriesCount() - 1), "every variant layer is marked");
    }

    @Test
    void chosenScenarioSchedulersAndWindow() throws IOException {
        Path html = dir.resolve("r.html");
        assertEquals(0, report(results.toString(), "-o", html.toString(), "--schedulers", "edf", "--late", "continue", "--load", "0.9",
                "--window", "10ms:20ms"), err.toString());
        String page = Files.readString(html);
        assertTrue(page.contains("gantt-pair-edf") && !page.contains("gantt-pair-fcfs") && !page.contains("gantt-pair-terastal"));
        assertTrue(page.contains("10.000 ms to 20.000 ms"));
        assertTrue(page.contains("at load 0.9, late frames continue"));
    }

    @Test
    void badResultsSayWhatAndWhereAndWriteNothing() throws IOException {
        Path bad = dir.resolve("bad");
        copy(results, bad);
        List<String> lines = new ArrayList<>(Files.readAllLines(bad.resolve("metrics.csv")));
        int comma = lines.get(4).lastIndexOf(',');
        lines.set(4, lines.get(4).substring(0, comma + 1) + "abc");
        Files.write(bad.resolve("metrics.csv"), lines);
        expectFailure(bad, bad.resolve("metrics.csv") + ":5:" + (comma + 2) + ": The value (abc) is not a number");

        Files.delete(bad.resolve("metrics.csv"));
        expectFailure(bad, bad.resolve("metrics.csv") + ": No such file (nor miss-rates.csv)");
        expectFailure(dir.resolve("nowhere"), dir.resolve("nowhere") + ": No such folder");

        Path noTraces = dir.resolve("no-traces");
        Files.createDirectories(noTraces);
        Files.copy(results.resolve("metrics.csv"), noTraces.resolve("miss-rates.csv"));
        expectFailure(noTraces, noTraces.resolve("traces").resolve("index.csv") + ": No such file: the response-time CDFs");

        Path lostTimeline = dir.resolve("lost");
        copy(results, lostTimeline);
        Files.delete(lostTimeline.resolve("traces/pair/drop/edf.timeline.csv"));
        expectFailure(lostTimeline, "The timeline (pair/drop/edf.timeline.csv) names no file");
    }

    /** A choice the results folder has nothing of is a wrong command line: exit code 2, one line naming it and what there is. */
    @Test
    void badChoicesAreNamed() {
        Path metrics = results.resolve("metrics.csv");
        expectUsage(results, "The instance (other) has no runs in " + metrics + "; it has scenarios [pair]", "--instance", "other");
        expectUsage(results, "The scheduler (dream) has no runs in " + metrics + "; it has [fcfs, edf, terastal]", "--schedulers", "edf,dream");
        expectUsage(results, "The load (1.1) has no runs in " + metrics + "; it has [0.9, 1.3]", "--load", "1.1");
        expectUsage(results, "is not inside the recorded timeline window (0.000 ms to 60.000 ms)", "--window", "50ms:70ms");
        assertEquals(2, report(results.toString(), "-o", dir.resolve("r.html").toString(), "--late", "later"), "a wrong policy is a usage error");
        assertEquals("terastal report: Invalid value for option '--late': The late-frame policy (later) is not one of drop, continue\n", err.toString());
    }

    @Test
    void chartFoldersAreWrittenWhole() throws IOException {
        Path charts = dir.resolve("charts");
        Files.createDirectories(charts);
        Files.writeString(charts.resolve("old-chart.png"), "an earlier report's");
        Files.writeString(charts.resolve("old-chart.svg"), "an earlier report's");
        Path html = dir.resolve("r.html");
        assertEquals(0, report(results.toString(), "-o", html.toString(), "--png", charts.toString(), "--svg", charts.toString()), err.toString());
        try (Stream<Path> files = Files.list(charts)) {
            assertEquals(2 * IDS.size(), files.count(), "this report's charts, none of the earlier one's");
        }
        Files.writeString(charts.resolve("notes.txt"), "mine");
        Files.delete(html);
        assertEquals(1, report(results.toString(), "-o", html.toString(), "--png", charts.toString()));
        assertTrue(err.toString().contains("holds notes.txt, which is not one of the chart files (*.png, *.svg) report writes"), err.toString());
        assertFalse(Files.exists(html), "nothing written");
        try (Stream<Path> files = Files.list(charts)) {
            assertEquals(2 * IDS.size() + 1, files.count(), "left as it was");
        }
        Files.delete(charts.resolve("notes.txt"));
        assertEquals(0, report(results.toString(), "-o", html.toString(), "--png", charts.toString()), err.toString());
        try (Stream<Path> files = Files.list(charts)) {
            assertEquals(IDS.size(), files.count(), "the PNGs of this report only");
        }
    }

    private void expectFailure(Path resultsDir, String message, String... options) {
        expect(1, resultsDir, message, options);
    }

    private void expectUsage(Path resultsDir, String message, String... options) {
        expect(2, resultsDir, message, options);
    }

    /** The exit code, one line on stderr holding the message, and no file written. */
    private void expect(int code, Path resultsDir, String message, String... options) {
        Path html = dir.resolve("out").resolve("r.html");
        Path png = dir.resolve("out").resolve("png");
        List<String> args = new ArrayList<>(List.of(resultsDir.toString(), "-o", html.toString(), "--png", png.toString()));
        args.addAll(List.of(options));
        assertEquals(code, report(args.toArray(new String[0])), err.toString());
        assertTrue(err.toString().contains(message), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line: " + err);
        assertTrue(err.toString().startsWith("terastal report: "), err.toString());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        err.getBuffer().setLength(0);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.collect(Collectors.toList())) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        assertTrue(Set.of(to.toFile().list()).contains("traces"));
    }
}
