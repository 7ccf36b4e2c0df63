package org.terastal.offline.choco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.chocosolver.solver.variables.IntVar;
import org.terastal.offline.ModelIr;

/**
 * The chains of a {@link ModelIr.LoadBalance} as the bound propagators read them: per chain its
 * items, capacity, switches (positions in the propagator's variables) and allowed sets of switches
 * as bit masks, and which of those sets the switches' domains still allow. A chain with more
 * switches than a mask holds keeps its switches free, which relaxes it (every placement priced as
 * if its switch were on) and so keeps the bounds valid.
 */
final class ChainSets {
    private static final int MAX_SWITCHES = 63;
    /** Per item its chain or -1. */
    final int[] chainOf;
    final int[][] items;
    final long[] capacity;
    final int[][] switchVar;
    final long[][] allowed;
    final boolean[][] possible;
    /** The most switches of any chain; the position after the last switch. */
    final int widest;
    final int end;
    /** Scratch for the propagators' chain terms: per switch, the gain of turning it on in price and in time. */
    final double[] delta;
    final double[] deltaTime;
    /**
     * Per chain its multiplier: where the propagator's last call found its best bound (the next
     * call's start), in the evaluation under way, and at the current call's best.
     */
    final double[] mu;
    final double[] muAt;
    final double[] bestMu;
    private final List<List<ModelIr.Var>> tracked = new ArrayList<>();

    /** @param firstSwitch the position of the first chain's first switch among the propagator's variables */
    ChainSets(ModelIr.LoadBalance balance, int firstSwitch) {
        List<ModelIr.Chain> chains = balance.chains();
        chainOf = new int[balance.items().size()];
        Arrays.fill(chainOf, -1);
        items = new int[chains.size()][];
        capacity = new long[chains.size()];
        switchVar = new int[chains.size()][];
        allowed = new long[chains.size()][];
        possible = new boolean[chains.size()][];
        int next = firstSwitch;
        int most = 0;
        for (int c = 0; c < chains.size(); c++) {
            ModelIr.Chain chain = chains.get(c);
            items[c] = chain.items().stream().mapToInt(Integer::intValue).toArray();
            capacity[c] = chain.capacity();
            for (int i : items[c]) {
                chainOf[i] = c;
            }
            List<ModelIr.Var> switches = trackable(chain);
            tracked.add(switches);
            switchVar[c] = new int[switches.size()];
            for (int s = 0; s < switches.size(); s++) {
                switchVar[c][s] = next++;
            }
            most = Math.max(most, switches.size());
            allowed[c] = switches.isEmpty() ? new long[] {0}
                    : chain.allowed().stream().mapToLong(set -> set.stream().mapToLong(v -> 1L << switches.indexOf(v)).sum()).toArray();
            possible[c] = new boolean[allowed[c].length];
        }
        widest = most;
        end = next;
        delta = new double[most];
        deltaTime = new double[most];
        mu = new double[chains.size()];
        muAt = new double[chains.size()];
        bestMu = new double[chains.size()];
    }

    private static List<ModelIr.Var> trackable(ModelIr.Chain chain) {
        return chain.switches().size() <= MAX_SWITCHES ? chain.switches() : List.of();
    }

    /** Appends the tracked switches of every chain, in the order the constructor numbers them. */
    static void addSwitches(ModelIr.LoadBalance balance, IntVar[] all, List<IntVar> vs) {
        for (ModelIr.Chain c : balance.chains()) {
            trackable(c).forEach(v -> vs.add(all[v.index()]));
        }
    }

    /** The position of {@code requires} among item i's chain's switches; -1 when null or not tracked. */
    int switchOf(int item, ModelIr.Var requires) {
        return requires == null || chainOf[item] < 0 ? -1 : tracked.get(chainOf[item]).indexOf(requires);
    }

    /** Marks the allowed sets the switches' domains still admit; false when some chain has none left. */
    boolean refresh(IntVar[] vars) {
        boolean all = true;
        for (int c = 0; c < allowed.length; c++) {
            boolean any = false;
            for (int s = 0; s < allowed[c].length; s++) {
                possible[c][s] = true;
                for (int w = 0; w < switchVar[c].length; w++) {
                    possible[c][s] &= vars[switchVar[c][w]].contains((int) (allowed[c][s] >>> w & 1));
                }
                any |= possible[c][s];
            }
            all &= any;
        }
        return all;
    }

    /**
     * The possible set of chain c holding every switch in {@code needed} with the lowest (or, when
     * {@code highest}, the highest) sum of {@code gain} over its switches; -1 when there is none.
     */
    int best(int c, long needed, double[] gain, boolean highest) {
        int chosen = -1;
        double best = 0;
        for (int s = 0; s < allowed[c].length; s++) {
            if (possible[c][s] && (needed & ~allowed[c][s]) == 0) {
                double g = sum(c, s, gain);
                if (chosen < 0 || (highest ? g > best : g < best)) {
                    best = g;
                    chosen = s;
                }
            }
        }
        return chosen;
    }

    /** The sum of {@code perSwitch} over the switches of allowed set s of chain c. */
    double sum(int c, int s, double[] perSwitch) {
        double g = 0;
        for (int w = 0; w < switchVar[c].length; w++) {
            if ((allowed[c][s] >>> w & 1) == 1) {
                g += perSwitch[w];
            }
        }
        return g;
    }

    /**
     * Per switch w of chain c, how much worse than set {@code chosen} the best possible set holding
     * {@code needed} is when it must hold w ({@code with[w]}) and when it must not ({@code without[w]});
     * +∞ when no such set exists.
     */
    void penalties(int c, long needed, double[] gain, boolean highest, int chosen, double[] with, double[] without) {
        double reference = sum(c, chosen, gain);
        for (int w = 0; w < switchVar[c].length; w++) {
            with[w] = Double.POSITIVE_INFINITY;
            without[w] = Double.POSITIVE_INFINITY;
            for (int s = 0; s < allowed[c].length; s++) {
                if (possible[c][s] && (needed & ~allowed[c][s]) == 0) {
                    double worse = highest ? reference - sum(c, s, gain) : sum(c, s, gain) - reference;
                    if ((allowed[c][s] >>> w & 1) == 1) {
                        with[w] = Math.min(with[w], worse);
                    } else {
                        without[w] = Math.min(without[w], worse);
                    }
                }
            }
        }
    }
}
