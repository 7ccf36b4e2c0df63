package org.terastal.costmodel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.io.InputException;
import org.terastal.io.csv.CsvRows;

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

    /** The CSV format read by {@link #read}. */
    private static final CsvRows.Format FORMAT = CsvRows.Format.atLeast(COLUMNS,
            Arrays.stream(Dataflow.values()).map(Calibration::cyclesColumn).toList()).withComments();

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
     * Reads samples from a CSV file: a header naming at least the {@link #COLUMNS} and one or more of
     * {@code ws_cycles}, {@code os_cycles}, {@code rs_cycles}, in any order, then one row per layer and
     * engine. Y and X are the input size without padding, as in {@link Layer}. Fields may be quoted;
     * blank lines and lines starting with {@code #} are skipped; other columns are ignored.
     *
     * @throws InputException naming the file, line and column of the first bad value
     */
    public static List<Sample> read(Path file) {
        List<Sample> samples = new ArrayList<>();
        CsvRows.read(file, FORMAT, row -> samples.add(sample(row)));
        return samples;
    }

    /** As {@link #read(Path)}, from text; {@code source} stands for the file in messages. */
    public static List<Sample> parse(String source, String text) {
        return CsvRows.parse(source, text, FORMAT).stream().map(Calibration::sample).toList();
    }

    private static Sample sample(CsvRows.Row row) {
        String typeName = row.get("type");
        LayerType type;
        try {
            type = LayerType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw row.error("type", "is unknown; maybe CONV, DSCONV or FC");
        }
        int[] dims = new int[LAYER_DIMS.size()];
        for (int d = 0; d < dims.length; d++) {
            dims[d] = integer(row, LAYER_DIMS.get(d));
        }
        Layer layer;
        try {
            layer = new Layer(row.get("layer"), type, dims[0], dims[1], dims[2], dims[3], dims[4], dims[5], dims[6], dims[7], dims[8]);
        } catch (IllegalArgumentException e) {
            throw row.errorAt("layer", "The layer is invalid: " + e.getMessage());
        }
        Map<Dataflow, Long> cycles = new EnumMap<>(Dataflow.class);
        for (Dataflow dataflow : Dataflow.values()) {
            if (row.has(cyclesColumn(dataflow))) {
                cycles.put(dataflow, number(row, cyclesColumn(dataflow)));
            }
        }
        try {
            return new Sample(row.get("model"), layer, integer(row, "num_pes"), integer(row, "noc_bw"), cycles);
        } catch (IllegalArgumentException e) {
            throw row.rowError(e.getMessage());
        }
    }

    private static String cyclesColumn(Dataflow dataflow) {
        return dataflow.name().toLowerCase(Locale.ROOT) + "_cycles";
    }

    private static int integer(CsvRows.Row row, String column) {
        long value = number(row, column);
        if (value != (int) value) {
            throw row.error(column, "is out of range; maybe a shifted column");
        }
        return (int) value;
    }

    private static long number(CsvRows.Row row, String column) {
        try {
            return Long.parseLong(row.get(column));
        } catch (NumberFormatException e) {
            throw row.error(column, "is not an integer; maybe a shifted column");
        }
    }
}
