package org.terastal.offline.choco;

import java.util.Arrays;
import java.util.List;
import org.chocosolver.solver.constraints.Propagator;
import org.chocosolver.solver.constraints.PropagatorPriority;
import org.chocosolver.solver.exception.ContradictionException;
import org.chocosolver.solver.variables.IntVar;
import org.chocosolver.util.ESat;
import org.terastal.offline.ModelIr;
import org.terastal.offline.MultipleChoiceKnapsack;

/**
 * Bounds the flexible work {@code Σ work·flex} of a {@link ModelIr.LoadBalance} from above by a
 * Lagrangian relaxation, and removes placements, migration options and flex values that the
 * relaxation proves unable to beat the incumbent. The flexibility phase is a set of knapsacks (a
 * model's deadline buys flexible layers) coupled by the accelerators' loads; depth-first search
 * alone cannot prove it.
 *
 * <p>Each item picks a combination of a placement p and either no migration or an option f away
 * from p, worth {@code work} if flexible, costing load on p's resource and time max(time_p, time_f)
 * from its chain. Dualising every resource's load (at most {@code max}'s upper bound) with λ_r ≥ 0
 * and every chain's capacity with μ_c ≥ 0, what is left separates by chain (given the set of
 * switches on, one of the chain's allowed sets still possible) and by item: the bound is
 * Σ_r λ_r·maxUB + Σ_c (μ_c·capacity_c + the best set's Σ over items of the best combination's
 * work − λ·load − μ·time). Every (λ, μ) ≥ 0 gives a valid upper bound; the search for good ones
 * (coordinate-wise golden-section search over each λ_r, each chain's μ_c by bisection on the sign
 * of its subgradient, starting from the last call's) only decides how strong it is.
 *
 * <p>At the root the bound is tightened once more: at the best λ, each chain's deadline is kept as
 * a constraint and solved exactly ({@link MultipleChoiceKnapsack}), which removes the gap between a
 * price on time and whole layers (on AR_gaming imported for Dual_4K_BigLittle, 1 493 191 against
 * the optimum 1 491 613, which depth-first search did not close in a minute).
 *
 * <p>Reduced-cost fixing: forcing a value costs at least the drop from its item's best
 * combination to its best combination with that value (plus the set's extra when the value needs
 * or excludes a switch); values whose cost exceeds the bound minus the objective's lower bound
 * are removed. Comparisons keep {@link #TOLERANCE} for floating-point error.
 */
final class WorkBoundPropagator extends Propagator<IntVar> {
    private static final long serialVersionUID = 1L;
    private static final double TOLERANCE = 1e-3;
    /** Golden-section and bisection steps at the first call and at later nodes; coordinate rounds at the first call. */
    private static final int ROOT_STEPS = 24;
    private static final int NODE_STEPS = 8;
    private static final int ROOT_ROUNDS = 2;
    /** Search nodes the exact chain knapsacks at the root may take together: the root call must not outlast the time limit. */
    private static final long ROOT_KNAPSACK_NODES = 1_000_000;
    private static final double NONE = Double.NEGATIVE_INFINITY;

    private final int resources;
    /** vars: objective (0), max (1), then per item its placements, its migration options and its flex. */
    private final PlacementArrays placed;
    private final int[][] optionVar;
    private final int[][] optionResource;
    private final long[][] optionTime;
    private final int[][] optionSwitch;
    /** Per item: its flex variable (-1: none) and work. */
    private final int[] flexVar;
    private final long[] work;
    private final ChainSets chains;

    /** Per item at this node: placements and options still possible, whether flex may be 0 or 1. */
    private final boolean[][] placeOpen;
    private final boolean[][] optionOpen;
    private final boolean[] noneAllowed;
    private final boolean[] flexAllowed;

    private final double[] lambda;
    private final double[] bestLambda;
    private double bound;
    private long lastNode = -1;
    private int muSteps;

    private long needed;
    private double slope;
    private int chosenSet;

