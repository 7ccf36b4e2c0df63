package org.terastal.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.terastal.io.AtomicFolders;
import org.terastal.io.csv.CsvWriter;
import org.terastal.io.json.JsonFormats;
import org.terastal.io.json.JsonPrinter;

/**
 * The files a run writes, as one folder moved into place whole, byte-identical for the same instance,
 * scheduler and seed (no wall-clock figures inside). Times are integer ns; rates and losses are fractions in [0, 1].
 * <ul>
 *   <li>{@value #SUMMARY}: the run's settings, overall, per-model and per-accelerator metrics.</li>
 *   <li>{@value #METRICS}: the same metrics in tidy long form, header {@value #METRICS_HEADER}.</li>
 *   <li>{@value #FRAMES}: one row per released frame, header {@value #FRAMES_HEADER}; {@code start_ns}
 *       is empty when no layer ran, {@code finish_ns} is the completion time or, for a dropped frame,
 *       the time it was dropped; {@code parent_frame} is the parent task's frame index for a cascaded
 *       release, else empty; {@code variants} lists the layers that ran as variants, separated by
 *       {@code ;}.</li>
 *   <li>{@value #TIMELINE}: one row per executed layer, header {@value #TIMELINE_HEADER}, in order of
 *       completion; plot it as a Gantt chart.</li>
 * </ul>
 */
public final class SimOutputs {
    public static final String SUMMARY = "summary.json";
    public static final String METRICS = "metrics.csv";
    public static final String FRAMES = "frames.csv";
    public static final String TIMELINE = "timeline.csv";
    public static final String METRICS_HEADER = "instance,scheduler,seed,load,late,model,task,metric,value";
    public static final String FRAMES_HEADER = "task,model,frame,parent_frame,release_ns,start_ns,finish_ns,deadline_ns,status,variants";
    public static final String TIMELINE_HEADER = "accelerator,model,task,frame,layer,layer_index,implementation,start_ns,end_ns";
    /** The metrics of a model, task or the whole run in the tidy rows, in the order they are written. */
    public static final List<String> MODEL_METRICS = List.of("released", "on_time", "missed", "dropped", "miss_rate", "response_p50_ns",
            "response_p95_ns", "response_p99_ns", "response_max_ns", "tardiness_mean_ns", "tardiness_max_ns", "accuracy_loss_mean",
            "accuracy_loss_max");
    /** The metrics of an accelerator in the tidy rows, in the order they are written. */
    public static final List<String> ACCELERATOR_METRICS = List.of("utilisation", "busy_ns", "layers");
    /** What the model column of an accelerator's rows starts with. */
    public static final String ACCELERATOR_PREFIX = "accelerator:";
    /** Format tag of the summary JSON. */
    public static final String SUMMARY_FORMAT = JsonFormats.SIM_SUMMARY;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SimOutputs() {
    }

    /** The files a run writes ({@link #writeAll}); an output folder holding only these may be replaced. */
    public static final Set<String> FILES = Set.of(SUMMARY, METRICS, FRAMES, TIMELINE);
    private static final String WHAT = "the files simulate writes (" + String.join(", ", FILES.stream().sorted().toList()) + ")";

    /**
     * Checks, before a run, that {@link #writeAll} may write {@code dir}: absent, or holding only {@link #FILES}.
     *
     * @throws IllegalArgumentException naming the folder and a file it holds that is not one of them
     */
    public static void checkOutput(Path dir) {
        AtomicFolders.checkReplaceable(dir, FILES::contains, WHAT);
    }

    /**
     * Writes summary, metrics and (when recorded) the frames and timeline CSVs as the folder
     * {@code dir}, whole ({@link AtomicFolders#replaceOutputs}): it then holds this run's files and
     * no others, and a failed or killed write leaves an earlier run's folder as it was. A folder
     * holding files other than {@link #FILES} is refused.
     */
    public static void writeAll(SimResult result, Path dir) {
        AtomicFolders.replaceOutputs(dir, FILES::contains, WHAT, folder -> {
            Files.writeString(folder.resolve(SUMMARY), summaryJson(result));
            try (OutputStream out = Files.newOutputStream(folder.resolve(METRICS))) {
                CsvWriter.writeTo(writer(out), csv -> {
                    csv.header(METRICS_HEADER);
                    metricsRows(csv, result, result.instance());
                });
            }
            if (result.trace() != null) {
                try (OutputStream out = Files.newOutputStream(folder.resolve(FRAMES))) {
                    writeFrames(result.trace(), writer(out));
                }
                try (OutputStream out = Files.newOutputStream(folder.resolve(TIMELINE))) {
                    writeTimeline(result.trace(), writer(out));
                }
            }
        });
    }

