package org.terastal.offline;

import java.util.Arrays;
import java.util.List;
import org.terastal.domain.Implementation;
import org.terastal.offline.OfflineProblem.LayerData;
import org.terastal.offline.OfflineProblem.ModelData;

/**
 * The load objective without a solver: a lower bound on the busiest accelerator's load, and a
 * plan close to it, both from one Lagrangian relaxation. Large instances need both: with
 * thousands of layers CP-SAT spends a minute on its root relaxation before it reports any plan.
 *
 * <p><b>Bound.</b> For weights λ_a ≥ 0 with Σ λ_a = 1 the busiest load is at least Σ_a λ_a·U_a.
 * Relaxing the deadlines, Σ_a λ_a·U_a separates by model: each layer takes its cheapest home and
 * implementation at price λ_a·load, and each model its cheapest admissible variant set (a layer
 * outside the set runs its original). Every λ gives a valid bound; projected supergradient ascent
 * over the simplex finds a strong one. With one or two accelerators it is never reported below the
 * {@link FluidBound} (which also lets every layer run its variant), whose maximum is exact there.
 *
 * <p><b>Plan.</b> At the best weights each model takes its cheapest admissible set and each layer
 * its cheapest option, with a price on time added per model (found by bisection) when that
 * breaks its deadline. Local search then moves layers off the busiest accelerator, the move
 * that adds the least work relative to what it removes first, as long as the busiest load drops
 * and every deadline still holds. The plan keeps each model's variant set; it satisfies every
 * constraint of the load objective except, possibly, the cap.
 */
final class LoadPlanner {
    private static final int MAX_ITERATIONS = 3000;
    /** Iterations without a better bound after which the ascent stops. */
    private static final int PATIENCE = 400;
    /** Moves per layer after which local search stops (it took 1.2-1.6 per layer on the generated 32×200×4). */
    private static final int MOVES_PER_LAYER = 20;

    /**
     * A plan for the load objective and a bound.
     *
     * @param boundPpm lower bound on the busiest load of any plan (ppm, rounded up)
     * @param loads    the plan's load per accelerator, ppm
     * @param sets     per model, index of its admissible variant set
     * @param homes    per model and layer, the home accelerator
     * @param variants per model and layer, whether it runs its variant
     */
    record Plan(long boundPpm, long[] loads, int[] sets, int[][] homes, boolean[][] variants) {
        long maxLoadPpm() {
            return Arrays.stream(loads).max().orElse(0);
        }
    }

    private final OfflineProblem p;
    private final int accs;
    private final List<ModelData> models;

    private LoadPlanner(OfflineProblem p) {
        this.p = p;
        this.accs = p.accelerators().size();
        this.models = p.models();
    }

    /** The bound only: 0.3-1 s on 6 400 layers. */
    static long bound(OfflineProblem p) {
        return new LoadPlanner(p).ascent().boundPpm;
    }

    /** A plan and the bound. */
    static Plan plan(OfflineProblem p) {
        LoadPlanner planner = new LoadPlanner(p);
        Ascent best = planner.ascent();
        return planner.round(best);
    }

    /** The best weights the ascent found, and the bound they give. */
    private record Ascent(double[] lambda, long boundPpm) {
    }

    private Ascent ascent() {
        // exact and cheap with one or two accelerators; with more, the ascent below dominates it
        double fluid = accs <= 2 ? FluidBound.of(OfflineFormulation.fastestLoads(p), accs) : 0;
        double[] lambda = new double[accs];
        Arrays.fill(lambda, 1.0 / accs);
        if (accs == 1) {
            return new Ascent(lambda, ceil(Math.max(fluid, dual(lambda, new double[1]))));
        }
        double best = -1;
        double[] bestLambda = lambda.clone();
        double[] grad = new double[accs];
        int since = 0;
        for (int it = 1; it <= MAX_ITERATIONS && since < PATIENCE; it++) {
            double value = dual(lambda, grad);
            if (value > best) {
                best = value;
                bestLambda = lambda.clone();
                since = 0;
            } else {
                since++;
            }
            if (!FluidBound.ascend(lambda, grad, it)) {
                break;
            }
        }
        return new Ascent(bestLambda, ceil(Math.max(fluid, best)));
    }

