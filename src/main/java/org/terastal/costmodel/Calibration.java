package org.terastal.costmodel;

import java.io.BufferedReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;

/**
 * Agreement of a cost model with reference per-layer cycles (e.g. MAESTRO's): on which of WS and OS
 * each layer prefers, counted per layer and weighted by MACs, on the ranking of layer latencies per
 * dataflow (Spearman), and on the latencies themselves (median relative error).
 *
 * <p>Reference cycles are compared with the model's latency at a 1000 MHz clock, where one ns is one
 * cycle. A layer whose reference WS and OS cycles are equal has no preferred dataflow and agrees with
 * either answer; the model's own tie counts as WS.
 */
public final class Calibration {

    /** Column names of the CSV read by {@link #read}; cycle columns are optional, one per dataflow. */
    static final List<String> COLUMNS = List.of("model", "layer", "type", "N", "K", "C", "Y", "X", "R", "S", "stride", "pad",
            "num_pes", "noc_bw");

    /** The columns that hold a {@link Layer}'s dims, in the order of its constructor. */
    private static final List<String> LAYER_DIMS = List.of("N", "K", "C", "Y", "X", "R", "S", "stride", "pad");

    private Calibration() {
    }

    /**
     * One reference layer.
     *
     * @param model           model the layer belongs to
     * @param layer           the layer, with its real geometry
     * @param numPes          PEs of the reference engine
     * @param nocBandwidth    NoC bandwidth of the reference engine in words per cycle
     * @param referenceCycles reference cycles per dataflow, each positive
     */
    public record Sample(String model, Layer layer, int numPes, int nocBandwidth, Map<Dataflow, Long> referenceCycles) {
        public Sample {
            String where = "calibration sample '" + model + "/" + (layer == null ? "?" : layer.name()) + "'";
            if (layer == null) {
                throw new IllegalArgumentException("The layer of " + where + " is missing");
            }
            if (numPes <= 0 || nocBandwidth <= 0) {
                throw new IllegalArgumentException("The numPes (" + numPes + ") and nocBandwidth (" + nocBandwidth + ") of " + where
                        + " must be positive");
            }
            if (referenceCycles == null || referenceCycles.isEmpty()) {
                throw new IllegalArgumentException("The reference cycles of " + where + " are missing; give at least one dataflow");
            }
            referenceCycles = Collections.unmodifiableMap(new EnumMap<>(referenceCycles));
            referenceCycles.forEach((dataflow, cycles) -> {
                if (cycles == null || cycles <= 0) {
                    throw new IllegalArgumentException("The " + dataflow + " reference cycles (" + cycles + ") of " + where + " must be positive");
                }
            });
        }
    }

    /**
     * A layer whose preferred dataflow (WS or OS) differs between the reference and the model.
     *
     * @param sample   the reference layer
     * @param modelWs  model cycles on WS
     * @param modelOs  model cycles on OS
     */
    public record Disagreement(Sample sample, long modelWs, long modelOs) {
    }