    static Writer writer(java.io.OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The summary as canonical JSON. */
    public static String summaryJson(SimResult r) {
        ObjectNode root = NODES.objectNode();
        root.put("format", SUMMARY_FORMAT);
        root.put("instance", r.instance());
        root.put("scheduler", r.scheduler());
        root.put("seed", r.config().seed());
        root.put("load", r.config().load());
        root.put("late", r.config().late().label());
        root.put("horizonNs", r.config().horizonNs());
        root.put("latencySource", r.latencySource());
        root.put("endNs", r.endNs());
        root.put("dispatches", r.dispatches());
        root.set("overall", metricsNode(r.overall()));
        ArrayNode models = root.putArray("models");
        r.models().forEach(m -> models.add(metricsNode(m)));
        ArrayNode tasks = root.putArray("tasks");
        r.tasks().forEach(t -> tasks.add(NODES.objectNode().put("task", t.task()).setAll(metricsNode(t.metrics()))));
        ArrayNode accs = root.putArray("accelerators");
        for (AcceleratorMetrics a : r.accelerators()) {
            ObjectNode n = accs.addObject();
            n.put("accelerator", a.accelerator());
            n.put("busyNs", a.busyNs());
            n.put("utilisation", a.utilisation());
            n.put("layers", a.layers());
        }
        return JsonPrinter.print(root);
    }

    private static ObjectNode metricsNode(ModelMetrics m) {
        ObjectNode n = NODES.objectNode();
        n.put("model", m.model());
        n.put("released", m.released());
        n.put("onTime", m.onTime());
        n.put("missed", m.missed());
        n.put("dropped", m.dropped());
        n.put("missRate", m.missRate());
        n.put("responseP50Ns", m.responseP50Ns());
        n.put("responseP95Ns", m.responseP95Ns());
        n.put("responseP99Ns", m.responseP99Ns());
        n.put("responseMaxNs", m.responseMaxNs());
        n.put("tardinessMeanNs", m.tardinessMeanNs());
        n.put("tardinessMaxNs", m.tardinessMaxNs());
        putNumber(n, "accuracyLossMean", m.accuracyLossMean());
        putNumber(n, "accuracyLossMax", m.accuracyLossMax());
        return n;
    }

    private static void putNumber(ObjectNode n, String field, double v) {
        if (Double.isNaN(v)) {
            n.putNull(field);
        } else {
            n.put(field, v);
        }
    }

    /**
     * The tidy long rows (no header) of a run: one row per (group, metric), the group being the whole run
     * (model {@value ModelMetrics#OVERALL}), a model, a task (its model and task id), or an accelerator
     * (model {@code accelerator:<id>}); the task column is empty except in task rows.
     */
    public static String metricsRows(SimResult r) {
        return metricsRows(r, r.instance());
    }

    /** As {@link #metricsRows(SimResult)}, with {@code instance} in the instance column (an experiment's scenario name). */
    public static String metricsRows(SimResult r, String instance) {
        return CsvWriter.text(csv -> metricsRows(csv, r, instance));
    }

    private static void metricsRows(CsvWriter csv, SimResult r, String instance) {
        String[] run = {instance, r.scheduler(), Long.toString(r.config().seed()), num(r.config().load()), r.config().late().label()};
        appendModel(csv, run, r.overall(), "");
        r.models().forEach(m -> appendModel(csv, run, m, ""));
        r.tasks().forEach(t -> appendModel(csv, run, t.metrics(), t.task()));
        for (AcceleratorMetrics a : r.accelerators()) {
            String[] values = {num(a.utilisation()), Long.toString(a.busyNs()), Long.toString(a.layers())};
            for (int i = 0; i < values.length; i++) {
                row(csv, run, ACCELERATOR_PREFIX + a.accelerator(), "", ACCELERATOR_METRICS.get(i), values[i]);
            }
        }
    }

    private static void appendModel(CsvWriter csv, String[] run, ModelMetrics m, String task) {
        String[] values = {Long.toString(m.released()), Long.toString(m.onTime()), Long.toString(m.missed()), Long.toString(m.dropped()),
            num(m.missRate()), Long.toString(m.responseP50Ns()), Long.toString(m.responseP95Ns()), Long.toString(m.responseP99Ns()),
            Long.toString(m.responseMaxNs()), num(m.tardinessMeanNs()), Long.toString(m.tardinessMaxNs()), num(m.accuracyLossMean()),
            num(m.accuracyLossMax())};
        for (int i = 0; i < values.length; i++) {
            row(csv, run, m.model(), task, MODEL_METRICS.get(i), values[i]);
        }
    }

    /** One row: the run's five columns, then model, task, metric and value. */
    private static void row(CsvWriter csv, String[] run, String model, String task, String metric, String value) {
        csv.row(run[0], run[1], run[2], run[3], run[4], model, task, metric, value);
    }

    /** A number in plain decimal with at most 9 significant digits, the same on every platform; NaN stays NaN. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(9)).stripTrailingZeros().toPlainString();
    }

    /** Writes the per-frame CSV. */
    public static void writeFrames(Trace trace, Writer w) throws IOException {
        CsvWriter.writeTo(w, csv -> {
            csv.header(FRAMES_HEADER);
            for (int f = 0; f < trace.frameCount(); f++) {
                FrameRecord r = trace.frame(f);
                csv.row(r.task(), r.model(), Integer.toString(r.frame()), r.parentFrame() >= 0 ? Integer.toString(r.parentFrame()) : "",
                        Long.toString(r.releaseNs()), r.startNs() >= 0 ? Long.toString(r.startNs()) : "", Long.toString(r.finishNs()),
                        Long.toString(r.deadlineNs()), r.status().label(), String.join(";", r.variants()));
            }
        });
    }

    /** Writes the per-layer timeline CSV. */
    public static void writeTimeline(Trace trace, Writer w) throws IOException {
        writeTimeline(trace, w, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Writes the per-layer timeline CSV of the layers that overlap [fromNs, toNs) (layers are not cut). */
    public static void writeTimeline(Trace trace, Writer w, long fromNs, long toNs) throws IOException {
        CsvWriter.writeTo(w, csv -> {
            csv.header(TIMELINE_HEADER);
            for (int i = 0; i < trace.layerCount(); i++) {
                LayerRecord r = trace.layer(i);
                if (r.endNs() <= fromNs || r.startNs() >= toNs) {
                    continue;
                }
                csv.row(r.accelerator(), r.model(), r.task(), Integer.toString(r.frame()), r.layer(), Integer.toString(r.layerIndex()),
                        r.implementation().label(), Long.toString(r.startNs()), Long.toString(r.endNs()));
            }
        });
    }
}
