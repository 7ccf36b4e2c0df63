package org.terastal.report;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.terastal.domain.Decimals;
import org.terastal.evaluation.SuiteStatistics;
import org.terastal.io.results.TraceCsv;
import org.terastal.io.results.TraceFiles;
import org.terastal.io.results.TraceFiles.ResponseQuantile;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;

/**
 * The HTML report of an experiment's results folder: one self-contained page (inline SVG, inline CSS, no
 * script, no external reference) with, per scenario, the miss-rate-versus-load curves, the per-model miss
 * rates, the accelerator utilisation and the accuracy loss at one load, the response-time CDF of every
 * model and a Gantt chart of every scheduler; and, for a sweep over suites, per suite and late-frame policy, the
 * mean and worst-model miss rates versus load with their confidence bands, the schedulability ratio, tables of
 * these numbers, the figures over the load range and the wins, ties and losses of the method against every
 * baseline. Chart ids are documented in docs/report.md.
 */
public final class HtmlReport {
    /**
     * One chart of the report.
     *
     * @param id      id of its {@code <svg>} element and name of its exported files
     * @param section scenario it belongs to, or the anchor of its suite section ({@code suite-<suite>-<late>})
     * @param chart   the chart
     * @param width   width in pixels
     * @param height  height in pixels
     */
    public record Chart(String id, String section, JFreeChart chart, int width, int height) {
        /** The chart as an {@code <svg>} element with its id. */
        public String svgElement() {
            return graphics().getSVGElement(id);
        }

        /** The chart as a standalone SVG document. */
        public String svgDocument() {
            return graphics().getSVGDocument();
        }

        private SVGGraphics2D graphics() {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            // clip-path and gradient ids must not clash between the charts of one page
            g.setDefsKeyPrefix(id + "-");
            chart.draw(g, new Rectangle(width, height));
            return g;
        }
    }

    private static final Map<String, String> CAPTIONS = Map.of(
            "Miss rates, utilisation, accuracy", "Means over seeds of the experiment's metrics. The accuracy loss of a frame is "
                    + "1 - accuracy of the variants it ran / baseline accuracy, averaged over completed frames.",
            "Response-time CDFs", "Time from release to completion of every frame released in the traced run. A dropped frame never "
                    + "finishes, so a curve that ends below 1 leaves out the dropped fraction.",
            "Gantt charts", "The layers that ran in the window, one row per accelerator, coloured by model; a black mark over a layer: "
                    + "it ran as its variant.");

    private final ResultsFolder folder;
    private final ResultsData data;
    private final Selection selection;
    private final SuiteResults suites;
    private final SuiteSelection suiteSelection;
    private final List<Chart> charts = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    /** Anchor of each suite section (suite and late-frame policy) to the section, in page order. */
    private final Map<String, SuiteSection> suiteSections = new LinkedHashMap<>();

    /** A section of the suite part: one suite under one late-frame policy, its anchor and its charts. */
    private record SuiteSection(String suite, LatePolicy late, String anchor, List<Map.Entry<Chart, SuiteChart>> charts) {
    }

    private HtmlReport(ResultsFolder folder) {
        this.folder = folder;
        this.data = folder.scenarios();
        this.selection = folder.selection();
        this.suites = folder.suites();
        this.suiteSelection = folder.suiteSelection();
    }

    /** Builds every chart of the report of a folder's scenario part (reading the traced runs' files); writes nothing. */
    public static HtmlReport build(ResultsData data, Selection selection) {
        return build(new ResultsFolder(data.dir(), data, selection, null, null));
    }

    /** Builds every chart of the report of the parts of a folder (suites first, then scenarios); writes nothing. */
    public static HtmlReport build(ResultsFolder folder) {
        HtmlReport report = new HtmlReport(folder);
        if (folder.suites() != null) {
            for (String suite : folder.suiteSelection().suites()) {
                for (LatePolicy late : folder.suiteSelection().lates()) {
                    if (folder.suites().lates(suite).contains(late)) {
                        report.addSuite(suite, late);
                    }
                }
            }
        }
        if (folder.scenarios() != null) {
            folder.selection().scenarios().forEach(report::addScenario);
        }
        return report;
    }