    /** Rounded up, less a margin far above floating-point error and far below one ppm. */
    private static long ceil(double bound) {
        return Math.max(0, (long) Math.ceil(bound - 1e-3));
    }

    /**
     * The relaxation's value at λ, and in {@code loads} the loads of the plan that attains it
     * (its supergradient).
     */
    private double dual(double[] lambda, double[] loads) {
        Arrays.fill(loads, 0);
        double value = 0;
        for (ModelData m : models) {
            Choice c = cheapest(m, lambda, 0);
            value += c.cost;
            for (int l = 0; l < m.layers().size(); l++) {
                loads[c.home[l]] += m.layers().get(l).load(c.impl(l), c.home[l]);
            }
        }
        return value;
    }

    /** One model's cheapest set and options at prices λ·load + μ·time (μ in price per time unit). */
    private final class Choice {
        final int set;
        final int[] home;
        final boolean[] variant;
        final double cost;
        final long timeNs;

        Choice(int set, int[] home, boolean[] variant, double cost, long timeNs) {
            this.set = set;
            this.home = home;
            this.variant = variant;
            this.cost = cost;
            this.timeNs = timeNs;
        }

        Implementation impl(int l) {
            return variant[l] ? Implementation.VARIANT : Implementation.ORIGINAL;
        }
    }

    private Choice cheapest(ModelData m, double[] lambda, double mu) {
        int n = m.layers().size();
        int[] homeO = new int[n];
        int[] homeV = new int[n];
        double[] costO = new double[n];
        double[] gain = new double[m.candidates().size()];
        int[] layerOf = new int[m.candidates().size()];
        double total = 0;
        for (int l = 0; l < n; l++) {
            LayerData layer = m.layers().get(l);
            homeO[l] = argmin(layer, Implementation.ORIGINAL, lambda, mu);
            costO[l] = price(layer, Implementation.ORIGINAL, homeO[l], lambda, mu);
            total += costO[l];
            if (layer.hasVariant()) {
                homeV[l] = argmin(layer, Implementation.VARIANT, lambda, mu);
                gain[layer.candidate()] = Math.max(0, costO[l] - price(layer, Implementation.VARIANT, homeV[l], lambda, mu));
                layerOf[layer.candidate()] = l;
            }
        }
        int bestSet = 0;
        double bestGain = -1;
        for (int s = 0; s < m.admissible().size(); s++) {
            double g = 0;
            for (String k : m.admissible().get(s).layers()) {
                g += gain[m.candidates().indexOf(k)];
            }
            if (g > bestGain) {
                bestGain = g;
                bestSet = s;
            }
        }
        int[] home = homeO.clone();
        boolean[] variant = new boolean[n];
        if (!m.admissible().isEmpty()) {
            for (String k : m.admissible().get(bestSet).layers()) {
                int c = m.candidates().indexOf(k);
                if (gain[c] > 0) {
                    variant[layerOf[c]] = true;
                    home[layerOf[c]] = homeV[layerOf[c]];
                }
            }
        }
        long time = 0;
        for (int l = 0; l < n; l++) {
            time += m.layers().get(l).latency(variant[l] ? Implementation.VARIANT : Implementation.ORIGINAL, home[l]);
        }
        return new Choice(bestSet, home, variant, total - Math.max(0, bestGain) - mu * m.deadlineNs(), time);
    }

    private int argmin(LayerData layer, Implementation impl, double[] lambda, double mu) {
        int best = 0;
        double min = Double.MAX_VALUE;
        for (int a = 0; a < accs; a++) {
            double v = price(layer, impl, a, lambda, mu);
            if (v < min) {
                min = v;
                best = a;
            }
        }
        return best;
    }

    private static double price(LayerData layer, Implementation impl, int a, double[] lambda, double mu) {
        return lambda[a] * layer.load(impl, a) + mu * layer.latency(impl, a);
    }

