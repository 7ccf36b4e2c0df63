package org.terastal.cli;

import java.io.PrintWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jfree.chart.ChartUtils;
import org.terastal.io.AtomicFiles;
import org.terastal.io.AtomicFolders;
import org.terastal.report.ChoiceException;
import org.terastal.report.HtmlReport;
import org.terastal.report.ResultsFolder;
import org.terastal.sim.LatePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report}: one self-contained HTML page of an experiment's results folder, and optionally every chart
 * as PNG and SVG files. A folder with suite statistics ({@code suite-stats.csv}, from a sweep over suites) gets
 * their charts and tables; one with metrics and traces gets the per-scenario charts; one with both gets both.
 * Everything is read and drawn before the first file is written, so bad input leaves nothing behind. A choice
 * ({@code --instance}, {@code --schedulers}, {@code --late}, {@code --load}, {@code --window}) that the folder has
 * nothing of is a wrong command line, found once the folder is read.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a self-contained HTML report (miss rates, response-time CDFs, utilisation, accuracy loss, Gantt charts; "
                + "for suites: miss rates versus load with confidence bands, schedulability, win/tie/loss tables) of an experiment's output folder.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "Output folder of terastal experiment (metrics.csv or miss-rates.csv, and traces/; or suite-stats.csv and suite-paired.csv; or both).")
    Path results;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The HTML page to write, e.g. report.html.")
    Path output;

    @Option(names = "--instance", split = ",", paramLabel = "NAME", description = "Scenarios or suites to show; default: all.")
    List<String> instances = new ArrayList<>();

    @Option(names = "--schedulers", split = ",", paramLabel = "SCHEDULER", description = "Schedulers to compare; default: all in the results.")
    List<String> schedulers = new ArrayList<>();

    @Option(names = "--late", paramLabel = "POLICY", converter = OptionTypes.LatePolicies.class, completionCandidates = OptionTypes.LatePolicies.class,
            description = "Late-frame policy shown, ${COMPLETION-CANDIDATES}; default: drop when present (suites: every policy).")
    LatePolicy late;

    @Option(names = "--load", paramLabel = "X", description = "Load of a scenario's per-model miss-rate, utilisation and accuracy charts; default: the traced runs' load.")
    Double load;

    @Option(names = "--window", paramLabel = "FROM:TO", converter = OptionTypes.Window.class,
            description = "Span of the Gantt charts, each end " + OptionTypes.DURATION_UNITS + " (FROM may be 0), inside the recorded one; default: all of it.")
    OptionTypes.Span window;

    @Option(names = "--png", paramLabel = "DIR", description = "Also write every chart as DIR/<chart id>.png; DIR is written whole, "
            + "replacing an earlier one that holds only charts.")
    Path pngDir;

    @Option(names = "--svg", paramLabel = "DIR", description = "Also write every chart as DIR/<chart id>.svg; DIR is written whole, "
            + "replacing an earlier one that holds only charts.")
    Path svgDir;

    @Override
    public Integer call() throws Exception {
        return CommandErrors.run(spec, this::report);
    }

    private int report() {
        // charts are drawn off-screen; without this AWT looks for a display
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = spec.commandLine().getOut();
        long[] span = window == null ? null : new long[] {window.fromNs(), window.toNs()};
        // the chart folders and the kinds of file each gets (one folder when --png and --svg name the same)
        Map<Path, Set<String>> folders = new LinkedHashMap<>();
        if (pngDir != null) {
            folders.put(pngDir, new HashSet<>(Set.of(".png")));
        }
        if (svgDir != null) {
            boolean same = pngDir != null && pngDir.toAbsolutePath().normalize().equals(svgDir.toAbsolutePath().normalize());
            folders.computeIfAbsent(same ? pngDir : svgDir, k -> new HashSet<>()).add(".svg");
        }
        folders.keySet().forEach(dir -> AtomicFolders.checkReplaceable(dir, ReportCommand::isChart, CHARTS));
        ResultsFolder folder;
        try {
            folder = ResultsFolder.open(results, instances, schedulers, late, load, span);
        } catch (ChoiceException e) {
            // the values are checked against the folder's contents, but they are the command line's
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        HtmlReport report = HtmlReport.build(folder);
        String html = report.html();
        // each chart folder is written whole: no chart of an earlier report stays beside this one's,
        // and a failed or killed run leaves the earlier folder as it was
        folders.forEach((dir, kinds) -> writeCharts(report, dir, kinds));
        AtomicFiles.write(output, html);
        out.printf("wrote %s (%d charts)%n", output, report.charts().size());
        out.flush();
        return 0;
    }

    /** What a chart folder may hold to be replaced: the charts of an earlier report, of either kind. */
    private static final String CHARTS = "the chart files (*.png, *.svg) report writes";

    private static boolean isChart(String name) {
        return name.endsWith(".png") || name.endsWith(".svg");
    }

    /** Writes every chart as a file of each of {@code kinds} into {@code dir}, as one folder. */
    private static void writeCharts(HtmlReport report, Path dir, Set<String> kinds) {
        AtomicFolders.replaceOutputs(dir, ReportCommand::isChart, CHARTS, folder -> {
            for (HtmlReport.Chart c : report.charts()) {
                if (kinds.contains(".svg")) {
                    Files.writeString(folder.resolve(c.id() + ".svg"), c.svgDocument());
                }
                if (kinds.contains(".png")) {
                    try (OutputStream o = Files.newOutputStream(folder.resolve(c.id() + ".png"))) {
                        ChartUtils.writeChartAsPNG(o, c.chart(), c.width(), c.height());
                    }
                }
            }
        });
    }
}