    /**
     * The calibration figures.
     *
     * @param layers              number of samples
     * @param layerAgreement      fraction of layers whose preferred dataflow (WS or OS) agrees, NaN without both
     * @param macAgreement        the same weighted by the layers' MACs, NaN without both
     * @param spearman            Spearman rank correlation of per-layer latency, per dataflow present in every sample
     * @param medianRelativeError median of |model - reference| / reference, per dataflow present in every sample
     * @param disagreements       the layers whose preference disagrees, in sample order
     */
    public record Figures(int layers, double layerAgreement, double macAgreement, Map<Dataflow, Double> spearman,
                          Map<Dataflow, Double> medianRelativeError, List<Disagreement> disagreements) {

        /** A few lines for people: agreement, then per dataflow Spearman and median relative error. */
        public String report() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "%d layers: preferred dataflow (WS vs OS) agrees for %.1f%% of layers and %.1f%% of MACs (%d disagree)%n",
                    layers, 100 * layerAgreement, 100 * macAgreement, disagreements.size()));
            spearman.forEach((dataflow, rho) -> out.append(String.format(Locale.ROOT,
                    "  %s: Spearman %.3f, median relative error %.1f%%%n", dataflow, rho, 100 * medianRelativeError.get(dataflow))));
            return out.toString();
        }
    }

    /** Compares the model with every sample; see the class comment for the rules. */
    public static Figures evaluate(List<Sample> samples, CostModel model) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("The calibration samples are missing; give at least one layer");
        }
        Map<Dataflow, double[]> predicted = new EnumMap<>(Dataflow.class);
        Map<Dataflow, double[]> reference = new EnumMap<>(Dataflow.class);
        for (Dataflow dataflow : Dataflow.values()) {
            if (samples.stream().allMatch(s -> s.referenceCycles().containsKey(dataflow))) {
                predicted.put(dataflow, new double[samples.size()]);
                reference.put(dataflow, new double[samples.size()]);
            }
        }
        int compared = 0;
        int agreeing = 0;
        double macs = 0;
        double agreeingMacs = 0;
        List<Disagreement> disagreements = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            Map<Dataflow, Long> modelCycles = new EnumMap<>(Dataflow.class);
            for (Dataflow dataflow : sample.referenceCycles().keySet()) {
                modelCycles.put(dataflow, model.latencyNs(sample.layer(), engine(sample, dataflow)));
            }
            for (Dataflow dataflow : predicted.keySet()) {
                predicted.get(dataflow)[i] = modelCycles.get(dataflow);
                reference.get(dataflow)[i] = sample.referenceCycles().get(dataflow);
            }
            Long refWs = sample.referenceCycles().get(Dataflow.WS);
            Long refOs = sample.referenceCycles().get(Dataflow.OS);
            if (refWs == null || refOs == null) {
                continue;
            }
            long modelWs = modelCycles.get(Dataflow.WS);
            long modelOs = modelCycles.get(Dataflow.OS);
            boolean agrees = refWs.equals(refOs) || (refWs < refOs) == (modelWs <= modelOs);
            compared++;
            macs += sample.layer().macs();
            if (agrees) {
                agreeing++;
                agreeingMacs += sample.layer().macs();
            } else {
                disagreements.add(new Disagreement(sample, modelWs, modelOs));
            }
        }
        Map<Dataflow, Double> rho = new EnumMap<>(Dataflow.class);
        Map<Dataflow, Double> error = new EnumMap<>(Dataflow.class);
        for (Dataflow dataflow : predicted.keySet()) {
            double[] p = predicted.get(dataflow);
            double[] r = reference.get(dataflow);
            rho.put(dataflow, spearman(p, r));
            double[] relative = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                relative[i] = Math.abs(p[i] - r[i]) / r[i];
            }
            error.put(dataflow, median(relative));
        }
        return new Figures(samples.size(), compared == 0 ? Double.NaN : (double) agreeing / compared,
                compared == 0 ? Double.NaN : agreeingMacs / macs, Collections.unmodifiableMap(rho),
                Collections.unmodifiableMap(error), List.copyOf(disagreements));
    }

    /** The reference engine of a sample at 1000 MHz, so that one model ns is one reference cycle. */
    private static Accelerator engine(Sample sample, Dataflow dataflow) {
        // off-chip bandwidth and buffer sizes are not used by the built-in model; any valid value does
        return new Accelerator("reference-" + dataflow, dataflow, sample.numPes(), 1000.0, sample.nocBandwidth(),
                sample.nocBandwidth(), 0, 0);
    }

    /** Spearman rank correlation; tied values get their average rank. NaN when either side is constant. */
    static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("The two series (" + a.length + " and " + b.length + " values) must have the same length");
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double meanA = Arrays.stream(ra).average().orElse(Double.NaN);
        double meanB = Arrays.stream(rb).average().orElse(Double.NaN);
        double covariance = 0;
        double varianceA = 0;
        double varianceB = 0;
        for (int i = 0; i < ra.length; i++) {
            covariance += (ra[i] - meanA) * (rb[i] - meanB);
            varianceA += (ra[i] - meanA) * (ra[i] - meanA);
            varianceB += (rb[i] - meanB) * (rb[i] - meanB);
        }
        return covariance / Math.sqrt(varianceA * varianceB);
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
        double[] rank = new double[values.length];
        for (int start = 0; start < order.length; ) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double average = (start + end) / 2.0 + 1;
            for (int i = start; i <= end; i++) {
                rank[order[i]] = average;
            }
            start = end + 1;
        }
        return rank;
    }

    /** Median; the mean of the two middle values for an even count. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Reads samples from CSV: a header naming at least the {@link #COLUMNS} and one or more of
     * {@code ws_cycles}, {@code os_cycles}, {@code rs_cycles}, then one row per layer and engine.
     * Y and X are the input size without padding, as in {@link Layer}. Fields are plain (no quoting);
     * blank lines and lines starting with {@code #} are skipped; other columns are ignored.
     *
     * @param source name of the input used in error messages, e.g. the file name
     * @throws IllegalArgumentException naming the line and column of the first bad value
     */
    public static List<Sample> read(BufferedReader in, String source) {
        List<String> lines;
        try {
            lines = in.lines().toList();
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("The calibration file " + source + " cannot be read: " + e.getCause().getMessage(), e);
        }
        Map<String, Integer> column = null;
        Map<Dataflow, Integer> cycleColumn = new EnumMap<>(Dataflow.class);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            String where = "line " + (i + 1) + " of " + source;
            if (column == null) {
                column = header(fields, where, cycleColumn);
                continue;
            }
            if (fields.length < column.size()) {
                throw new IllegalArgumentException("The " + where + " has " + fields.length + " fields, the header " + column.size()
                        + "; maybe a comma inside a name");
            }
            samples.add(sample(fields, column, cycleColumn, where));
        }
        if (column == null) {
            throw new IllegalArgumentException("The calibration file " + source + " has no header; the first line must name the columns "
                    + COLUMNS + " and ws_cycles, os_cycles or rs_cycles");
        }
        return samples;
    }

    private static Map<String, Integer> header(String[] fields, String where, Map<Dataflow, Integer> cycleColumn) {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            column.put(fields[i].strip(), i);
        }
        for (String name : COLUMNS) {
            if (!column.containsKey(name)) {
                throw new IllegalArgumentException("The header on " + where + " has no column '" + name + "'; the columns "
                        + COLUMNS + " are required");
            }
        }
        for (Dataflow dataflow : Dataflow.values()) {
            Integer index = column.get(dataflow.name().toLowerCase(Locale.ROOT) + "_cycles");
            if (index != null) {
                cycleColumn.put(dataflow, index);
            }
        }
        if (cycleColumn.isEmpty()) {
            throw new IllegalArgumentException("The header on " + where + " has no cycle column; maybe ws_cycles, os_cycles or rs_cycles");
        }
        return column;
    }

    private static Sample sample(String[] fields, Map<String, Integer> column, Map<Dataflow, Integer> cycleColumn, String where) {
        String typeName = fields[column.get("type")].strip();
        LayerType type;
        try {
            type = LayerType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The type (" + typeName + ") of " + where + " is unknown; maybe CONV, DSCONV or FC", e);
        }
        String name = fields[column.get("layer")].strip();
        int[] dims = new int[LAYER_DIMS.size()];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = integer(fields, column, LAYER_DIMS.get(d), where);
        }
        Layer layer;
        try {
            layer = new Layer(name, type, dims[0], dims[1], dims[2], dims[3], dims[4], dims[5], dims[6], dims[7], dims[8]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The layer on " + where + " is invalid: " + e.getMessage(), e);
        }
        Map<Dataflow, Long> cycles = new EnumMap<>(Dataflow.class);
        cycleColumn.forEach((dataflow, index) ->
                cycles.put(dataflow, number(fields[index], dataflow.name().toLowerCase(Locale.ROOT) + "_cycles", where)));
        return new Sample(fields[column.get("model")].strip(), layer, integer(fields, column, "num_pes", where),
                integer(fields, column, "noc_bw", where), cycles);
    }

    private static int integer(String[] fields, Map<String, Integer> column, String name, String where) {
        long value = number(fields[column.get(name)], name, where);
        if (value != (int) value) {
            throw new IllegalArgumentException("The " + name + " (" + value + ") of " + where + " is out of range; maybe a shifted column");
        }
        return (int) value;
    }

    private static long number(String field, String name, String where) {
        String value = field.strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + name + " (" + value + ") of " + where + " is not an integer; maybe a shifted column", e);
        }
    }
}