    WorkBoundPropagator(ModelIr.LoadBalance balance, IntVar[] all, IntVar objective) {
        super(variables(balance, all, objective), PropagatorPriority.QUADRATIC, false);
        resources = balance.resources();
        List<List<ModelIr.Placement>> items = balance.items();
        int n = items.size();
        placed = new PlacementArrays(balance, 2);
        chains = placed.chains;
        optionVar = new int[n][0];
        optionResource = new int[n][0];
        optionTime = new long[n][0];
        optionSwitch = new int[n][0];
        flexVar = new int[n];
        Arrays.fill(flexVar, -1);
        work = new long[n];
        int next = chains.end;
        for (ModelIr.Flexibility f : balance.flexibility()) {
            int i = f.item();
            int k = f.options().size();
            optionVar[i] = new int[k];
            optionResource[i] = new int[k];
            optionTime[i] = new long[k];
            optionSwitch[i] = new int[k];
            for (int o = 0; o < k; o++) {
                ModelIr.Migration m = f.options().get(o);
                optionVar[i][o] = next++;
                optionResource[i][o] = m.resource();
                optionTime[i][o] = m.time();
                optionSwitch[i][o] = chains.switchOf(i, m.requires());
            }
            flexVar[i] = next++;
            work[i] = f.work();
        }
        placeOpen = new boolean[n][];
        optionOpen = new boolean[n][];
        for (int i = 0; i < n; i++) {
            placeOpen[i] = new boolean[placed.var[i].length];
            optionOpen[i] = new boolean[optionVar[i].length];
        }
        noneAllowed = new boolean[n];
        flexAllowed = new boolean[n];
        lambda = new double[resources];
        bestLambda = new double[resources];
    }

    /** objective, max, every placement in item order, every chain's switches, every flexibility's options then flex. */
    private static IntVar[] variables(ModelIr.LoadBalance balance, IntVar[] all, IntVar objective) {
        List<IntVar> vs = PlacementArrays.variables(balance, all, objective, all[balance.max().index()]);
        for (ModelIr.Flexibility f : balance.flexibility()) {
            f.options().forEach(m -> vs.add(all[m.var().index()]));
            vs.add(all[f.flex().index()]);
        }
        return vs.toArray(new IntVar[0]);
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        collectOpen();
        bound = Double.POSITIVE_INFINITY;
        // the first call searches the multipliers thoroughly; the first call of each later search node refines the
        // last ones in a narrow bracket; later calls at the same node (after other constraints reacted) reuse them.
        // Any multipliers give a valid bound: this only trades strength for time per node
        long node = getModel().getSolver().getNodeCount();
        boolean first = lastNode < 0;
        boolean refine = node != lastNode;
        lastNode = node;
        muSteps = first ? ROOT_STEPS : NODE_STEPS;
        probe();
        for (int round = 0; refine && round < (first ? ROOT_ROUNDS : 1); round++) {
            for (int r = 0; r < resources; r++) {
                double at = bestLambda[r];
                if (first) {
                    double hi = Math.max(4 * at, 1);
                    goldenSection(r, 0, hi, ROOT_STEPS);
                    while (bestLambda[r] > hi * 0.99 && hi < 1e9) {
                        double lo = hi;
                        hi *= 8;
                        goldenSection(r, lo, hi, ROOT_STEPS);
                    }
                } else {
                    goldenSection(r, at * 0.8, at * 1.25 + 1e-3, NODE_STEPS);
                }
            }
        }
        System.arraycopy(bestLambda, 0, lambda, 0, resources);
        System.arraycopy(chains.bestMu, 0, chains.mu, 0, chains.mu.length);
        IntVar objective = vars[0];
        if (bound == Double.NEGATIVE_INFINITY) {
            fails(); // some item has no combination, or some chain no set its items allow
        }
        // the exact chains bound the whole search below the root; the price on time is what later nodes can afford
        double tightest = first ? Math.min(bound, exactChains()) : bound;
        if (tightest == Double.NEGATIVE_INFINITY) {
            fails();
        }
        objective.updateUpperBound((int) Math.floor(Math.min(Integer.MAX_VALUE, tightest + TOLERANCE)), this);
        // reduced costs are drops from the priced relaxation, so they are measured against its bound
        fixByReducedCost(bound - objective.getLB() + TOLERANCE);
    }

