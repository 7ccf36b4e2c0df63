package org.terastal.offline.choco;

import java.util.List;
import java.util.Map;
import org.chocosolver.solver.search.strategy.decision.Decision;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.variables.IntVar;
import org.terastal.offline.ModelIr;

/**
 * Decides the placements of a {@link ModelIr.LoadBalance} the way longest-processing-time list
 * scheduling would: the unplaced item whose cheapest remaining placement is the heaviest goes
 * first, to the placement the hint names when still possible, else the one the load bound's
 * relaxation chose at this node, else the one that leaves its resource least loaded. The
 * refutation excludes that placement, so the search stays complete.
 */
final class BalancingStrategy extends AbstractStrategy<IntVar> {
    private final int resources;
    private final IntVar[][] placement;
    private final int[][] resource;
    private final long[][] load;
    private final Map<IntVar, Integer> hinted;
    private final LoadBoundPropagator bound;
    /** Per item, the index of its first placement in the flattened order {@link LoadBoundPropagator#preferred} uses. */
    private final int[] first;

    BalancingStrategy(ModelIr.LoadBalance balance, IntVar[] all, Map<IntVar, Integer> hinted, LoadBoundPropagator bound) {
        super(balance.items().stream().flatMap(List::stream).map(p -> all[p.var().index()]).toArray(IntVar[]::new));
        this.resources = balance.resources();
        this.hinted = hinted;
        this.bound = bound;
        int n = balance.items().size();
        first = new int[n];
        placement = new IntVar[n][];
        resource = new int[n][];
        load = new long[n][];
        for (int i = 0; i < n; i++) {
            List<ModelIr.Placement> item = balance.items().get(i);
            placement[i] = item.stream().map(p -> all[p.var().index()]).toArray(IntVar[]::new);
            resource[i] = item.stream().mapToInt(ModelIr.Placement::resource).toArray();
            load[i] = item.stream().mapToLong(ModelIr.Placement::load).toArray();
            if (i + 1 < n) {
                first[i + 1] = first[i] + item.size();
            }
        }
    }

    @Override
    public Decision<IntVar> getDecision() {
        long[] placed = new long[resources];
        boolean[] open = new boolean[placement.length];
        for (int i = 0; i < placement.length; i++) {
            open[i] = true;
            for (int p = 0; p < placement[i].length; p++) {
                if (placement[i][p].isInstantiatedTo(1)) {
                    placed[resource[i][p]] += load[i][p];
                    open[i] = false;
                }
            }
        }
        int item = -1;
        long heaviest = -1;
        for (int i = 0; i < placement.length; i++) {
            if (!open[i]) {
                continue;
            }
            long cheapest = Long.MAX_VALUE;
            for (int p = 0; p < placement[i].length; p++) {
                if (!placement[i][p].isInstantiated()) {
                    cheapest = Math.min(cheapest, load[i][p]);
                }
            }
            if (cheapest != Long.MAX_VALUE && cheapest > heaviest) {
                heaviest = cheapest;
                item = i;
            }
        }
        if (item < 0) {
            return null;
        }
        int choice = -1;
        for (int p = 0; p < placement[item].length; p++) {
            IntVar v = placement[item][p];
            if (!v.isInstantiated() && Integer.valueOf(1).equals(hinted.get(v))) {
                choice = p;
            }
        }
        if (choice < 0 && bound != null) {
            int p = bound.preferred(item) - first[item];
            if (p >= 0 && p < placement[item].length && !placement[item][p].isInstantiated()) {
                choice = p;
            }
        }
        if (choice < 0) {
            long best = Long.MAX_VALUE;
            for (int p = 0; p < placement[item].length; p++) {
                long after = placed[resource[item][p]] + load[item][p];
                if (!placement[item][p].isInstantiated() && after < best) {
                    best = after;
                    choice = p;
                }
            }
        }
        return makeIntDecision(placement[item][choice], 1);
    }
}
