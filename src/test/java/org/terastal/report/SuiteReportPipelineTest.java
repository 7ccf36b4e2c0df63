package org.terastal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.terastal.cli.Main;

/**
 * The report of a sweep over a suite, end to end: a tiny suite is drawn, run over a sweep and reported, and the page
 * carries the numbers the experiment wrote. Slow (it solves a table per set): runs with {@code -Pslow}.
 */
@Tag("slow")
class SuiteReportPipelineTest {
    @TempDir
    Path dir;

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(err), args), err.toString());
        return out.toString();
    }

    @Test
    void aSuiteSweepIsReportedWithItsNumbers() throws IOException {
        Path suite = dir.resolve("suite");
        run("suite", "--name", "s", "--platform", "platforms/Dual_4K.m", "--dataflows", "WS,OS", "--pool", "models", "--seed", "3", "--sets", "3",
                "--tasks", "2:3", "-o", suite.toString());
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {"format": "terastal-sweep/1", "suites": [{"suite": "%s"}], "schedulers": ["edf", "edf+guard", "terastal"],
                 "loads": [0.8, 1.5], "late": ["drop"], "horizon": "300ms"}
                """.formatted(suite.toAbsolutePath().toString().replace("\\", "\\\\")));
        Path results = dir.resolve("out");
        run("experiment", sweep.toString(), "-o", results.toString());

        Path html = dir.resolve("r.html");
        assertTrue(run("report", results.toString(), "-o", html.toString()).contains("wrote"));
        String page = Files.readString(html);
        for (String id : List.of("suite-miss-vs-load-s-drop", "suite-worst-vs-load-s-drop", "suite-schedulable-vs-load-s-drop",
                "miss-vs-load-s-0000")) {
            assertTrue(page.contains("<svg id='" + id + "'"), id);
        }
        assertTrue(page.contains("id=\"wtl-s-drop-0-8-1-5\""), "the win/tie/loss table over the range");

        HtmlReport report = HtmlReport.build(ResultsFolder.open(results, List.of("s"), List.of(), null, null, null));
        YIntervalSeriesCollection miss = (YIntervalSeriesCollection) report.charts().get(0).chart().getXYPlot().getDataset();
        int checked = 0;
        for (String line : Files.readAllLines(results.resolve("suite-stats.csv"))) {
            String[] f = line.split(",", -1);
            if (f[5].equals("miss_rate") && !f[2].contains("-")) {
                int series = miss.indexOf(f[3]);
                int item = f[2].equals("0.8") ? 0 : 1;
                assertEquals(Double.parseDouble(f[2]), miss.getXValue(series, item), 1e-12, line);
                assertEquals(Double.parseDouble(f[6]), miss.getYValue(series, item), 1e-12, line);
                assertEquals(Double.parseDouble(f[7]), miss.getStartYValue(series, item), 1e-12, line);
                assertEquals(Double.parseDouble(f[8]), miss.getEndYValue(series, item), 1e-12, line);
                checked++;
            }
        }
        assertEquals(6, checked, "two loads, three schedulers");
    }
}