    /**
     * The bound at the best λ with every chain's deadline kept as a constraint: per chain the
     * best of its possible sets, each an exact knapsack ({@link MultipleChoiceKnapsack}); a chain
     * whose knapsacks the nodes left of {@link #ROOT_KNAPSACK_NODES} do not prove counts at its
     * price on time instead.
     */
    private double exactChains() {
        System.arraycopy(bestLambda, 0, lambda, 0, resources);
        double sum = outsideChains();
        long nodesLeft = ROOT_KNAPSACK_NODES;
        for (int c = 0; c < chains.items.length; c++) {
            double chainBest = NONE;
            for (int s = 0; s < chains.allowed[c].length && !Double.isNaN(chainBest); s++) {
                if (chains.possible[c][s]) {
                    MultipleChoiceKnapsack.Result r = knapsack(c, chains.allowed[c][s], nodesLeft);
                    nodesLeft -= r.nodes();
                    chainBest = Double.isNaN(r.value()) ? r.value() : Math.max(chainBest, r.value());
                }
            }
            sum += Double.isNaN(chainBest) ? chainValue(c, chains.bestMu[c]) : chainBest;
        }
        return sum;
    }

    /** Chain c's exact knapsack with the switches of {@code set} on. */
    private MultipleChoiceKnapsack.Result knapsack(int c, long set, long nodeBudget) {
        int[] items = chains.items[c];
        double[][] values = new double[items.length][];
        long[][] times = new long[items.length][];
        for (int k = 0; k < items.length; k++) {
            int i = items[k];
            int options = optionVar[i].length + 1;
            values[k] = new double[placed.var[i].length * options];
            times[k] = new long[values[k].length];
            for (int p = 0; p < placed.var[i].length; p++) {
                for (int o = -1; o < optionVar[i].length; o++) {
                    int j = p * options + o + 1;
                    int sw = switchOf(i, p, o);
                    values[k][j] = sw < 0 || (set >>> sw & 1) == 1 ? value(i, p, o, 0) : NONE;
                    times[k][j] = timeOf(i, p, o);
                }
            }
        }
        return MultipleChoiceKnapsack.solve(values, times, chains.capacity[c], nodeBudget);
    }

    /** Golden-section search over λ_r in [lo, hi] for the lowest bound, the other weights at the call's best. */
    private void goldenSection(int r, double lo, double hi, int steps) {
        Multipliers.goldenMax(at -> -probeAt(r, at), lo, hi, steps);
    }

    private double probeAt(int r, double value) {
        System.arraycopy(bestLambda, 0, lambda, 0, resources);
        lambda[r] = value;
        return probe();
    }

    /** Evaluates the bound at {@link #lambda} and keeps it if it is the best (lowest) of this call. */
    private double probe() {
        double value = evaluate();
        if (value < bound) {
            bound = value;
            System.arraycopy(lambda, 0, bestLambda, 0, resources);
            System.arraycopy(chains.muAt, 0, chains.bestMu, 0, chains.mu.length);
        }
        return value;
    }

    private void collectOpen() throws ContradictionException {
        for (int i = 0; i < placed.var.length; i++) {
            boolean any = false;
            for (int p = 0; p < placed.var[i].length; p++) {
                placeOpen[i][p] = vars[placed.var[i][p]].contains(1);
                any |= placeOpen[i][p];
            }
            if (!any) {
                fails();
            }
            boolean forced = false;
            for (int o = 0; o < optionVar[i].length; o++) {
                optionOpen[i][o] = vars[optionVar[i][o]].contains(1);
                forced |= vars[optionVar[i][o]].isInstantiatedTo(1);
            }
            flexAllowed[i] = flexVar[i] >= 0 && vars[flexVar[i]].contains(1);
            noneAllowed[i] = !forced && (flexVar[i] < 0 || vars[flexVar[i]].contains(0));
        }
        if (!chains.refresh(vars)) {
            fails();
        }
    }

    /** The bound at {@link #lambda}, each chain's μ minimised from the last call's; leaves the μ used in {@link ChainSets#muAt}. */
    private double evaluate() {
        double sum = outsideChains();
        for (int c = 0; c < chains.items.length; c++) {
            int chain = c;
            // minimising the chain's term over μ maximises its negation, which rises with μ while the chain's times
            // overrun its capacity
            double[] best = Multipliers.bisectMax(x -> -chainValue(chain, x), () -> -slope, chains.mu[c], muSteps);
            sum -= best[0];
            chains.muAt[c] = best[1];
        }
        return sum;
    }

