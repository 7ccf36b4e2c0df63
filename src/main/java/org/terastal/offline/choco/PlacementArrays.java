package org.terastal.offline.choco;

import java.util.ArrayList;
import java.util.List;
import org.chocosolver.solver.variables.IntVar;
import org.terastal.offline.ModelIr;

/**
 * The placements of a {@link ModelIr.LoadBalance} as arrays, per item and placement: position
 * among the propagator's variables (consecutive from {@code first}, item by item), resource, load,
 * time and switch in its chain (-1: none or not tracked).
 */
final class PlacementArrays {
    final int[][] var;
    final int[][] resource;
    final long[][] load;
    final long[][] time;
    final int[][] switchOf;
    /** The position after the last placement's. */
    final int end;
    /** The chains, their switches numbered from {@link #end}. */
    final ChainSets chains;

    PlacementArrays(ModelIr.LoadBalance balance, int first) {
        List<List<ModelIr.Placement>> items = balance.items();
        int n = items.size();
        chains = new ChainSets(balance, first + items.stream().mapToInt(List::size).sum());
        var = new int[n][];
        resource = new int[n][];
        load = new long[n][];
        time = new long[n][];
        switchOf = new int[n][];
        int next = first;
        for (int i = 0; i < n; i++) {
            List<ModelIr.Placement> item = items.get(i);
            int k = item.size();
            var[i] = new int[k];
            resource[i] = new int[k];
            load[i] = new long[k];
            time[i] = new long[k];
            switchOf[i] = new int[k];
            for (int p = 0; p < k; p++) {
                ModelIr.Placement placement = item.get(p);
                var[i][p] = next++;
                resource[i][p] = placement.resource();
                load[i][p] = placement.load();
                time[i][p] = placement.time();
                switchOf[i][p] = chains.switchOf(i, placement.requires());
            }
        }
        end = next;
    }

    /**
     * The variables a bound propagator watches, in the order it numbers them: {@code leading},
     * every placement's variable item by item, then every chain's tracked switches.
     */
    static List<IntVar> variables(ModelIr.LoadBalance balance, IntVar[] all, IntVar... leading) {
        List<IntVar> vs = new ArrayList<>(List.of(leading));
        for (List<ModelIr.Placement> item : balance.items()) {
            for (ModelIr.Placement p : item) {
                vs.add(all[p.var().index()]);
            }
        }
        ChainSets.addSwitches(balance, all, vs);
        return vs;
    }
}
