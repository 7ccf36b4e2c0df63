package org.terastal.io.results;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.terastal.io.AtomicFolders;
import org.terastal.io.csv.CsvWriter;
import org.terastal.io.json.JsonFormats;
import org.terastal.io.json.JsonPrinter;
import org.terastal.sim.AcceleratorMetrics;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.RunResult;
import org.terastal.sim.SimResult;

/**
 * The files a run writes, as one folder moved into place whole, byte-identical for the same instance,
 * scheduler and seed (no wall-clock figures inside). Times are integer ns; rates and losses are fractions in [0, 1].
 * <ul>
 *   <li>{@value #SUMMARY}: the run's settings, overall, per-model and per-accelerator metrics.</li>
 *   <li>{@value #METRICS}: the same metrics in tidy long form ({@link MetricsCsv}).</li>
 *   <li>{@value #FRAMES}: one row per released frame ({@link TraceCsv}).</li>
 *   <li>{@value #TIMELINE}: one row per executed layer, in order of completion ({@link TraceCsv}).</li>
 * </ul>
 */
public final class SimOutputs {
    public static final String SUMMARY = "summary.json";
    public static final String METRICS = "metrics.csv";
    public static final String FRAMES = "frames.csv";
    public static final String TIMELINE = "timeline.csv";
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
                    csv.header(MetricsCsv.HEADER);
                    MetricsCsv.write(csv, RunResult.of(result, result.instance()));
                });
            }
            if (result.trace() != null) {
                try (OutputStream out = Files.newOutputStream(folder.resolve(FRAMES))) {
                    TraceCsv.writeFrames(result.trace(), writer(out));
                }
                try (OutputStream out = Files.newOutputStream(folder.resolve(TIMELINE))) {
                    TraceCsv.writeTimeline(result.trace(), writer(out));
                }
            }
        });
    }

    /** A buffered UTF-8 writer onto a file's stream. */
    public static Writer writer(OutputStream out) {
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
}