    /** The bound's terms outside the chains at {@link #lambda}: the priced busiest load and each unchained item's best. */
    private double outsideChains() {
        double max = vars[1].getUB();
        double sum = 0;
        for (int r = 0; r < resources; r++) {
            sum += lambda[r] * max;
        }
        for (int i = 0; i < placed.var.length; i++) {
            if (chains.chainOf[i] < 0) {
                double best = NONE;
                for (int p = 0; p < placed.var[i].length; p++) {
                    for (int o = -1; o < optionVar[i].length; o++) {
                        best = Math.max(best, value(i, p, o, 0));
                    }
                }
                sum += best;
            }
        }
        return sum;
    }

    /**
     * The value of item i taking placement p and option o (-1: none) at chain price m, or
     * {@link #NONE} when not possible.
     */
    private double value(int i, int p, int o, double m) {
        if (!placeOpen[i][p]) {
            return NONE;
        }
        double cost = lambda[placed.resource[i][p]] * placed.load[i][p];
        if (o < 0) {
            return noneAllowed[i] ? -cost - m * placed.time[i][p] : NONE;
        }
        if (!optionOpen[i][o] || optionResource[i][o] == placed.resource[i][p]
                || (placed.switchOf[i][p] >= 0 && optionSwitch[i][o] >= 0 && placed.switchOf[i][p] != optionSwitch[i][o])) {
            return NONE;
        }
        return (flexAllowed[i] ? work[i] : 0) - cost - m * Math.max(placed.time[i][p], optionTime[i][o]);
    }

    private long timeOf(int i, int p, int o) {
        return o < 0 ? placed.time[i][p] : Math.max(placed.time[i][p], optionTime[i][o]);
    }

    private int switchOf(int i, int p, int o) {
        return placed.switchOf[i][p] >= 0 ? placed.switchOf[i][p] : o < 0 ? -1 : optionSwitch[i][o];
    }

    /**
     * Chain c's term at price m: m·capacity plus each item's best combination under the best
     * possible set of switches ({@link #NONE} when none allows every item one). Leaves the
     * subgradient in m in {@link #slope}, the set in {@link #chosenSet}, per switch the gain of
     * turning it on in {@link ChainSets#delta}, and the switches some item needs in {@link #needed}.
     */
    private double chainValue(int c, double m) {
        double sum = m * chains.capacity[c];
        double times = chains.capacity[c];
        int switches = chains.switchVar[c].length;
        Arrays.fill(chains.delta, 0, switches, 0);
        Arrays.fill(chains.deltaTime, 0, switches, 0);
        needed = 0;
        for (int i : chains.items[c]) {
            double plain = NONE;
            double plainTime = 0;
            double switched = NONE;
            double switchedTime = 0;
            int sw = -1;
            for (int p = 0; p < placed.var[i].length; p++) {
                for (int o = -1; o < optionVar[i].length; o++) {
                    double v = value(i, p, o, m);
                    if (v == NONE) {
                        continue;
                    }
                    int s = switchOf(i, p, o);
                    double t = timeOf(i, p, o);
                    if (s < 0) {
                        if (v > plain || (v == plain && t < plainTime)) {
                            plain = v;
                            plainTime = t;
                        }
                    } else if (v > switched || (v == switched && t < switchedTime)) {
                        switched = v;
                        switchedTime = t;
                        sw = s;
                    }
                }
            }
            if (plain == NONE && switched == NONE) {
                slope = 0;
                chosenSet = -1;
                return NONE;
            }
            if (plain == NONE) {
                sum += switched;
                times -= switchedTime;
                needed |= 1L << sw;
            } else {
                sum += plain;
                times -= plainTime;
                if (switched > plain) {
                    chains.delta[sw] += switched - plain;
                    chains.deltaTime[sw] += switchedTime - plainTime;
                }
            }
        }
        chosenSet = chains.best(c, needed, chains.delta, true);
        if (chosenSet < 0) {
            slope = 0;
            return NONE;
        }
        slope = times - chains.sum(c, chosenSet, chains.deltaTime);
        return sum + chains.sum(c, chosenSet, chains.delta);
    }

