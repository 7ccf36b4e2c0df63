package org.terastal.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The exact optimum of a multiple-choice knapsack: every item takes exactly one of its choices
 * (a value and a time), the times add up to at most a capacity, the values' sum is maximised.
 * In the offline program this is one model's deadline shared by its layers: with homes fixed, which
 * layers to make flexible (the flexibility phase's start), and with loads priced, the chain term of
 * Choco's flexible-work bound. The linear relaxation (a price on time) can lie above the exact
 * optimum, and that difference is what a depth-first search over thousands of placements cannot
 * close by itself.
 *
 * <p>Method: choices dominated by a faster, at least as valuable one are dropped; the linear
 * relaxation (greedy over each item's upper hull by value per time) gives a bound and its rounded
 * solution an incumbent; reduced costs at the relaxation's price remove every choice that cannot
 * beat the incumbent; the items left with more than one choice are searched depth-first, widest
 * first, with the relaxation as bound, up to a node budget.
 */
public final class MultipleChoiceKnapsack {
    /** Values closer than this are equal: they can be sums of doubles (loads priced by multipliers). */
    private static final double EPS = 1e-6;

    /**
     * An answer: the optimum value and per item the index of its choice; or no plan at all
     * (value {@link Double#NEGATIVE_INFINITY}: some item has no choice or the fastest ones do
     * not fit; value {@link Double#NaN}: the search needed more nodes than it was given). Nodes:
     * how many the search took.
     */
    public record Result(double value, int[] choices, long nodes) {
        /** Whether the value is the proven optimum. */
        public boolean solved() {
            return choices != null;
        }
    }

    private MultipleChoiceKnapsack() {
    }

    /**
     * Solves one knapsack.
     *
     * @param values per item, per choice its value; {@link Double#NEGATIVE_INFINITY} marks a choice that is not possible
     * @param times per item, per choice its time (≥ 0)
     * @param nodeBudget how many search nodes the proof may take
     */
    public static Result solve(double[][] values, long[][] times, long capacity, long nodeBudget) {
        int n = values.length;
        Front front = new Front(n);
        for (int i = 0; i < n; i++) {
            if (!front.add(i, values[i], times[i], null)) {
                return new Result(Double.NEGATIVE_INFINITY, null, 0);
            }
        }
        Relaxation root = new Relaxation(front.v, front.t);
        double rootBound = root.bound(0, capacity);
        if (rootBound == Double.NEGATIVE_INFINITY) {
            return new Result(rootBound, null, 0);
        }
        int[] at = new int[n];
        double incumbent = root.rounded(capacity, at);
        int[] best = front.original(at);
        if (rootBound - incumbent <= EPS) {
            return new Result(incumbent, best, 0);
        }
        // reduced costs at the relaxation's price: forcing a choice costs at least how far its priced value
        // lies below the item's best priced value
        double price = root.criticalPrice;
        List<Integer> core = new ArrayList<>();
        int[] fixedChoice = new int[n];
        double fixedValue = 0;
        long fixedTime = 0;
        boolean[][] keep = new boolean[n][];
        for (int i = 0; i < n; i++) {
            double[] v = front.v[i];
            long[] t = front.t[i];
            double top = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < v.length; j++) {
                top = Math.max(top, v[j] - price * t[j]);
            }
            keep[i] = new boolean[v.length];
            int kept = 0;
            for (int j = 0; j < v.length; j++) {
                keep[i][j] = rootBound - (top - (v[j] - price * t[j])) > incumbent + EPS;
                if (keep[i][j]) {
                    kept++;
                    fixedChoice[i] = j;
                }
            }
            if (kept == 0) {
                return new Result(incumbent, best, 0); // no choice of this item can beat the incumbent, so nothing can
            }
            if (kept == 1) {
                fixedValue += v[fixedChoice[i]];
                fixedTime += t[fixedChoice[i]];
            } else {
                core.add(i);
            }
        }
        if (fixedTime > capacity) {
            return new Result(incumbent, best, 0);
        }
        // the widest decisions first: they move the bound most
        core.sort(Comparator.comparingDouble((Integer i) -> front.v[i][0] - front.v[i][front.v[i].length - 1]));
        Front coreFront = new Front(core.size());
        for (int k = 0; k < core.size(); k++) {
            int i = core.get(k);
            coreFront.add(k, front.v[i], front.t[i], keep[i]);
        }
        Search search = new Search(coreFront.v, coreFront.t, incumbent - fixedValue, nodeBudget);
        search.dive(0, capacity - fixedTime, 0);
        long nodes = nodeBudget - Math.max(0, search.nodesLeft);
        if (search.exhausted) {
            return new Result(Double.NaN, null, nodes);
        }
        if (search.bestPath == null) {
            return new Result(incumbent, best, nodes);
        }
        int[] chosen = new int[n];
        for (int i = 0; i < n; i++) {
            chosen[i] = fixedChoice[i];
        }
        for (int k = 0; k < core.size(); k++) {
            chosen[core.get(k)] = coreFront.index[k][search.bestPath[k]];
        }
        return new Result(fixedValue + search.best, front.original(chosen), nodes);
    }

    /**
     * Per item, the choices no faster (or as fast and at least as valuable) choice dominates, by
     * increasing time, with their indices among the item's choices as given.
     */
    private static final class Front {
        final double[][] v;
        final long[][] t;
        final int[][] index;

        Front(int n) {
            v = new double[n][];
            t = new long[n][];
            index = new int[n][];
        }

        /** Stores item k's front among the choices {@code keep} marks (all when null); false when there is none. */
        boolean add(int k, double[] values, long[] times, boolean[] keep) {
            List<Integer> js = new ArrayList<>();
            for (int j = 0; j < values.length; j++) {
                if (values[j] != Double.NEGATIVE_INFINITY && (keep == null || keep[j])) {
                    js.add(j);
                }
            }
            if (js.isEmpty()) {
                return false;
            }
            js.sort(Comparator.<Integer>comparingLong(j -> times[j]).thenComparingDouble(j -> -values[j]));
            List<Integer> kept = new ArrayList<>();
            for (int j : js) {
                if (kept.isEmpty() || values[j] > values[kept.get(kept.size() - 1)] + EPS) {
                    kept.add(j);
                }
            }
            v[k] = kept.stream().mapToDouble(j -> values[j]).toArray();
            t[k] = kept.stream().mapToLong(j -> times[j]).toArray();
            index[k] = kept.stream().mapToInt(Integer::intValue).toArray();
            return true;
        }

        /** Front positions per item as indices among the choices given. */
        int[] original(int[] positions) {
            int[] out = new int[positions.length];
            for (int i = 0; i < positions.length; i++) {
                out[i] = index[i][positions[i]];
            }
            return out;
        }
    }

    /**
     * The linear relaxation over items from some index on: each item starts at its fastest choice
     * and climbs its upper hull; the steps of every item, sorted by value per time, are taken
     * greedily.
     */
    private static final class Relaxation {
        private final double[][] v;
        private final long[][] t;
        /** Hull steps by falling value per time: item, from choice, to choice. */
        private final int[][] steps;
        private final double[] suffixBaseValue;
        private final long[] suffixBaseTime;
        /** The price of time where the last bound stopped (0 when everything fit). */
        double criticalPrice;

        Relaxation(double[][] v, long[][] t) {
            this.v = v;
            this.t = t;
            int n = v.length;
            List<int[]> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int from = 0;
                while (from < v[i].length - 1) {
                    int to = -1;
                    double steepest = Double.NEGATIVE_INFINITY;
                    for (int j = from + 1; j < v[i].length; j++) {
                        double slope = (v[i][j] - v[i][from]) / Math.max(1, t[i][j] - t[i][from]);
                        if (slope >= steepest) {
                            steepest = slope;
                            to = j;
                        }
                    }
                    all.add(new int[] {i, from, to});
                    from = to;
                }
            }
            // ties keep each item's steps in hull order, so a step is taken only after the one before it
            all.sort(Comparator.comparingDouble((int[] s) -> -efficiency(s)).thenComparingInt(s -> s[1]));
            steps = all.toArray(new int[0][]);
            suffixBaseValue = new double[n + 1];
            suffixBaseTime = new long[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                suffixBaseValue[i] = suffixBaseValue[i + 1] + v[i][0];
                suffixBaseTime[i] = suffixBaseTime[i + 1] + t[i][0];
            }
        }

        private double efficiency(int[] s) {
            return (v[s[0]][s[2]] - v[s[0]][s[1]]) / Math.max(1, t[s[0]][s[2]] - t[s[0]][s[1]]);
        }

        /**
         * The relaxation's value over items {@code from..} within {@code capacity};
         * {@link Double#NEGATIVE_INFINITY} when their fastest choices do not fit.
         */
        double bound(int from, long capacity) {
            long left = capacity - suffixBaseTime[from];
            if (left < 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double value = suffixBaseValue[from];
            criticalPrice = 0;
            for (int[] s : steps) {
                if (s[0] < from) {
                    continue;
                }
                long dt = t[s[0]][s[2]] - t[s[0]][s[1]];
                double dv = v[s[0]][s[2]] - v[s[0]][s[1]];
                if (dt <= left) {
                    left -= dt;
                    value += dv;
                } else {
                    criticalPrice = efficiency(s);
                    return value + dv * left / dt;
                }
            }
            return value;
        }

        /** A feasible value, its choices left in {@code at}: the relaxation's steps while they fit, then any that fits. */
        double rounded(long capacity, int[] at) {
            int n = v.length;
            long left = capacity - suffixBaseTime[0];
            double value = suffixBaseValue[0];
            for (int[] s : steps) {
                if (at[s[0]] != s[1]) {
                    continue;
                }
                long dt = t[s[0]][s[2]] - t[s[0]][s[1]];
                if (dt <= left) {
                    left -= dt;
                    value += v[s[0]][s[2]] - v[s[0]][s[1]];
                    at[s[0]] = s[2];
                }
            }
            // the greedy may leave room a choice off the hull can use
            for (int i = 0; i < n; i++) {
                for (int j = v[i].length - 1; j > at[i]; j--) {
                    if (t[i][j] - t[i][at[i]] <= left) {
                        left -= t[i][j] - t[i][at[i]];
                        value += v[i][j] - v[i][at[i]];
                        at[i] = j;
                        break;
                    }
                }
            }
            return value;
        }
    }

    /** Depth-first search over the core items, most valuable choice first, pruned by the relaxation. */
    private static final class Search {
        private final double[][] v;
        private final long[][] t;
        private final Relaxation relaxation;
        private final int[] path;
        private long nodesLeft;
        double best;
        int[] bestPath;
        boolean exhausted;

        Search(double[][] v, long[][] t, double incumbent, long nodeBudget) {
            this.v = v;
            this.t = t;
            this.relaxation = new Relaxation(v, t);
            this.path = new int[v.length];
            this.best = incumbent;
            this.nodesLeft = nodeBudget;
        }

        void dive(int item, long capacity, double value) {
            if (item == v.length) {
                if (value > best + EPS) {
                    best = value;
                    bestPath = path.clone();
                }
                return;
            }
            if (--nodesLeft < 0) {
                exhausted = true;
                return;
            }
            if (value + relaxation.bound(item, capacity) <= best + EPS) {
                return;
            }
            for (int j = v[item].length - 1; j >= 0 && !exhausted; j--) {
                if (t[item][j] <= capacity) {
                    path[item] = j;
                    dive(item + 1, capacity - t[item][j], value + v[item][j]);
                }
            }
        }
    }
}
