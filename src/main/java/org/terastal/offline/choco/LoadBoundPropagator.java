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
 * Bounds the busiest resource's load from below by a Lagrangian relaxation of a
 * {@link ModelIr.LoadBalance}, and removes placements and switch values that relaxation proves
 * too costly. This is the linear relaxation Choco lacks: without it, depth-first search cannot
 * prove a balanced placement optimal.
 *
 * <p>For weights λ_r ≥ 0 with Σ λ_r = 1 the busiest load is at least Σ_r λ_r·load_r, and for any
 * μ_c ≥ 0 per chain, adding μ_c·(Σ times − capacity) ≤ 0 keeps it a lower bound. What is left
 * separates by chain: given the set of switches on (one of the chain's allowed sets still
 * possible), each item takes its cheapest remaining placement at price λ_r·load + μ_c·time, and
 * the chain takes its cheapest set. So every (λ, μ) gives a valid bound, and the search for good
 * multipliers only decides how strong it is: with two resources a golden-section search over λ_0
 * (the function is concave), each chain's μ_c by bisection on the sign of its subgradient (the
 * chains are independent once λ is fixed); with other numbers of resources λ takes the even
 * weights and each resource alone, the better of the two bounds the earlier fluid propagator gave.
 * Each call starts near the previous call's multipliers. With every μ at 0 and every switch free this
 * is the fluid relaxation (items split at will, every variant available).
 *
 * <p>Reduced-cost fixing: forcing a placement raises the bound at the same multipliers by at least
 * its price minus its item's cheapest, and forcing a switch on (off) by the cheapest set with
 * (without) it minus the chain's cheapest; whatever would lift the bound above {@code max}'s upper
 * bound is removed. Every comparison keeps a margin of {@link #TOLERANCE} for floating-point error,
 * far below one unit of the integer loads.
 */
final class LoadBoundPropagator extends Propagator<IntVar> {
    private static final long serialVersionUID = 1L;
    private static final double TOLERANCE = 1e-3;
    private static final int STEPS = 24;
    private final int resources;
    /** Per item and placement its variable (max is 0), resource, load, time and switch. */
    private final PlacementArrays placed;
    private final ChainSets chains;
    /** Per item the placement the relaxation chose at the last call (flattened index). */
    private final int[] preferred;

    /** Open placements of the current call, flattened: item i owns [start[i], start[i+1]). */
    private final int[] start;
    private final int[] openVar;
    private final int[] openResource;
    private final double[] openLoad;
    private final double[] openTime;
    private final int[] openSwitch;

    /** Multipliers where the last call found its best bound, the next call's starting point. */
    private double lambda0 = 0.5;
    /** The best bound of the current call and its multipliers. */
    private double bound;
    /** Per resource its λ: of the evaluation under way, and of the call's best. */
    private final double[] weight;
    private final double[] bestWeight;
    private long lastNode = -1;

    /** What the last {@link #chainValue} found besides its value. */
    private long needed;
    private double slope;
    private int chosenSet;

    LoadBoundPropagator(ModelIr.LoadBalance balance, IntVar[] all) {
        super(variables(balance, all), PropagatorPriority.QUADRATIC, false);
        this.resources = balance.resources();
        List<List<ModelIr.Placement>> items = balance.items();
        int n = items.size();
        placed = new PlacementArrays(balance, 1);
        chains = placed.chains;
        preferred = new int[n];
        start = new int[n + 1];
        int total = placed.end - 1;
        openVar = new int[total];
        openResource = new int[total];
        openLoad = new double[total];
        openTime = new double[total];
        openSwitch = new int[total];
        weight = new double[resources];
        bestWeight = new double[resources];
    }

    /** max, then every placement in item order, then every chain's switches. */
    private static IntVar[] variables(ModelIr.LoadBalance balance, IntVar[] all) {
        return PlacementArrays.variables(balance, all, all[balance.max().index()]).toArray(new IntVar[0]);
    }

    @Override
    public void propagate(int evtmask) throws ContradictionException {
        collectOpen();
        bound = Double.NEGATIVE_INFINITY;
        // the multipliers are searched at the first call of each search node; later calls at the same node (after
        // other constraints reacted) reuse them, which keeps the bound valid and the node cheap
        long node = getModel().getSolver().getNodeCount();
        boolean search = node != lastNode;
        lastNode = node;
        if (!search) {
            System.arraycopy(bestWeight, 0, weight, 0, resources);
            probe();
        } else if (resources == 2) {
            // golden-section search for the best λ_0 in a bracket around the last call's best, widened while
            // the best lies at an edge of the bracket that is not an end of [0, 1]
            double centre = lambda0;
            probe(centre);
            for (double width = 0.02; ; width *= 4) {
                double lo = Math.max(0, centre - width);
                double hi = Math.min(1, centre + width);
                Multipliers.goldenMax(this::probe, lo, hi, STEPS);
                double margin = (hi - lo) * 0.01;
                double best = bestWeight[0];
                boolean atEdge = (lo > 0 && best - lo < margin) || (hi < 1 && hi - best < margin);
                if (!atEdge || (lo == 0 && hi == 1)) {
                    break;
                }
                centre = best;
            }
        } else {
            // the even weights (the average load), and each resource alone (its load of items that can go nowhere else)
            for (int r = 0; r <= resources; r++) {
                Arrays.fill(weight, r == resources ? 1.0 / resources : 0);
                if (r < resources) {
                    weight[r] = 1;
                }
                probe();
            }
        }
        if (bound == Double.POSITIVE_INFINITY) {
            fails(); // some chain has no possible set that its items' remaining placements allow
        }
        lambda0 = bestWeight[0];
        System.arraycopy(bestWeight, 0, weight, 0, resources);
        System.arraycopy(chains.bestMu, 0, chains.mu, 0, chains.mu.length);
        IntVar max = vars[0];
        max.updateLowerBound((int) Math.ceil(bound - TOLERANCE), this);
        fixByReducedCost(max.getUB() - bound + TOLERANCE);
    }

    /** Evaluates the bound at λ_0 (λ_1 = 1 − λ_0) and keeps it if it is the best of this call. */
    private double probe(double at) {
        weight[0] = at;
        weight[1] = 1 - at;
        return probe();
    }

    /** Evaluates the bound at the weights in {@link #weight} and keeps it if it is the best of this call. */
    private double probe() {
        double value = evaluate();
        if (value > bound) {
            bound = value;
            System.arraycopy(weight, 0, bestWeight, 0, resources);
            System.arraycopy(chains.muAt, 0, chains.bestMu, 0, chains.mu.length);
        }
        return value;
    }

    /**
     * Gathers each item's placements still possible (only the chosen one once placed) and each
     * chain's allowed sets still possible; fails an item with no placement or a chain with no set.
     */
    private void collectOpen() throws ContradictionException {
        int k = 0;
        for (int i = 0; i < placed.var.length; i++) {
            start[i] = k;
            int chosen = -1;
            for (int p = 0; p < placed.var[i].length && chosen < 0; p++) {
                if (vars[placed.var[i][p]].isInstantiatedTo(1)) {
                    chosen = p;
                }
            }
            for (int p = 0; p < placed.var[i].length; p++) {
                if (chosen >= 0 ? p == chosen : vars[placed.var[i][p]].contains(1)) {
                    openVar[k] = placed.var[i][p];
                    openResource[k] = placed.resource[i][p];
                    openLoad[k] = placed.load[i][p];
                    openTime[k] = placed.time[i][p];
                    openSwitch[k] = placed.switchOf[i][p];
                    k++;
                }
            }
            if (k == start[i]) {
                fails(); // no placement left: the one-hot constraint fails too, this only says it sooner
            }
        }
        start[placed.var.length] = k;
        if (!chains.refresh(vars)) {
            fails();
        }
    }

    /**
     * The Lagrangian bound at the weights in {@link #weight}, each chain's μ improved from the
     * last call's by bisection; leaves the μ used in {@link ChainSets#muAt}.
     */
    private double evaluate() {
        double sum = 0;
        for (int i = 0; i < placed.var.length; i++) {
            if (chains.chainOf[i] < 0) {
                double best = Double.POSITIVE_INFINITY;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    best = Math.min(best, price(k, 0));
                }
                sum += best;
            }
        }
        for (int c = 0; c < chains.items.length; c++) {
            int chain = c;
            // the term rises with μ while the chain's cheapest times overrun its capacity
            double[] best = Multipliers.bisectMax(x -> chainValue(chain, x), () -> slope, chains.mu[c], STEPS);
            sum += best[0];
            chains.muAt[c] = best[1];
        }
        return sum;
    }

    /**
     * Chain c's term at (λ, μ): each item at its cheapest placement under the cheapest possible
     * set of switches, minus μ·capacity (+∞ when no possible set allows every item a placement).
     * Leaves the subgradient in μ in {@link #slope}, the set in {@link #chosenSet}, per switch the
     * gain of turning it on in {@link ChainSets#delta} and the switches some item cannot do without in
     * {@link #needed}.
     */
    private double chainValue(int c, double m) {
        double sum = -m * chains.capacity[c];
        double times = -chains.capacity[c];
        int switches = chains.switchVar[c].length;
        Arrays.fill(chains.delta, 0, switches, 0);
        Arrays.fill(chains.deltaTime, 0, switches, 0);
        needed = 0;
        for (int i : chains.items[c]) {
            double plain = Double.POSITIVE_INFINITY;
            double plainTime = 0;
            double switched = Double.POSITIVE_INFINITY;
            double switchedTime = 0;
            int sw = -1;
            for (int k = start[i]; k < start[i + 1]; k++) {
                double price = price(k, m);
                if (openSwitch[k] < 0) {
                    if (price < plain || (price == plain && openTime[k] < plainTime)) {
                        plain = price;
                        plainTime = openTime[k];
                    }
                } else if (price < switched || (price == switched && openTime[k] < switchedTime)) {
                    switched = price;
                    switchedTime = openTime[k];
                    sw = openSwitch[k];
                }
            }
            if (plain == Double.POSITIVE_INFINITY) {
                sum += switched;
                times += switchedTime;
                needed |= 1L << sw;
            } else {
                sum += plain;
                times += plainTime;
                if (switched < plain) {
                    chains.delta[sw] += switched - plain;
                    chains.deltaTime[sw] += switchedTime - plainTime;
                }
            }
        }
        chosenSet = chains.best(c, needed, chains.delta, false);
        if (chosenSet < 0) {
            slope = 0;
            return Double.POSITIVE_INFINITY;
        }
        slope = times + chains.sum(c, chosenSet, chains.deltaTime);
        return sum + chains.sum(c, chosenSet, chains.delta);
    }

    private double price(int k, double m) {
        return weight[openResource[k]] * openLoad[k] + m * openTime[k];
    }

    /**
     * At the best multipliers of this call: removes every open placement and switch value whose
     * reduced cost exceeds {@code room}, and records each item's placement under its chain's
     * cheapest set for the search.
     */
    private void fixByReducedCost(double room) throws ContradictionException {
        for (int i = 0; i < placed.var.length; i++) {
            if (chains.chainOf[i] < 0) {
                fixItem(i, 0, 0, 0, 0, room);
            }
        }
        for (int c = 0; c < chains.items.length; c++) {
            chainValue(c, chains.bestMu[c]);
            int switches = chains.switchVar[c].length;
            long chosen = chains.allowed[c][chosenSet];
            double[] with = new double[switches];
            double[] without = new double[switches];
            chains.penalties(c, needed, chains.delta, false, chosenSet, with, without);
            for (int w = 0; w < switches; w++) {
                IntVar sv = vars[chains.switchVar[c][w]];
                if (with[w] > room) {
                    sv.removeValue(1, this);
                }
                if (without[w] > room) {
                    sv.removeValue(0, this);
                }
            }
            for (int i : chains.items[c]) {
                int sw = switchOfItem(i);
                fixItem(i, chains.bestMu[c], sw < 0 ? 0 : with[sw], sw < 0 ? 0 : without[sw], sw < 0 ? 0 : chosen >>> sw & 1, room);
            }
        }
    }

    /** The switch some open placement of item i needs, or -1. */
    private int switchOfItem(int i) {
        for (int k = start[i]; k < start[i + 1]; k++) {
            if (openSwitch[k] >= 0) {
                return openSwitch[k];
            }
        }
        return -1;
    }

    /**
     * Reduced-cost fixing of one item whose chain's cheapest set costs {@code extraWith} more when
     * it must contain the item's switch and {@code extraWithout} more when it must not. Forcing a
     * placement replaces the item's contribution under a set (its cheapest placement that set
     * allows) by the placement's price, so the bound rises by at least that difference plus the
     * set's extra.
     */
    private void fixItem(int i, double m, double extraWith, double extraWithout, long on, double room)
            throws ContradictionException {
        double plain = Double.POSITIVE_INFINITY;
        double any = Double.POSITIVE_INFINITY;
        for (int k = start[i]; k < start[i + 1]; k++) {
            double price = price(k, m);
            any = Math.min(any, price);
            if (openSwitch[k] < 0) {
                plain = Math.min(plain, price);
            }
        }
        double chosenPrice = Double.POSITIVE_INFINITY;
        for (int k = start[i]; k < start[i + 1]; k++) {
            double price = price(k, m);
            if ((openSwitch[k] < 0 || on == 1) && price < chosenPrice) {
                chosenPrice = price;
                preferred[i] = openVar[k] - 1;
            }
        }
        if (start[i + 1] - start[i] < 2) {
            return;
        }
        for (int k = start[i]; k < start[i + 1]; k++) {
            double price = price(k, m);
            double rise = extraWith + price - any;
            if (openSwitch[k] < 0 && plain < Double.POSITIVE_INFINITY) {
                rise = Math.min(rise, extraWithout + price - plain);
            }
            if (rise > room) {
                vars[openVar[k]].removeValue(1, this);
            }
        }
    }

    /**
     * The placement of item i that the relaxation chose at the last call, as an index into the
     * flattened placements (item by item, placement by placement); -1 unless there are two
     * resources. With more, the weights stay fixed and the relaxation's choice is each item's
     * cheapest placement, which would pile everything onto the fastest resource: measured on
     * the generated 16×100×4 instance, following it left Choco at a gap of 0.48 after 60 s,
     * against 0.07–0.09 with least-loaded placement.
     */
    int preferred(int i) {
        return resources == 2 ? preferred[i] : -1;
    }

    @Override
    public ESat isEntailed() {
        if (!isCompletelyInstantiated()) {
            return ESat.UNDEFINED;
        }
        long[] total = new long[resources];
        for (int i = 0; i < placed.var.length; i++) {
            for (int p = 0; p < placed.var[i].length; p++) {
                if (vars[placed.var[i][p]].getValue() == 1) {
                    total[placed.resource[i][p]] += placed.load[i][p];
                }
            }
        }
        return ESat.eval(Arrays.stream(total).allMatch(t -> t <= vars[0].getValue()));
    }
}
