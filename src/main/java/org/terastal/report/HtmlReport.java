package org.terastal.report;

import java.awt.Rectangle;
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
import org.terastal.sim.ExperimentTraces;
import org.terastal.sim.ExperimentTraces.ResponseQuantile;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;
import org.terastal.sim.TraceCsv;

/**
 * The HTML report of an experiment's results folder: one self-contained page (inline SVG, inline CSS, no
 * script, no external reference) with, per scenario, the miss-rate-versus-load curves, the per-model miss
 * rates, the accelerator utilisation and the accuracy loss at one load, the response-time CDF of every
 * model and a Gantt chart of every scheduler. Chart ids are documented in docs/report.md.
 */
public final class HtmlReport {
    /**
     * One chart of the report.
     *
     * @param id      id of its {@code <svg>} element and name of its exported files
     * @param section scenario it belongs to
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

    private final ResultsData data;
    private final Selection selection;
    private final List<Chart> charts = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private HtmlReport(ResultsData data, Selection selection) {
        this.data = data;
        this.selection = selection;
    }

    /** Builds every chart of the report (reading the traced runs' files); writes nothing. */
    public static HtmlReport build(ResultsData data, Selection selection) {
        HtmlReport report = new HtmlReport(data, selection);
        selection.scenarios().forEach(report::addScenario);
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
            ExperimentTraces.TracedRun run = data.tracedRun(scenario, s, late);
            quantiles.put(s, ExperimentTraces.readResponses(data.tracesIndex().resolveSibling(run.responses())));
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
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + "-" + n;
        }
        charts.add(new Chart(unique, scenario, chart, width, height));
    }

    private static String number(double v) {
        return org.terastal.sim.SimOutputs.num(v);
    }

    /** The page. */
    public String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>Terastal report: ").append(escape(data.dir().toString())).append("</title>\n")
                .append("<style>\nbody{font-family:sans-serif;margin:1.5em;max-width:1150px;color:#222}\n")
                .append("h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}\n")
                .append("figure{margin:1em 0}\n.grid{display:flex;flex-wrap:wrap;gap:8px}\n")
                .append("svg{max-width:100%;height:auto}\nnav a{margin-right:1em}\ntable{border-collapse:collapse}\n")
                .append("td,th{padding:2px 8px;text-align:left}\n</style>\n</head>\n<body>\n");
        sb.append("<h1>Terastal experiment report</h1>\n<table>\n");
        row(sb, "results", data.dir().toString());
        row(sb, "metrics", data.metricsFile().getFileName() + " (mean over seeds)");
        row(sb, "late frames", selection.late().label());
        row(sb, "load of the per-model, utilisation and accuracy charts", number(selection.load()));
        row(sb, "traced runs (CDFs, Gantt charts)", "seed " + selection.traceSeed() + ", load " + number(selection.traceLoad()));
        row(sb, "Gantt window", Selection.ms(selection.windowFromNs()) + " to " + Selection.ms(selection.windowToNs()));
        sb.append("</table>\n<nav>");
        for (String sc : selection.scenarios()) {
            sb.append("<a href=\"#").append(slug(sc)).append("\">").append(escape(sc)).append("</a>");
        }
        sb.append("</nav>\n");
        for (String sc : selection.scenarios()) {
            sb.append("<section id=\"").append(slug(sc)).append("\">\n<h2>").append(escape(sc)).append("</h2>\n");
            String open = null;
            for (Chart c : charts) {
                if (!c.section().equals(sc)) {
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

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
