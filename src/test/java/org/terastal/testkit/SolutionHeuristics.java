package org.terastal.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.Model;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;

/**
 * A stand-in for the offline solver in tests: builds a {@link Solution} with the same shape and the
 * same intent (docs/offline.md), greedily instead of optimally.
 * <ol>
 *   <li>Enabled variants: the admissible set (every subset measured and at or above the floor) that
 *       removes the most fastest-engine time of originals.</li>
 *   <li>Homes: every layer starts on the engine where its original is fastest; then single-layer moves
 *       to another engine (as its variant when enabled, else original) are taken in order of cost
 *       ratio (latency after / before) while they lower the larger of the two engines' loads, which is
 *       what minimising max U_a does under skew, and keep the model's latency at home within its
 *       deadline (the budgets must fit).</li>
 *   <li>Budgets proportional to the latency at home, scaled so they sum to the model's deadline.</li>
 * </ol>
 */
public final class SolutionHeuristics {
    private SolutionHeuristics() {
    }

    /** A solution for the instance; {@code balance} false keeps every layer on its fastest engine (variants then only online). */
    public static Solution solve(Instance instance, LatencyTable table, boolean balance) {
        int accs = instance.platform().size();
        Map<String, Double> rate = new LinkedHashMap<>();
        for (Task t : instance.tasks()) {
            double fps = t.dependency() == null ? t.fps()
                    : instance.tasks().stream().filter(p -> p.id().equals(t.dependency().parent())).findFirst().orElseThrow().fps()
                    * t.dependency().probability();
            rate.merge(t.model(), fps, Double::sum);
        }
        Map<String, List<String>> enabled = new LinkedHashMap<>();
        Map<String, int[]> homes = new LinkedHashMap<>();
        Map<String, Implementation[]> impls = new LinkedHashMap<>();
        double[] load = new double[accs];
        List<double[]> moves = new ArrayList<>(); // {ratio, modelIdx, layer, target, impl}
        for (int mi = 0; mi < instance.models().size(); mi++) {
            Model m = instance.models().get(mi);
            List<String> set = bestAdmissible(m, table, accs);
            enabled.put(m.id(), set);
            int n = m.layers().size();
            int[] home = new int[n];
            Implementation[] impl = new Implementation[n];
            double r = rate.getOrDefault(m.id(), 0.0);
            for (int l = 0; l < n; l++) {
                home[l] = fastest(table, m.id(), l, Implementation.ORIGINAL, accs);
                impl[l] = Implementation.ORIGINAL;
                long here = table.get(m.id(), l, Implementation.ORIGINAL, home[l]);
                load[home[l]] += r * here / 1e9;
                boolean variant = set.contains(m.layers().get(l).name());
                for (int a = 0; a < accs; a++) {
                    if (a == home[l]) {
                        continue;
                    }
                    Implementation use = variant ? Implementation.VARIANT : Implementation.ORIGINAL;
                    long there = table.get(m.id(), l, use, a);
                    moves.add(new double[] {(double) there / here, mi, l, a, use.ordinal()});
                }
            }
            homes.put(m.id(), home);
            impls.put(m.id(), impl);
        }
        if (balance) {
            Map<String, Long> chain = new LinkedHashMap<>();
            for (Model m : instance.models()) {
                long total = 0;
                for (int l = 0; l < m.layers().size(); l++) {
                    total += table.get(m.id(), l, impls.get(m.id())[l], homes.get(m.id())[l]);
                }
                chain.put(m.id(), total);
            }
            moves.sort((x, y) -> Double.compare(x[0], y[0]));
            for (double[] mv : moves) {
                Model m = instance.models().get((int) mv[1]);
                int l = (int) mv[2];
                int to = (int) mv[3];
                Implementation use = Implementation.values()[(int) mv[4]];
                int[] home = homes.get(m.id());
                int from = home[l];
                double r = rate.getOrDefault(m.id(), 0.0);
                long before = table.get(m.id(), l, impls.get(m.id())[l], from);
                long after = table.get(m.id(), l, use, to);
                double out = r * before / 1e9;
                double in = r * after / 1e9;
                // the budgets must still fit the deadline: Σ latency at home ≤ D
                boolean fits = chain.get(m.id()) - before + after <= deadline(instance, m.id());
                if (fits && Math.max(load[from] - out, load[to] + in) < Math.max(load[from], load[to])) {
                    load[from] -= out;
                    load[to] += in;
                    home[l] = to;
                    impls.get(m.id())[l] = use;
                    chain.put(m.id(), chain.get(m.id()) - before + after);
                }
            }
        }
        List<ModelPlan> plans = new ArrayList<>();
        for (Model m : instance.models()) {
            long deadline = deadline(instance, m.id());
            int[] home = homes.get(m.id());
            Implementation[] impl = impls.get(m.id());
            long total = 0;
            long[] lat = new long[home.length];
            for (int l = 0; l < home.length; l++) {
                lat[l] = table.get(m.id(), l, impl[l], home[l]);
                total += lat[l];
            }
            List<LayerPlan> layers = new ArrayList<>();
            long offset = 0;
            long used = 0;
            for (int l = 0; l < home.length; l++) {
                used += lat[l];
                long next = Math.round((double) deadline * used / total);
                long budget = next - offset;
                offset = next;
                boolean flexible = false;
                for (int a = 0; a < accs; a++) {
                    if (a != home[l] && Math.min(table.get(m.id(), l, Implementation.ORIGINAL, a),
                            enabled.get(m.id()).contains(m.layers().get(l).name()) ? table.get(m.id(), l, Implementation.VARIANT, a)
                                    : Long.MAX_VALUE) <= budget) {
                        flexible = true;
                    }
                }
                boolean variantAllowed = enabled.get(m.id()).contains(m.layers().get(l).name());
                layers.add(new LayerPlan(m.layers().get(l).name(), instance.platform().accelerators().get(home[l]).id(), impl[l], budget,
                        offset, flexible, latencies(instance, table, m.id(), l, Implementation.ORIGINAL),
                        variantAllowed ? latencies(instance, table, m.id(), l, Implementation.VARIANT) : Map.of()));
            }
            plans.add(new ModelPlan(m.id(), enabled.get(m.id()), worst(m, enabled.get(m.id())), layers));
        }
        return new Solution(instance.name(), InstanceFiles.checksum(instance), SolveStatus.FEASIBLE, "test-heuristic", balance ? "greedy-balance" : "fastest-home",
                Map.of(), Map.of(), 0, 0, Map.of(), plans);
    }

