package org.terastal.offline.choco;

import java.util.Arrays;
import java.util.List;
import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.util.ESat;
import org.terastal.offline.ModelIr;

/**
 * Bounds the busiest resource's load from below by the fluid relaxation of what is left: placed
 * items count in full, each unplaced item at its cheapest remaining placement per resource, split
 * at will between resources. This is the linear relaxation Choco lacks; without it, depth-first
 * search cannot prove a balanced placement optimal. With two resources the relaxation is solved
 * exactly (its dual is a concave function of one variable, maximal at a breakpoint); with more,
 * the bound is the larger of the busiest placed load and the average total load.
 */
final class FluidBoundPropagator extends Propagator<IntVar> {
    private static final long serialVersionUID = 1L;
    private final int resources;
    /** Per item, per placement: index in {@link #vars} (max is 0), resource and load. */
    private final int[][] var;
    private final int[][] resource;
    private final long[][] load;

    FluidBoundPropagator(ModelIr.LoadBalance balance, IntVar[] all) {
        super(variables(balance, all), PropagatorPriority.LINEAR, false);
        this.resources = balance.resources();
        List<List<ModelIr.Placement>> items = balance.items();
        var = new int[items.size()][];
        resource = new int[items.size()][];
        load = new long[items.size()][];
        int next = 1;
        for (int i = 0; i < items.size(); i++) {
            List<ModelIr.Placement> item = items.get(i);
            var[i] = new int[item.size()];
            resource[i] = new int[item.size()];
            load[i] = new long[item.size()];
            for (int p = 0; p < item.size(); p++) {
                var[i][p] = next++;
                resource[i][p] = item.get(p).resource();
                load[i][p] = item.get(p).load();
            }
        }
    }

    private static IntVar[] variables(ModelIr.LoadBalance balance, IntVar[] all) {
        IntVar[] vs = new IntVar[1 + balance.items().stream().mapToInt(List::size).sum()];
        vs[0] = all[balance.max().index()];
        int next = 1;
        for (List<ModelIr.Placement> item : balance.items()) {
            for (ModelIr.Placement p : item) {
                vs[next++] = all[p.var().index()];
            }
        }
        return vs;
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        double[] fixed = new double[resources];
        int n = var.length;
        double[] w0 = new double[n];
        double[] w1 = new double[n];
        int free = 0;
        double freeMinSum = 0;
        double[] cheapest = new double[resources];
        for (int i = 0; i < n; i++) {
            Arrays.fill(cheapest, Double.POSITIVE_INFINITY);
            boolean placed = false;
            for (int p = 0; p < var[i].length && !placed; p++) {
                IntVar v = vars[var[i][p]];
                if (v.isInstantiatedTo(1)) {
                    fixed[resource[i][p]] += load[i][p];
                    placed = true;
                } else if (v.contains(1)) {
                    cheapest[resource[i][p]] = Math.min(cheapest[resource[i][p]], load[i][p]);
                }
            }
            if (placed) {
                continue;
            }
            int possible = 0;
            int only = -1;
            double min = Double.POSITIVE_INFINITY;
            for (int r = 0; r < resources; r++) {
                if (cheapest[r] < Double.POSITIVE_INFINITY) {
                    possible++;
                    only = r;
                    min = Math.min(min, cheapest[r]);
                }
            }
            if (possible == 0) {
                fails(); // no placement left: the one-hot constraint fails too, this only says it sooner
            } else if (possible == 1) {
                fixed[only] += cheapest[only];
            } else if (resources == 2) {
                w0[free] = cheapest[0];
                w1[free] = cheapest[1];
                free++;
            } else {
                freeMinSum += min;
            }
        }
        double bound = Arrays.stream(fixed).max().orElse(0);
        if (resources == 2) {
            bound = Math.max(bound, twoResources(fixed[0], fixed[1], w0, w1, free));
        } else {
            bound = Math.max(bound, (Arrays.stream(fixed).sum() + freeMinSum) / resources);
        }
        vars[0].updateLowerBound((int) Math.ceil(bound - 1e-6), this);
    }

    /** max over λ in [0,1] of λ·F0 + (1−λ)·F1 + Σ min(λ·w0, (1−λ)·w1): the exact fluid optimum. */
    private static double twoResources(double f0, double f1, double[] w0, double[] w1, int n) {
        Integer[] order = new Integer[n];
        double[] breaks = new double[n];
        double sumW0 = f0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            breaks[i] = w0[i] + w1[i] == 0 ? 0 : w1[i] / (w0[i] + w1[i]);
            sumW0 += w0[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(breaks[a], breaks[b]));
        double best = Math.max(f0, f1);
        double sumW1 = f1;
        for (int k = 0; k < n; k++) {
            double lambda = breaks[order[k]];
            best = Math.max(best, lambda * sumW0 + (1 - lambda) * sumW1);
            sumW0 -= w0[order[k]];
            sumW1 += w1[order[k]];
        }
        return best;
    }

    @Override
    public ESat isEntailed() {
        if (!isCompletelyInstantiated()) {
            return ESat.UNDEFINED;
        }
        long[] total = new long[resources];
        for (int i = 0; i < var.length; i++) {
            for (int p = 0; p < var[i].length; p++) {
                if (vars[var[i][p]].getValue() == 1) {
                    total[resource[i][p]] += load[i][p];
                }
            }
        }
        return ESat.eval(Arrays.stream(total).allMatch(t -> t <= vars[0].getValue()));
    }
}