    /** The charts in page order. */
    public List<Chart> charts() {
        return List.copyOf(charts);
    }

    /** A fragment of an id: lower case, runs of other characters than letters and digits as one dash. */
    public static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private void addScenario(String scenario) {
        LatePolicy late = selection.late();
        double load = selection.load();
        List<String> schedulers = selection.schedulers();
        List<String> models = data.models(scenario);
        List<String> accelerators = data.accelerators(scenario);
        String at = String.format(Locale.ROOT, "%s at load %s, late frames %s, mean over seeds", scenario, number(load), late.label());
        add("miss-vs-load", scenario, null, Charts.missVersusLoad(data, scenario, schedulers, late), 760, 420);
        add("miss-per-model", scenario, null, Charts.bars(data, at + ": deadline-miss rate per model", "deadline-miss rate", schedulers, models, 1,
                table(schedulers, models, (s, m) -> data.mean(scenario, s, late, load, m, "miss_rate"))), 760, 420);
        add("utilisation", scenario, null, Charts.bars(data, at + ": accelerator utilisation", "utilisation (busy fraction)", schedulers,
                accelerators, 1, table(schedulers, accelerators, (s, a) -> data.acceleratorMean(scenario, s, late, load, a, "utilisation"))), 760, 380);
        add("accuracy-loss", scenario, null, Charts.bars(data, at + ": normalised accuracy loss per completed frame", "accuracy loss (%)",
                schedulers, models, 100, table(schedulers, models, (s, m) -> data.mean(scenario, s, late, load, m, "accuracy_loss_mean"))),
                760, 420);
        Map<String, List<ResponseQuantile>> quantiles = new LinkedHashMap<>();
        Map<String, List<LayerRecord>> timelines = new LinkedHashMap<>();
        for (String s : schedulers) {
            TraceFiles.TracedRun run = data.tracedRun(scenario, s, late);
            quantiles.put(s, TraceFiles.readResponses(data.tracesIndex().resolveSibling(run.responses())));
            timelines.put(s, TraceCsv.readTimeline(data.tracesIndex().resolveSibling(run.timeline())));
        }
        String traced = String.format(Locale.ROOT, "seed %d, load %s, late frames %s; a dropped frame never finishes", selection.traceSeed(),
                number(selection.traceLoad()), late.label());
        for (String m : models) {
            add("cdf", scenario, m, Charts.responseCdf(data, scenario, m, schedulers, quantiles, traced), 560, 380);
        }
        String window = String.format(Locale.ROOT, "seed %d, load %s, late frames %s; %s to %s; black mark: layer ran as a variant",
                selection.traceSeed(), number(selection.traceLoad()), late.label(), Selection.ms(selection.windowFromNs()),
                Selection.ms(selection.windowToNs()));
        for (String s : schedulers) {
            add("gantt", scenario, s, Charts.gantt(scenario, s, accelerators, models, timelines.get(s), selection.windowFromNs(),
                    selection.windowToNs(), window), 1100, 150 + 55 * accelerators.size());
        }
    }

    private static Map<String, Map<String, Double>> table(List<String> rows, List<String> columns, BiFunction<String, String, Double> value) {
        Map<String, Map<String, Double>> t = new LinkedHashMap<>();
        for (String r : rows) {
            Map<String, Double> row = new LinkedHashMap<>();
            columns.forEach(c -> row.put(c, value.apply(r, c)));
            t.put(r, row);
        }
        return t;
    }

    private void add(String kind, String scenario, String item, JFreeChart chart, int width, int height) {
        String id = kind + "-" + slug(scenario) + (item == null ? "" : "-" + slug(item));
        charts.add(new Chart(unique(id), scenario, chart, width, height));
    }