    /** The shortest relative deadline of the tasks running a model (1 s for a model no task runs). */
    private static long deadline(Instance instance, String model) {
        return instance.tasks().stream().filter(t -> t.model().equals(model)).mapToLong(Task::effectiveDeadlineNs).min().orElse(1_000_000_000L);
    }

    private static int fastest(LatencyTable table, String model, int l, Implementation impl, int accs) {
        int best = 0;
        for (int a = 1; a < accs; a++) {
            if (table.get(model, l, impl, a) < table.get(model, l, impl, best)) {
                best = a;
            }
        }
        return best;
    }

    /** The admissible candidate set with the most fastest-engine time of its originals. */
    static List<String> bestAdmissible(Model m, LatencyTable table, int accs) {
        List<String> cands = m.candidates().stream().map(c -> c.layer()).toList();
        List<String> best = List.of();
        long bestWork = 0;
        for (int mask = 1; mask < (1 << cands.size()); mask++) {
            List<String> set = new ArrayList<>();
            long work = 0;
            for (int i = 0; i < cands.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(cands.get(i));
                    int l = m.layerIndex(cands.get(i));
                    work += table.get(m.id(), l, Implementation.ORIGINAL, fastest(table, m.id(), l, Implementation.ORIGINAL, accs));
                }
            }
            if (work > bestWork && worst(m, set) >= m.accuracyFloor()) {
                best = set;
                bestWork = work;
            }
        }
        return best;
    }

    /** Lowest normalised accuracy over the subsets of a set; -1 when one is unmeasured. */
    static double worst(Model m, List<String> set) {
        double worst = 1;
        for (int mask = 1; mask < (1 << set.size()); mask++) {
            Set<String> sub = new HashSet<>();
            for (int i = 0; i < set.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    sub.add(set.get(i));
                }
            }
            OptionalDouble a = m.normalisedAccuracy(sub);
            if (a.isEmpty()) {
                return -1;
            }
            worst = Math.min(worst, a.getAsDouble());
        }
        return worst;
    }

    /** Latency of one implementation of a layer on every accelerator, as solution files list them. */
    private static Map<String, Long> latencies(Instance instance, LatencyTable table, String model, int layer, Implementation impl) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int a = 0; a < instance.platform().size(); a++) {
            out.put(instance.platform().accelerators().get(a).id(), table.get(model, layer, impl, a));
        }
        return out;
    }
}