    /** The relaxation's plan at the best weights, within deadlines, balanced by local search. */
    private Plan round(Ascent best) {
        int mc = models.size();
        int[] sets = new int[mc];
        int[][] homes = new int[mc][];
        boolean[][] variants = new boolean[mc][];
        long[] slack = new long[mc];
        for (int mi = 0; mi < mc; mi++) {
            ModelData m = models.get(mi);
            Choice c = withinDeadline(m, best.lambda);
            sets[mi] = c.set;
            homes[mi] = c.home;
            variants[mi] = c.variant;
            slack[mi] = m.deadlineNs() - c.timeNs;
        }
        long[] loads = new long[accs];
        for (int mi = 0; mi < mc; mi++) {
            List<LayerData> layers = models.get(mi).layers();
            for (int l = 0; l < layers.size(); l++) {
                loads[homes[mi][l]] += layers.get(l).load(impl(variants[mi][l]), homes[mi][l]);
            }
        }
        balance(sets, homes, variants, slack, loads);
        canonical(homes, loads);
        return new Plan(best.boundPpm, loads, sets, homes, variants);
    }

    /**
     * The same plan in the formulation's canonical form, which breaks symmetries: interchangeable
     * accelerators by non-increasing load (relabelled), and interchangeable layers of a model with
     * homes in accelerator order (swapped; {@link OfflineFormulation#flexibleStart} then gives
     * the earlier of two with one home the larger budget, as the formulation requires).
     */
    private void canonical(int[][] homes, long[] loads) {
        int[] label = new int[accs];
        boolean[] placed = new boolean[accs];
        for (int a = 0; a < accs; a++) {
            if (placed[a]) {
                continue;
            }
            List<Integer> group = new java.util.ArrayList<>(List.of(a));
            for (int b = a + 1; b < accs; b++) {
                if (!placed[b] && OfflineFormulation.interchangeable(p, a, b)) {
                    group.add(b);
                }
            }
            List<Integer> byLoad = group.stream().sorted((x, y) -> Long.compare(loads[y], loads[x])).toList();
            for (int i = 0; i < group.size(); i++) {
                label[byLoad.get(i)] = group.get(i);
                placed[group.get(i)] = true;
            }
        }
        long[] old = loads.clone();
        for (int a = 0; a < accs; a++) {
            loads[label[a]] = old[a];
        }
        for (int mi = 0; mi < models.size(); mi++) {
            for (int l = 0; l < homes[mi].length; l++) {
                homes[mi][l] = label[homes[mi][l]];
            }
            int[] modelHomes = homes[mi];
            for (List<Integer> group : OfflineFormulation.interchangeableLayers(models.get(mi))) {
                int[] sorted = group.stream().mapToInt(l -> modelHomes[l]).sorted().toArray();
                for (int i = 0; i < sorted.length; i++) {
                    modelHomes[group.get(i)] = sorted[i];
                }
            }
        }
    }

    /** A plan as a full assignment of an encoding of the problem it was made for, with greedy budgets and migration. */
    static long[] assignment(Plan plan, OfflineFormulation.Encoding e) {
        return OfflineFormulation.flexibleStart(e, OfflineFormulation.placement(e, plan.sets(), plan.homes(), plan.variants()));
    }

    /**
     * The model's cheapest choice at λ, with the smallest price on time (bisection) that keeps it
     * within its deadline; the fastest choice if none does (the instance's diagnosis has then
     * already found the model too slow for its deadline).
     */
    private Choice withinDeadline(ModelData m, double[] lambda) {
        Choice c = cheapest(m, lambda, 0);
        if (c.timeNs <= m.deadlineNs()) {
            return c;
        }
        double hi = 1e-9;
        Choice fit = cheapest(m, lambda, hi);
        for (int i = 0; i < 80 && fit.timeNs > m.deadlineNs(); i++) {
            hi *= 4;
            fit = cheapest(m, lambda, hi);
        }
        double lo = 0;
        for (int i = 0; i < 50; i++) {
            double mid = (lo + hi) / 2;
            Choice at = cheapest(m, lambda, mid);
            if (at.timeNs <= m.deadlineNs()) {
                hi = mid;
                fit = at;
            } else {
                lo = mid;
            }
        }
        return fit;
    }

