package org.terastal.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.terastal.domain.Implementation;
import org.terastal.io.results.TraceFiles.ResponseQuantile;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;

/**
 * The report's charts, built with JFreeChart from the experiment's files. Every scheduler keeps one
 * colour across charts, and every model one colour within a scenario.
 */
final class Charts {
    /** Series name of the marks on layers that ran as variants. */
    private static final String VARIANT = "variant";
    private static final double NS_PER_MS = 1e6;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
        new Color(0x5254a3), new Color(0x8c6d31)};
    private static final Color GRID = new Color(0xd0d0d0);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Dash patterns of the suite charts' lines after the first (solid) one, so that a line lying on another still shows. */
    private static final float[][] DASHES = {{7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}, {4f, 2f}};
    /** Opacity of the confidence bands of a chart, shared out among its lines so that many bands do not pile up into grey. */
    private static final float BANDS_ALPHA = 0.45f;

    private Charts() {
    }

    /** The colour of the i-th item of a fixed order (schedulers of the results, models of a scenario). */
    static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** Per-model deadline-miss rate (mean over models and seeds) versus load, one line per scheduler. */
    static JFreeChart missVersusLoad(ResultsData data, String scenario, List<String> schedulers, LatePolicy late) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String s : schedulers) {
            XYSeries series = new XYSeries(s);
            for (double load : data.loads()) {
                double v = data.meanOverModels(scenario, s, late, load, "miss_rate");
                if (!Double.isNaN(v)) {
                    series.add(load, v);
                }
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(scenario + ": deadline-miss rate versus load (late frames " + late.label() + ")",
                "load factor", "deadline-miss rate", dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle("per-model miss rate, mean over the scenario's models and the seeds", SUBTITLE_FONT));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        colourSeries(renderer, schedulers, data.schedulers());
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        return style(chart);
    }

    /**
     * A statistic of a suite versus load, one line per scheduler with a small hollow marker at every load, and its
     * confidence interval as a translucent band when the file gives one. Every scheduler has its own colour, dash
     * pattern and hollow marker shape (by its place among the file's schedulers), and the lines are drawn in that
     * order (the solid one first), so lines that coincide stay visible. Series are in the files' scheduler order.
     */
    static JFreeChart suiteVersusLoad(SuiteResults data, String suite, LatePolicy late, List<String> schedulers,
                                      SuiteResults.Statistic statistic, String title, String axis, String subtitle) {
        // in the files' order, drawn first to last: the solid line lies at the bottom, the dashed ones over it
        List<String> ordered = schedulers.stream().sorted(java.util.Comparator.comparingInt(s -> data.schedulers().indexOf(s))).toList();
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        double top = 0;
        for (String s : ordered) {
            YIntervalSeries series = new YIntervalSeries(s);
            for (double load : data.loads(suite, late)) {
                SuiteResults.Estimate e = data.get(suite, late, load, s, statistic);
                if (e != null && e.hasMean()) {
                    double low = e.hasInterval() ? e.low() : e.mean();
                    double high = e.hasInterval() ? e.high() : e.mean();
                    series.add(load, e.mean(), low, high);
                    top = Math.max(top, Math.max(high, e.mean()));
                }
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "load factor", axis, dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle(subtitle, SUBTITLE_FONT));
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(Math.min(0.15f, BANDS_ALPHA / Math.max(1, ordered.size())));
        renderer.setUseFillPaint(false);
        renderer.setUseOutlinePaint(false);
        Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
        AffineTransform small = AffineTransform.getScaleInstance(0.85, 0.85);
        for (int i = 0; i < ordered.size(); i++) {
            int k = Math.max(0, data.schedulers().indexOf(ordered.get(i)));
            Color c = colour(k);
            renderer.setSeriesPaint(i, c);
            renderer.setSeriesFillPaint(i, c);
            // the same pattern comes back every DASHES.length lines, shifted so that the two interleave
            renderer.setSeriesStroke(i, k == 0 ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASHES[(k - 1) % DASHES.length],
                    2.5f * ((k - 1) / DASHES.length)));
            renderer.setSeriesShape(i, small.createTransformedShape(shapes[k % shapes.length]));
            renderer.setSeriesShapesFilled(i, false);
        }
        plot.setRenderer(renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        if (top <= 0) {
            // an automatic range of all-zero values is a sliver around 0 labelled in 1E-9 steps
            y.setRange(0, 0.1);
        } else {
            y.setRange(0, Math.min(1.0, top) * 1.05);
        }
        return style(chart);
    }

    /** A grouped bar chart of one model (or accelerator) metric: categories along the axis, one bar per scheduler. */
    static JFreeChart bars(ResultsData data, String title, String axis, List<String> schedulers, List<String> categories, double scale,
                           Map<String, Map<String, Double>> values) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (String s : schedulers) {
            for (String c : categories) {
                Double v = values.get(s).get(c);
                dataset.addValue(v == null || Double.isNaN(v) ? null : v * scale, s, c);
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, dataset, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        for (int i = 0; i < schedulers.size(); i++) {
            renderer.setSeriesPaint(i, colour(data.schedulers().indexOf(schedulers.get(i))));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        boolean allZero = values.values().stream().flatMap(m -> m.values().stream()).allMatch(v -> v == null || Double.isNaN(v) || v <= 0);
        if (allZero) {
            // the automatic range of all-zero bars is a sliver around 0 labelled in 1E-9 steps
            ((NumberAxis) plot.getRangeAxis()).setRange(0, 0.1 * scale);
        }
        // model names such as mobilenetv2_ssd are long: let them take two lines and more than their bar group's width
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(1.3f);
        return style(chart);
    }

    /** Response-time CDF of one model, one line per scheduler, from the response quantiles of the traced runs. */
    static JFreeChart responseCdf(ResultsData data, String scenario, String model, List<String> schedulers,
                                  Map<String, List<ResponseQuantile>> quantiles, String subtitle) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (String s : schedulers) {
            XYSeries series = new XYSeries(s, false);
            quantiles.get(s).stream().filter(q -> q.model().equals(model)).forEach(q -> series.add(q.responseNs() / NS_PER_MS, q.quantile()));
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(scenario + " / " + model + ": response-time CDF", "response time (ms)",
                "fraction of released frames", dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle(subtitle, SUBTITLE_FONT));
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        colourSeries(renderer, schedulers, data.schedulers());
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1.02);
        return style(chart);
    }

    /**
     * A Gantt chart of a timeline window: one row per accelerator, one bar per layer coloured by model, a black
     * mark over the top edge of every layer that ran as a variant (variant layers are short, so the mark sticks out).
     */
    static JFreeChart gantt(String scenario, String scheduler, List<String> accelerators, List<String> models, List<LayerRecord> layers,
                            long fromNs, long toNs, String subtitle) {
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        XYIntervalSeries[] byModel = new XYIntervalSeries[models.size()];
        for (int m = 0; m < models.size(); m++) {
            byModel[m] = new XYIntervalSeries(models.get(m));
            dataset.addSeries(byModel[m]);
        }
        XYIntervalSeries variants = new XYIntervalSeries(VARIANT);
        dataset.addSeries(variants);
        for (LayerRecord l : layers) {
            int row = accelerators.indexOf(l.accelerator());
            int m = models.indexOf(l.model());
            if (row < 0 || m < 0 || l.endNs() <= fromNs || l.startNs() >= toNs) {
                continue;
            }
            double start = Math.max(l.startNs(), fromNs) / NS_PER_MS;
            double end = Math.min(l.endNs(), toNs) / NS_PER_MS;
            byModel[m].add(start, start, end, row, row - 0.35, row + 0.35);
            if (l.implementation() == Implementation.VARIANT) {
                variants.add(start, start, end, row, row + 0.2, row + 0.48);
            }
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.4f));
        for (int m = 0; m < models.size(); m++) {
            renderer.setSeriesPaint(m, colour(m));
        }
        renderer.setSeriesPaint(models.size(), Color.BLACK);
        NumberAxis time = new NumberAxis("simulated time (ms)");
        time.setRange(fromNs / NS_PER_MS, toNs / NS_PER_MS);
        time.setAutoRangeIncludesZero(false);
        time.setNumberFormatOverride(new java.text.DecimalFormat("0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        SymbolAxis rows = new SymbolAxis("accelerator", accelerators.toArray(new String[0]));
        rows.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(dataset, time, rows, renderer);
        JFreeChart chart = new JFreeChart(scenario + " / " + scheduler + ": layers on the accelerators", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        chart.addSubtitle(new TextTitle(subtitle, SUBTITLE_FONT));
        return style(chart);
    }

    private static void colourSeries(XYLineAndShapeRenderer renderer, List<String> shown, List<String> all) {
        for (int i = 0; i < shown.size(); i++) {
            Paint p = colour(all.indexOf(shown.get(i)));
            renderer.setSeriesPaint(i, p);
            renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        }
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(Color.WHITE);
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        }
        return chart;
    }
}