    private String unique(String id) {
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + "-" + n;
        }
        return unique;
    }

    // ---- the suite part ----

    /**
     * A chart kind of a suite section.
     *
     * @param statistic the statistic drawn
     * @param kind      first part of the chart's id
     * @param heading   heading above the chart and caption of its table
     * @param title     chart title after the suite's name
     * @param axis      label of the value axis
     */
    private record SuiteChart(SuiteResults.Statistic statistic, String kind, String heading, String title, String axis) {
    }

    private static final List<SuiteChart> SUITE_CHARTS = List.of(
            new SuiteChart(SuiteResults.Statistic.MISS_RATE, "suite-miss-vs-load", "Mean per-model deadline-miss rate",
                    "mean per-model deadline-miss rate versus load", "deadline-miss rate"),
            new SuiteChart(SuiteResults.Statistic.WORST_MODEL, "suite-worst-vs-load", "Worst-model deadline-miss rate",
                    "worst-model deadline-miss rate versus load", "worst-model miss rate"),
            new SuiteChart(SuiteResults.Statistic.SCHEDULABILITY, "suite-schedulable-vs-load", "Schedulability ratio",
                    "schedulability ratio versus load", "fraction of sets with no miss"));

    private void addSuite(String suite, LatePolicy late) {
        SuiteSection section = new SuiteSection(suite, late, unique("suite-" + slug(suite) + "-" + slug(late.label())), new ArrayList<>());
        suiteSections.put(section.anchor(), section);
        String sets = setsText(suite, late);
        for (SuiteChart kind : SUITE_CHARTS) {
            String subtitle = kind.statistic() == SuiteResults.Statistic.SCHEDULABILITY
                    ? "fraction of the " + sets + " in which no frame missed its deadline; late frames " + late.label()
                    : String.format(Locale.ROOT, "mean over the %s, band: its %d%% bootstrap confidence interval; late frames %s", sets,
                    SuiteStatistics.LEVEL_PERCENT, late.label());
            JFreeChart chart = Charts.suiteVersusLoad(suites, suite, late, suiteSelection.schedulers(), kind.statistic(),
                    "Suite " + suite + ": " + kind.title(), kind.axis(), subtitle);
            Chart c = new Chart(unique(kind.kind() + "-" + slug(suite) + "-" + slug(late.label())), section.anchor(), chart, 760, 440);
            charts.add(c);
            section.charts().add(Map.entry(c, kind));
        }
    }

    private String setsText(String suite, LatePolicy late) {
        List<Integer> n = suites.sets(suite, late);
        if (n.isEmpty()) {
            return "sets";
        }
        return n.size() == 1 ? n.get(0) + (n.get(0) == 1 ? " task set" : " task sets")
                : n.get(0) + " to " + n.get(n.size() - 1) + " task sets";
    }

    private void suiteSection(StringBuilder sb, SuiteSection section) {
        String suite = section.suite();
        LatePolicy late = section.late();
        List<String> schedulers = suiteSelection.schedulers();
        List<String> ranges = suites.ranges(suite, late);
        sb.append("<section id=\"").append(section.anchor()).append("\">\n<h2>Suite ").append(escape(suite)).append(", late frames ")
                .append(late.label()).append("</h2>\n<p>").append(escape(setsText(suite, late))).append(". ")
                .append(String.format(Locale.ROOT, "Means over the task sets of each set's figures (seeds averaged), with %d%% "
                        + "percentile-bootstrap confidence intervals over the sets, drawn as translucent bands. A set's per-model "
                        + "miss rate is the mean over its models of (missed + dropped) / released frames; its worst-model miss rate "
                        + "is the largest of them.", SuiteStatistics.LEVEL_PERCENT));
        if (!ranges.isEmpty()) {
            sb.append(" Over a range of loads (").append(escape(String.join(", ", ranges)))
                    .append(") every set's figures are averaged over the range's loads first.");
        }
        sb.append("</p>\n");
        for (Map.Entry<Chart, SuiteChart> e : section.charts()) {
            sb.append("<h3>").append(e.getValue().heading()).append("</h3>\n<figure>").append(e.getKey().svgElement()).append("</figure>\n");
            statisticTable(sb, e.getKey().id() + "-table", suite, late, schedulers, e.getValue());
        }
        for (String range : ranges) {
            rangeTable(sb, suite, late, range, schedulers);
            comparisonTable(sb, suite, late, range, schedulers);
        }
        sb.append("</section>\n");
    }

    /** Rows: every load, then every range; columns: the schedulers; cells: mean [low, high]. */
    private void statisticTable(StringBuilder sb, String id, String suite, LatePolicy late, List<String> schedulers, SuiteChart kind) {
        SuiteResults.Statistic statistic = kind.statistic();
        boolean interval = statistic != SuiteResults.Statistic.SCHEDULABILITY;
        sb.append("<div class=\"scroll\"><table class=\"num\" id=\"").append(id).append("\">\n<caption>").append(kind.heading())
                .append(interval ? String.format(Locale.ROOT, " over the sets, mean [%d%% CI]", SuiteStatistics.LEVEL_PERCENT) : "")
                .append("</caption>\n<tr><th>load</th>");
        schedulers.forEach(s -> sb.append("<th>").append(escape(s)).append("</th>"));
        sb.append("</tr>\n");
        List<String> rows = new ArrayList<>();
        suites.loads(suite, late).forEach(l -> rows.add(number(l)));
        rows.addAll(suites.ranges(suite, late));
        for (String load : rows) {
            boolean range = SuiteResults.isRange(load);
            sb.append("<tr><th>").append(escape(load)).append(range ? "<br><small>mean over loads</small>" : "").append("</th>");
            for (String s : schedulers) {
                SuiteResults.Estimate e = suites.get(suite, late, load, s, statistic);
                // the interval under its mean keeps a table of many schedulers narrow
                sb.append("<td>").append(e == null || !e.hasMean() ? "&ndash;" : interval && e.hasInterval()
                        ? String.format(Locale.ROOT, "%.4f<br><small>[%.4f, %.4f]</small>", e.mean(), e.low(), e.high())
                        : String.format(Locale.ROOT, "%.3f", e.mean())).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");
    }

    /** Per scheduler over a range: miss rates, schedulability ratio, accuracy loss. */
    private void rangeTable(StringBuilder sb, String suite, LatePolicy late, String range, List<String> schedulers) {
        sb.append("<h3>Over the loads ").append(escape(range)).append("</h3>\n<div class=\"scroll\"><table class=\"num\" id=\"")
                .append("range-" + slug(suite) + "-" + slug(late.label()) + "-" + slug(range)).append("\">\n<caption>")
                .append(String.format(Locale.ROOT, "Per scheduler, means over the sets [%d%% CI]; accuracy loss: normalised accuracy "
                        + "loss per completed frame, over the sets in which a variant ran", SuiteStatistics.LEVEL_PERCENT))
                .append("</caption>\n<tr><th>scheduler</th><th>schedulability ratio</th><th>accuracy loss (%)</th>")
                .append("<th>mean per-model miss rate</th><th>worst-model miss rate</th></tr>\n");
        for (String s : schedulers) {
            SuiteResults.Estimate schedulable = suites.get(suite, late, range, s, SuiteResults.Statistic.SCHEDULABILITY);
            SuiteResults.Estimate loss = suites.get(suite, late, range, s, SuiteResults.Statistic.ACCURACY_LOSS);
            SuiteResults.Estimate miss = suites.get(suite, late, range, s, SuiteResults.Statistic.MISS_RATE);
            SuiteResults.Estimate worst = suites.get(suite, late, range, s, SuiteResults.Statistic.WORST_MODEL);
            sb.append("<tr><th>").append(escape(s)).append("</th><td>")
                    .append(schedulable == null ? "&ndash;" : String.format(Locale.ROOT, "%.3f", schedulable.mean())).append("</td><td>")
                    .append(loss == null ? "&ndash;" : !loss.hasMean() ? "n/a (no variant ran)" : loss.hasInterval()
                            ? String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", 100 * loss.mean(), 100 * loss.low(), 100 * loss.high())
                            : String.format(Locale.ROOT, "%.2f", 100 * loss.mean())).append("</td><td>")
                    .append(miss == null ? "&ndash;" : ci(miss)).append("</td><td>").append(worst == null ? "&ndash;" : ci(worst))
                    .append("</td></tr>\n");
        }
        sb.append("</table></div>\n");
    }

    /** Wins, ties and losses of the method against every shown baseline over a range: per set, and per (set, load) pair. */
    private void comparisonTable(StringBuilder sb, String suite, LatePolicy late, String range, List<String> schedulers) {
        List<SuiteResults.Comparison> shown = suites.comparisons(suite, late).stream()
                .filter(c -> (c.load().equals(range) || c.load().equals(SuiteResults.PAIRS + range)) && schedulers.contains(c.baseline()))
                .sorted(java.util.Comparator.comparingInt((SuiteResults.Comparison c) -> schedulers.indexOf(c.baseline()))
                        .thenComparing(c -> c.load().startsWith(SuiteResults.PAIRS)))
                .toList();
        List<String> methods = shown.stream().map(SuiteResults.Comparison::method).distinct().toList();
        sb.append("<h3>").append(escape(methods.isEmpty() ? "The method" : String.join(", ", methods)))
                .append(" against each baseline, loads ").append(escape(range)).append("</h3>\n");
        if (shown.isEmpty()) {
            sb.append("<p>").append(escape(suites.pairedFile().getFileName().toString()))
                    .append(" has no comparison over this range with the schedulers shown.</p>\n");
            return;
        }
        List<String> margins = shown.stream().map(c -> number(c.tieMargin())).distinct().toList();
        sb.append("<p>Per set, the difference method &minus; baseline in per-model miss rate: a <b>win</b> when it is below &minus;")
                .append(String.join(" (or ", margins)).append(margins.size() > 1 ? ")" : "")
                .append(" (the method misses less), a <b>tie</b> within the tie margin of &plusmn;").append(String.join(", ", margins))
                .append(", a <b>loss</b> above it. <i>sets</i>: each set's miss rates averaged over the loads of the range; "
                        + "<i>(set, load) pairs</i>: every set at every load of the range. <b>change</b> = mean(method) / mean(baseline) "
                        + "&minus; 1; <b>difference</b> = mean of method &minus; baseline; both with ")
                .append(SuiteStatistics.LEVEL_PERCENT).append("% paired bootstrap confidence intervals.</p>\n")
                .append("<div class=\"scroll\"><table class=\"num\" id=\"")
                .append("wtl-" + slug(suite) + "-" + slug(late.label()) + "-" + slug(range)).append("\">\n<caption>Tie margin ")
                .append(String.join(", ", margins)).append("</caption>\n")
                .append("<tr><th>method</th><th>baseline</th><th>over</th><th>n</th><th>wins</th><th>ties</th><th>losses</th>")
                .append("<th>change (%)</th><th>difference</th></tr>\n");
        for (SuiteResults.Comparison c : shown) {
            boolean pairs = c.load().startsWith(SuiteResults.PAIRS);
            SuiteResults.Estimate change = c.change();
            SuiteResults.Estimate d = c.difference();
            sb.append("<tr><th>").append(escape(c.method())).append("</th><th>").append(escape(c.baseline())).append("</th><td>")
                    .append(pairs ? "(set, load) pairs" : "sets").append("</td><td>").append(c.n()).append("</td><td>").append(c.wins())
                    .append("</td><td>").append(c.ties()).append("</td><td>").append(c.losses()).append("</td><td>")
                    .append(change.hasMean() ? String.format(Locale.ROOT, "%+.1f [%+.1f, %+.1f]", 100 * change.mean(), 100 * change.low(),
                            100 * change.high()) : "n/a (baseline misses nothing)").append("</td><td>")
                    .append(String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", d.mean(), d.low(), d.high())).append("</td></tr>\n");
        }
        sb.append("</table></div>\n");
    }

    private static String ci(SuiteResults.Estimate e) {
        return e.hasInterval() ? String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", e.mean(), e.low(), e.high())
                : String.format(Locale.ROOT, "%.4f", e.mean());
    }

    private static String number(double v) {
        return Decimals.plain(v);
    }

    /** The page. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>Terastal report: ").append(escape(displayName(folder.dir()))).append("</title>\n")
                .append("<style>\nbody{font-family:sans-serif;margin:1.5em;max-width:1150px;color:#222}\n")
                .append("h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}\n")
                .append("figure{margin:1em 0}\n.grid{display:flex;flex-wrap:wrap;gap:8px}\n")
                .append("svg{max-width:100%;height:auto}\nnav a{margin-right:1em}\ntable{border-collapse:collapse}\n")
                .append("td,th{padding:2px 8px;text-align:left}\n")
                .append(".scroll{overflow-x:auto;margin:.5em 0 1.5em}\ntable.num{font-size:85%}\ntable.num td,table.num th{padding:2px 5px}\n")
                .append("table.num td{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n")
                .append("table.num tr:nth-child(even){background:#f4f4f4}\ntable.num th{vertical-align:top}\n")
                .append("caption{text-align:left;font-style:italic;padding:2px 0}\n")
                .append("</style>\n</head>\n<body>\n");
        sb.append("<h1>Terastal experiment report</h1>\n<table>\n");
        row(sb, "results", displayName(folder.dir()));
        if (suites != null) {
            row(sb, "suite statistics", SuiteResults.STATS + ", " + SuiteResults.PAIRED + " (means over task sets, "
                    + SuiteStatistics.LEVEL_PERCENT + "% bootstrap confidence intervals)");
            row(sb, "late frames of the suites", String.join(", ", suiteSelection.lates().stream().map(LatePolicy::label).toList()));
        }
        if (data != null) {
            row(sb, "metrics", data.metricsFile().getFileName() + " (mean over seeds)");
            row(sb, "late frames", selection.late().label());
            row(sb, "load of the per-model, utilisation and accuracy charts", number(selection.load()));
            row(sb, "traced runs (CDFs, Gantt charts)", "seed " + selection.traceSeed() + ", load " + number(selection.traceLoad()));
            row(sb, "Gantt window", Selection.ms(selection.windowFromNs()) + " to " + Selection.ms(selection.windowToNs()));
        }
        sb.append("</table>\n<nav>");
        for (SuiteSection section : suiteSections.values()) {
            sb.append("<a href=\"#").append(section.anchor()).append("\">").append(escape(section.suite())).append(" (")
                    .append(section.late().label()).append(")</a>");
        }
        List<String> scenarios = data == null ? List.of() : selection.scenarios();
        for (String sc : scenarios) {
            sb.append("<a href=\"#").append(slug(sc)).append("\">").append(escape(sc)).append("</a>");
        }
        sb.append("</nav>\n");
        suiteSections.values().forEach(section -> suiteSection(sb, section));
        for (String sc : scenarios) {
            sb.append("<section id=\"").append(slug(sc)).append("\">\n<h2>").append(escape(sc)).append("</h2>\n");
            String open = null;
            for (Chart c : charts) {
                if (!c.section().equals(sc) || suiteSections.containsKey(c.section())) {
                    continue;
                }
                String kind = c.id().startsWith("cdf-") ? "Response-time CDFs" : c.id().startsWith("gantt-") ? "Gantt charts" : "Miss rates, utilisation, accuracy";
                if (!kind.equals(open)) {
                    if (open != null) {
                        sb.append("</div>\n");
                    }
                    sb.append("<h3>").append(kind).append("</h3>\n<p>").append(CAPTIONS.get(kind)).append("</p>\n<div class=\"grid\">\n");
                    open = kind;
                }
                sb.append("<figure>").append(c.svgElement()).append("</figure>\n");
            }
            if (open != null) {
                sb.append("</div>\n");
            }
            sb.append("</section>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    /** The folder as the page names it: as given when relative, by its name alone when absolute (the page names no place on a disk). */
    static String displayName(Path dir) {
        Path normal = dir.normalize();
        if (normal.isAbsolute() || normal.toString().isEmpty()) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            return name == null ? "results" : name.toString();
        }
        return normal.toString();
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