    private static Implementation impl(boolean variant) {
        return variant ? Implementation.VARIANT : Implementation.ORIGINAL;
    }

    /**
     * Moves layers off the busiest accelerator while that lowers it: among the moves (home and
     * implementation within the model's set) that leave both the source and the target below the
     * current maximum and keep the model's deadline, the one with the least load added per load
     * removed. The sorted vector of loads falls lexicographically at every move, so this ends.
     */
    private void balance(int[] sets, int[][] homes, boolean[][] variants, long[] slack, long[] loads) {
        int total = Arrays.stream(homes).mapToInt(h -> h.length).sum();
        int[] modelOf = new int[total];
        int[] layerOf = new int[total];
        boolean[] allowed = new boolean[total];
        // per accelerator the layers at home there, and each layer's position in its list
        int[][] on = new int[accs][total];
        int[] count = new int[accs];
        int[] position = new int[total];
        for (int mi = 0, g = 0; mi < models.size(); mi++) {
            ModelData m = models.get(mi);
            List<String> set = m.admissible().get(sets[mi]).layers();
            for (int l = 0; l < homes[mi].length; l++, g++) {
                modelOf[g] = mi;
                layerOf[g] = l;
                LayerData layer = m.layers().get(l);
                allowed[g] = layer.hasVariant() && set.contains(m.candidates().get(layer.candidate()));
                int a = homes[mi][l];
                position[g] = count[a];
                on[a][count[a]++] = g;
            }
        }
        for (int move = 0; move < MOVES_PER_LAYER * total; move++) {
            int busiest = 0;
            for (int a = 1; a < accs; a++) {
                if (loads[a] > loads[busiest]) {
                    busiest = a;
                }
            }
            long top = loads[busiest];
            double bestRatio = Double.MAX_VALUE;
            int best = -1;
            int bestTarget = -1;
            Implementation bestImpl = null;
            for (int i = 0; i < count[busiest]; i++) {
                int g = on[busiest][i];
                int mi = modelOf[g];
                LayerData layer = models.get(mi).layers().get(layerOf[g]);
                Implementation now = impl(variants[mi][layerOf[g]]);
                long removed = layer.load(now, busiest);
                if (removed == 0) {
                    continue;
                }
                long time = layer.latency(now, busiest);
                for (int a = 0; a < accs; a++) {
                    for (Implementation to : layer.implementations()) {
                        if (a == busiest && to == now || to == Implementation.VARIANT && !allowed[g]) {
                            continue;
                        }
                        long added = layer.load(to, a);
                        long after = a == busiest ? top - removed + added : Math.max(top - removed, loads[a] + added);
                        double ratio = added / (double) removed;
                        if (after < top && ratio < bestRatio && layer.latency(to, a) - time <= slack[mi]) {
                            bestRatio = ratio;
                            best = g;
                            bestTarget = a;
                            bestImpl = to;
                        }
                    }
                }
            }
            if (best < 0) {
                return;
            }
            int mi = modelOf[best];
            int l = layerOf[best];
            LayerData layer = models.get(mi).layers().get(l);
            Implementation now = impl(variants[mi][l]);
            loads[busiest] -= layer.load(now, busiest);
            loads[bestTarget] += layer.load(bestImpl, bestTarget);
            slack[mi] -= layer.latency(bestImpl, bestTarget) - layer.latency(now, busiest);
            variants[mi][l] = bestImpl == Implementation.VARIANT;
            if (bestTarget != busiest) {
                int last = on[busiest][--count[busiest]];
                on[busiest][position[best]] = last;
                position[last] = position[best];
                position[best] = count[bestTarget];
                on[bestTarget][count[bestTarget]++] = best;
                homes[mi][l] = bestTarget;
            }
        }
    }
}
