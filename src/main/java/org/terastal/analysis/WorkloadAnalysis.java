package org.terastal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Task;
import org.terastal.domain.VariantCandidate;

/**
 * What a workload asks of each accelerator, before any scheduling: per model its work on each
 * engine, which engine each layer prefers, the load it puts on each engine at its frame rate,
 * and for each variant candidate how much the variant closes the gap between engines.
 */
public final class WorkloadAnalysis {
    private WorkloadAnalysis() {
    }

    /**
     * One candidate layer: latency of the original and of the variant on each accelerator (ns).
     *
     * @param layer    candidate layer name
     * @param ratio    variant ratio r
     * @param original latency of the original on each accelerator
     * @param variant  latency of the variant on each accelerator
     */
    public record CandidateStats(String layer, int ratio, long[] original, long[] variant) {
        /** Slowest minus fastest engine, original implementation. */
        public long originalGapNs() {
            return max(original) - min(original);
        }

        /** Slowest minus fastest engine, variant implementation. */
        public long variantGapNs() {
            return max(variant) - min(variant);
        }
    }

    /**
     * One model as run by the scenario's tasks.
     *
     * @param model          model id
     * @param fps            summed frame rate of the tasks running it
     * @param layers         number of layers
     * @param macs           MACs of one inference
     * @param totalNs        latency of one inference with every layer on accelerator a
     * @param preferring     number of layers fastest on accelerator a (ties go to the first)
     * @param utilisation    load the model puts on accelerator a if it ran wholly there (fps · total)
     * @param candidates     the variant candidates
     */
    public record ModelStats(String model, double fps, int layers, long macs, long[] totalNs, int[] preferring,
                             double[] utilisation, List<CandidateStats> candidates) {
    }

    /**
     * The scenario as a whole.
     *
     * @param accelerators        accelerator ids
     * @param models              per-model figures
     * @param preferredLoad       load on each accelerator when every layer runs where it is fastest
     * @param balancedBound       lowest possible max-accelerator load when layers may be split between
     *                            engines at will, without variants (a fluid lower bound; NaN unless exactly
     *                            two accelerators)
     */
    public record ScenarioStats(List<String> accelerators, List<ModelStats> models, double[] preferredLoad,
                                double balancedBound) {
    }

    /** Analyses an instance under a latency table. */
    public static ScenarioStats analyse(Instance instance, LatencyTable table) {
        int accs = instance.platform().size();
        double[] preferred = new double[accs];
        List<ModelStats> models = new ArrayList<>();
        List<double[]> work = new ArrayList<>();
        for (Model model : instance.models()) {
            double fps = instance.tasks().stream().filter(t -> t.model().equals(model.id())).mapToDouble(Task::fps).sum();
            long[] total = new long[accs];
            int[] prefer = new int[accs];
            for (int l = 0; l < model.layers().size(); l++) {
                long[] lat = new long[accs];
                for (int a = 0; a < accs; a++) {
                    lat[a] = table.get(model.id(), l, Implementation.ORIGINAL, a);
                    total[a] += lat[a];
                }
                int best = argmin(lat);
                prefer[best]++;
                preferred[best] += fps * lat[best] / 1e9;
                double[] perSecond = new double[accs];
                for (int a = 0; a < accs; a++) {
                    perSecond[a] = fps * lat[a] / 1e9;
                }
                work.add(perSecond);
            }
            double[] util = new double[accs];
            for (int a = 0; a < accs; a++) {
                util[a] = fps * total[a] / 1e9;
            }
            List<CandidateStats> cands = new ArrayList<>();
            for (VariantCandidate c : model.candidates()) {
                int l = model.layerIndex(c.layer());
                long[] orig = new long[accs];
                long[] var = new long[accs];
                for (int a = 0; a < accs; a++) {
                    orig[a] = table.get(model.id(), l, Implementation.ORIGINAL, a);
                    var[a] = table.get(model.id(), l, Implementation.VARIANT, a);
                }
                cands.add(new CandidateStats(c.layer(), c.ratio(), orig, var));
            }
            models.add(new ModelStats(model.id(), fps, model.layers().size(), model.macs(), total, prefer, util, cands));
        }
        List<String> ids = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        return new ScenarioStats(ids, models, preferred, accs == 2 ? balancedBound(work) : Double.NaN);
    }

    /**
     * Min over fractional splits of max(U0, U1): move work to engine 1 in order of its relative cost
     * there until the two loads meet. Exact for two machines (the LP has this greedy optimum).
     */
    static double balancedBound(List<double[]> work) {
        List<double[]> sorted = new ArrayList<>(work);
        sorted.sort(Comparator.comparingDouble(w -> w[1] / w[0]));
        double u0 = sorted.stream().mapToDouble(w -> w[0]).sum();
        double u1 = 0;
        for (double[] w : sorted) {
            if (u0 <= u1) {
                break;
            }
            if (u0 - w[0] >= u1 + w[1]) {
                u0 -= w[0];
                u1 += w[1];
            } else {
                // split this layer: a fraction f moves, u0 - f·w0 = u1 + f·w1
                double f = (u0 - u1) / (w[0] + w[1]);
                return u0 - f * w[0];
            }
        }
        return Math.max(u0, u1);
    }

    private static int argmin(long[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }

    static long max(long[] v) {
        return Arrays.stream(v).max().orElse(0);
    }

    static long min(long[] v) {
        return Arrays.stream(v).min().orElse(0);
    }
}