    /** Removes every placement, option and flex value whose forcing would drop the bound by more than {@code room}. */
    private void fixByReducedCost(double room) throws ContradictionException {
        System.arraycopy(bestLambda, 0, lambda, 0, resources);
        for (int i = 0; i < placed.var.length; i++) {
            if (chains.chainOf[i] < 0) {
                fixItem(i, 0, 0, 0, room);
            }
        }
        for (int c = 0; c < chains.items.length; c++) {
            chainValue(c, chains.bestMu[c]);
            int switches = chains.switchVar[c].length;
            double[] with = new double[switches];
            double[] without = new double[switches];
            chains.penalties(c, needed, chains.delta, true, chosenSet, with, without);
            for (int i : chains.items[c]) {
                int sw = -1;
                for (int p = 0; p < placed.var[i].length && sw < 0; p++) {
                    for (int o = -1; o < optionVar[i].length && sw < 0; o++) {
                        sw = switchOf(i, p, o);
                    }
                }
                fixItem(i, chains.bestMu[c], sw < 0 ? 0 : with[sw], sw < 0 ? 0 : without[sw], room);
            }
        }
    }

    /**
     * Reduced-cost fixing of one item whose chain's best set is worth {@code lossWith} less when
     * it must contain the item's switch and {@code lossWithout} less when it must not.
     */
    private void fixItem(int i, double m, double lossWith, double lossWithout, double room) throws ContradictionException {
        double plain = NONE;
        double any = NONE;
        for (int p = 0; p < placed.var[i].length; p++) {
            for (int o = -1; o < optionVar[i].length; o++) {
                double v = value(i, p, o, m);
                any = Math.max(any, v);
                if (switchOf(i, p, o) < 0) {
                    plain = Math.max(plain, v);
                }
            }
        }
        // the smallest drop forcing each value costs
        double[] placeDrop = new double[placed.var[i].length];
        double[] optionDrop = new double[optionVar[i].length];
        Arrays.fill(placeDrop, Double.POSITIVE_INFINITY);
        Arrays.fill(optionDrop, Double.POSITIVE_INFINITY);
        double noneDrop = Double.POSITIVE_INFINITY;
        double flexDrop = Double.POSITIVE_INFINITY;
        for (int p = 0; p < placed.var[i].length; p++) {
            for (int o = -1; o < optionVar[i].length; o++) {
                double v = value(i, p, o, m);
                if (v == NONE) {
                    continue;
                }
                double drop = lossWith + any - v;
                if (switchOf(i, p, o) < 0 && plain != NONE) {
                    drop = Math.min(drop, lossWithout + plain - v);
                }
                placeDrop[p] = Math.min(placeDrop[p], drop);
                if (o >= 0) {
                    optionDrop[o] = Math.min(optionDrop[o], drop);
                    flexDrop = Math.min(flexDrop, drop);
                } else {
                    noneDrop = Math.min(noneDrop, drop);
                }
            }
        }
        for (int p = 0; p < placed.var[i].length; p++) {
            if (placeOpen[i][p] && placeDrop[p] > room) {
                vars[placed.var[i][p]].removeValue(1, this);
            }
        }
        for (int o = 0; o < optionVar[i].length; o++) {
            if (optionOpen[i][o] && optionDrop[o] > room) {
                vars[optionVar[i][o]].removeValue(1, this);
            }
        }
        if (flexVar[i] >= 0 && flexAllowed[i]) {
            IntVar flex = vars[flexVar[i]];
            // flex = 1 needs an option; flex = 0 is what "no option" or an option without its work gives, and an
            // option without its work is never better than no option, except when no option is not allowed
            if (flexDrop > room) {
                flex.removeValue(1, this);
            }
            if (noneAllowed[i] && noneDrop > room && flexDrop <= room) {
                flex.removeValue(0, this);
            }
        }
    }

    @Override
    public ESat isEntailed() {
        return ESat.TRUE; // a bound only: the linear constraints state the model
    }
}
