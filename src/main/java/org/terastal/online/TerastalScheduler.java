package org.terastal.online;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.Model;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.sim.LongHeap;
import org.terastal.sim.Scheduler;
import org.terastal.sim.SchedulerContext;

/**
 * {@code terastal}: the online dispatcher that reads an offline {@link Solution} (docs/online.md has
 * the measurements behind each rule). Experiments and {@code simulate} hand it the table rescaled to
 * the simulated load by {@code SolutionScaling}, which also homes a model on its fastest engines
 * where the table's home chain leaves it under 5% of its deadline as slack.
 *
 * <p><b>Admission.</b> Released frames pass the {@link OverloadGuard}, planned on the table's homes
 * and implementations: admitted frames are served first, rejected ones only when no admitted frame can
 * use an idle engine. The guard rejects only when late frames are kept: under {@code drop} the
 * simulator already abandons frames that cannot finish, and the guard's pessimistic home-work test
 * then cost frames that could (fewer misses without it on all three design suites);
 * {@code terastal-noguard} admits every frame under both policies.
 *
 * <p><b>No virtual budgets online.</b> Admitted frames are ordered by absolute deadline, and a
 * layer is due when the rest of its frame's home chain still fits before the deadline: deadline − Σ
 * home latency of the later layers. The table's homes, implementations and enabled variants are used;
 * its per-layer budgets (virtual deadlines) are not. With the budgets ({@code terastal-budget}: a layer
 * due at its virtual deadline, admitted frames in virtual-deadline order while the admitted set has
 * headroom) Terastal misses more frames on all three design suites under both late-frame policies
 * (the budgets had saved frames under {@code continue} until rejected frames kept off an admitted
 * frame's next home, below). The offline program still sizes budgets: they are what proves each
 * model's home chain fits its deadline.
 *
 * <p><b>Layers the table leaves alone.</b> A layer whose table implementation is the original on the
 * engine where it is fastest, with no variant enabled, is placed as the baselines place it: on the
 * engine where it finishes first, waiting for a busy faster one. The table adds nothing to such a
 * layer, and home-first with migration by due time moved it to slow engines that EDF's mapping
 * would have waited out (measured on the design suites: fewer misses on all three, most on the
 * XRBench models, which have no variants). The rules below apply to the layers the table re-homes or
 * may run as variants.
 *
 * <p><b>Order.</b> Admitted frames first, then rejected ones, earliest absolute deadline first in
 * each class. Ordering admitted frames by virtual deadline keeps every frame on its pace across the
 * engines, but with little headroom it spreads service over all frames in flight until all are late
 * (docs/online.md, measured with {@code terastal-vdorder}); deadline order is also what the demand
 * test assumes.
 *
 * <p><b>Rejected frames keep off an admitted frame's next home.</b> A decision places the admitted
 * frames (both passes below) before any rejected one; rejected frames then also count as busy an
 * engine where an admitted frame running a layer elsewhere starts its next layer at home, until that
 * layer wants it ({@link OverloadGuard#reservedFrom}). Layers are not preempted: past capacity, rejected
 * layers slipped in between an admitted frame's layers at every engine change and the admitted
 * model fell behind until the guard rejected it too (fewer misses under {@code continue} on all three
 * design suites). Only layers started at home reserve: the guarded baselines, and Terastal's layers the
 * table leaves alone, go where they finish first, and reserving for those cost frames.
 *
 * <p><b>Home first.</b> A decision scans waiting frames in priority order twice: first every frame
 * whose next layer's home engine is free, or whose layer would be late (past its due time, below) by
 * waiting for home, or which is critical (its remaining home chain leaves under {@value #CRITICAL} of
 * its relative deadline as slack: one more blocking near the end of the chain would make it late), is
 * placed (below); then the other frames whose home was busy, in priority order, may migrate to the
 * engines left idle or wait for home. A migrating layer runs
 * 1.35-1.9x slower off its home and used to take the engine a lower-priority frame's layer was homed on
 * (measured on skewed-vision/-xr with MAESTRO latencies: a long frame ran its whole chain on the OS
 * engine while a frame with the same deadline, homed there, starved).
 *
 * <p><b>Mapping.</b> A layer's due time is the latest finish that leaves the rest of its frame its
 * home chain (with budgets, its virtual deadline). The layer runs the table's implementation on its
 * home engine when that engine is free and the layer is done by its due time there; a free home that
 * would be late is left only for an idle engine where the layer finishes sooner. If the home is busy
 * (or promised to a higher-priority frame at this decision), the layer migrates to an idle engine when
 * it is still done in time there, or when it would be late anyway by waiting and migrating finishes no
 * later; otherwise it waits for home. A critical frame has no slack left, so it migrates only to an
 * engine that finishes the layer sooner than waiting for home would.
 * On the migration target it runs its original, unless the original is late and an enabled variant is
 * faster (or the table runs it as a variant and the variant is not slower). At home, a layer the table
 * runs as original switches to its enabled variant when the original would be late and the variant is
 * faster there. Only variants of the table's enabled set are used, so every frame's set of variants is
 * admissible (checked at start).
 */
public class TerastalScheduler implements Scheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal";

    private static final int ADMITTED = 0;
    private static final int REJECTED = 1;
    private static final int SCAN_LIMIT = 64;
    private static final int LAYER_BITS = 20;
    private static final long LAYER_MASK = (1L << LAYER_BITS) - 1;
    /** Marks a held entry whose frame was promised an engine in the first pass (bit 62: frame ids stay below 2^42). */
    private static final long PROMISED = 1L << 62;
    private static final int DISPATCHED = 1;
    private static final int WAITS_FOR_HOME = -1;
    private static final int DEFERRED = 0;
    /**
     * With budgets ({@code terastal-budget}), admitted frames are ordered by virtual deadline only while
     * every admitted frame's slack in the demand test is at least this fraction of its relative deadline
     * (docs/online.md has its sensitivity on the design suites).
     */
    static final double HEADROOM = 0.3;
    /**
     * A frame is critical when, starting its next layer at home as early as that engine allows, its
     * remaining home chain would leave less than this fraction of its relative deadline: one more
     * non-preemptive wait could make it late, so it does not wait for a busy home, and where it goes
     * only its finish time counts (docs/online.md has its sensitivity on the design suites: 0.1-0.15
     * within 0.0006 of each other, 0.15 the fewest misses, 0 the most).
     */
    static final double CRITICAL = 0.15;

    /** How admitted frames are ordered. */
    protected enum Order {
        /** By absolute deadline. */
        DEADLINE,
        /** By the next layer's virtual deadline. */
        VIRTUAL,
        /** By virtual deadline while the admitted set has the headroom ({@link #HEADROOM}), else by absolute deadline. */
        ADAPTIVE
    }

    private final String name;
    private final Solution solution;
    private final boolean variants;
    private final boolean budgets;
    private final Order order;
    private final boolean guarded;
    private final boolean homeFirst;
    private final double headroom;
    private final double critical;

    private SchedulerContext sim;
    private OverloadGuard guard;
    /**
     * Per model and layer: the table runs the original on the engine where it is fastest and enables no
     * variant for it, so the table adds nothing to the layer's placement.
     */
    private boolean[][] natural;
    private int[][] home;
    private Implementation[][] impl;
    private long[][] offset;
    private boolean[][] enabled;
    private long[][] homeLatency;
    private long[] avail;
    private final LongHeap[] queues = {new LongHeap(), new LongHeap()};
    /** Whether the admitted queue is keyed by virtual deadline now. */
    private boolean virtualNow;
    private long[] rekey = new long[64];
    private final long[] heldKey = new long[SCAN_LIMIT];
    private final long[] heldValue = new long[SCAN_LIMIT];

    /** The full policy for a solution table. */
    public TerastalScheduler(Solution solution) {
        this(NAME, solution, true, false, Order.DEADLINE, true, true, HEADROOM, CRITICAL);
    }

    /**
     * For the ablations.
     *
     * @param name     name in outputs
     * @param solution the offline table
     * @param variants whether variants may run (as the table says and beyond it)
     * @param budgets      whether layer deadlines for migration and variant choices are the virtual
     *                     deadlines (else deadline − home latency of the later layers)
     * @param order        how admitted frames are ordered
     * @param guarded      whether the overload guard rejects frames (else every frame is admitted)
     * @param homeFirst    whether layers start at the table's home engine (else every layer goes where it
     *                     finishes first, running an enabled variant where that is faster)
     */
    protected TerastalScheduler(String name, Solution solution, boolean variants, boolean budgets, Order order, boolean guarded,
                                boolean homeFirst) {
        this(name, solution, variants, budgets, order, guarded, homeFirst, HEADROOM, CRITICAL);
    }

    /**
     * With other values of the two constants, for measuring their sensitivity (on the design suites
     * only: docs/evaluation.md).
     *
     * @param headroom the {@link #HEADROOM} threshold; above 1 admitted frames are never in virtual-deadline order
     * @param critical the {@link #CRITICAL} threshold; 0 makes no frame critical
     */
    private TerastalScheduler(String name, Solution solution, boolean variants, boolean budgets, Order order, boolean guarded,
                              boolean homeFirst, double headroom, double critical) {
        if (!(headroom >= 0) || !(critical >= 0) || Double.isInfinite(headroom) || Double.isInfinite(critical)) {
            throw new IllegalArgumentException("The headroom (" + headroom + ") and critical (" + critical
                    + ") thresholds must be finite and not negative, e.g. " + HEADROOM + " and " + CRITICAL);
        }
        this.name = name;
        this.solution = solution;
        this.variants = variants;
        this.budgets = budgets;
        this.order = order;
        this.guarded = guarded;
        this.homeFirst = homeFirst;
        this.headroom = headroom;
        this.critical = critical;
    }

    /**
     * The full policy ({@code terastal}), or with {@code budgets} the {@code terastal-budget} ablation,
     * with other values of the constants ({@link #HEADROOM}, which acts only with budgets, and
     * {@link #CRITICAL}).
     */
    public static TerastalScheduler withConstants(Solution solution, boolean budgets, double headroom, double critical) {
        return budgets
                ? new TerastalScheduler(TerastalBudgetScheduler.NAME, solution, true, true, Order.ADAPTIVE, true, true, headroom, critical)
                : new TerastalScheduler(NAME, solution, true, false, Order.DEADLINE, true, true, headroom, critical);
    }

    @Override
    public String name() {
        return name;
    }

    /** Checks that a solution fits an instance; the message names the first mismatch. */
    public static void validate(Solution solution, Instance instance) {
        List<String> accs = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        for (Model model : instance.models()) {
            ModelPlan plan = solution.models().stream().filter(p -> p.model().equals(model.id())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The solution of '" + solution.instance() + "' has no plan for model '"
                            + model.id() + "'; solve this instance, or give the solution made for it"));
            String where = "The plan of model '" + model.id() + "'";
            if (plan.layers().size() != model.layers().size()) {
                throw new IllegalArgumentException(where + " has " + plan.layers().size() + " layers but the model has "
                        + model.layers().size());
            }
            Set<String> enabledSet = new HashSet<>(plan.enabledVariants());
            for (String v : enabledSet) {
                if (model.candidate(v).isEmpty()) {
                    throw new IllegalArgumentException(where + " enables the variant of '" + v + "', which is not a variant candidate");
                }
            }
            checkAdmissible(model, plan.enabledVariants(), where);
            long previous = 0;
            for (int l = 0; l < plan.layers().size(); l++) {
                LayerPlan lp = plan.layers().get(l);
                String layer = model.layers().get(l).name();
                if (!lp.layer().equals(layer)) {
                    throw new IllegalArgumentException(where + " names layer " + l + " '" + lp.layer() + "' but the model's layer "
                            + l + " is '" + layer + "'");
                }
                if (!accs.contains(lp.home())) {
                    throw new IllegalArgumentException(where + " homes layer '" + layer + "' on '" + lp.home()
                            + "', which is not an accelerator of the platform " + accs);
                }
                if (lp.implementation() == Implementation.VARIANT && !enabledSet.contains(layer)) {
                    throw new IllegalArgumentException(where + " runs the variant of layer '" + layer
                            + "' but does not enable that variant");
                }
                if (lp.deadlineOffsetNs() < previous) {
                    throw new IllegalArgumentException(where + " has a virtual deadline offset at layer '" + layer + "' ("
                            + lp.deadlineOffsetNs() + " ns) below the previous layer's (" + previous + " ns); offsets accumulate budgets");
                }
                previous = lp.deadlineOffsetNs();
            }
        }
    }

    /** Every subset of the enabled set must be measured and meet the model's floor. */
    private static void checkAdmissible(Model model, List<String> enabled, String where) {
        int k = enabled.size();
        if (k > 16) {
            throw new IllegalArgumentException(where + " enables " + k + " variants; at most 16 can be checked subset by subset");
        }
        for (int mask = 1; mask < (1 << k); mask++) {
            Set<String> subset = new HashSet<>();
            for (int i = 0; i < k; i++) {
                if ((mask & (1 << i)) != 0) {
                    subset.add(enabled.get(i));
                }
            }
            OptionalDouble acc = model.normalisedAccuracy(subset);
            if (acc.isEmpty()) {
                throw new IllegalArgumentException(where + " enables " + enabled + " but the accuracy of the subset " + subset
                        + " was never measured; an enabled set may only contain measured combinations");
            }
            if (acc.getAsDouble() < model.accuracyFloor()) {
                throw new IllegalArgumentException(where + " enables " + enabled + " but the subset " + subset + " has normalised accuracy "
                        + acc.getAsDouble() + " below the floor " + model.accuracyFloor());
            }
        }
    }

    @Override
    public void start(SchedulerContext simulator) {
        sim = simulator;
        Instance instance = sim.instance();
        validate(solution, instance);
        int models = sim.models();
        home = new int[models][];
        impl = new Implementation[models][];
        offset = new long[models][];
        enabled = new boolean[models][];
        homeLatency = new long[models][];
        for (int m = 0; m < models; m++) {
            Model model = instance.models().get(m);
            ModelPlan plan = solution.plan(model.id());
            int n = model.layers().size();
            home[m] = new int[n];
            impl[m] = new Implementation[n];
            offset[m] = new long[n];
            enabled[m] = new boolean[n];
            homeLatency[m] = new long[n];
            Set<String> enabledSet = new HashSet<>(plan.enabledVariants());
            for (int l = 0; l < n; l++) {
                LayerPlan lp = plan.layers().get(l);
                home[m][l] = instance.platform().indexOf(lp.home());
                impl[m][l] = lp.implementation();
                offset[m][l] = lp.deadlineOffsetNs();
                enabled[m][l] = variants && enabledSet.contains(lp.layer());
                if (!variants && impl[m][l] == Implementation.VARIANT) {
                    // without variants the layer runs its original where the original is fastest
                    impl[m][l] = Implementation.ORIGINAL;
                    home[m][l] = fastestOriginal(m, l);
                }
                homeLatency[m][l] = sim.latency(m, l, impl[m][l], home[m][l]);
            }
        }
        natural = new boolean[models][];
        for (int m = 0; m < models; m++) {
            int n = home[m].length;
            natural[m] = new boolean[n];
            for (int l = 0; l < n; l++) {
                natural[m][l] = !homeFirst
                        || (impl[m][l] == Implementation.ORIGINAL && !enabled[m][l] && home[m][l] == fastestOriginal(m, l));
            }
        }
        avail = new long[sim.accelerators()];
        // under drop the simulator already abandons frames that cannot finish; rejecting on the guard's
        // pessimistic home-work test then only costs frames that could (measured on the design suites)
        guard = new OverloadGuard(sim.accelerators(), home, homeLatency, guarded && !sim.dropsLateFrames());
        guard.start(sim);
        guard.listener(f -> {
            if (sim.waiting(f)) {
                push(f);
            }
        });
    }

    private int fastestOriginal(int m, int l) {
        int best = 0;
        for (int a = 1; a < sim.accelerators(); a++) {
            if (sim.originalLatency(m, l, a) < sim.originalLatency(m, l, best)) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public boolean mayUseVariant(int model, int layer) {
        return enabled[model][layer];
    }

    /** The deadline the layer should finish by: the latest finish that leaves the rest of the frame its home time, or with budgets its virtual deadline. */
    private long layerDeadline(int f, int m, int l) {
        return budgets ? sim.release(f) + offset[m][l] : sim.deadline(f) - guard.remainingPlanned(m, l + 1);
    }

    @Override
    public void onReady(int frame) {
        if (sim.nextLayer(frame) == 0) {
            long now = sim.now();
            guard.admit(frame, now);
            double tightest = guard.tightestSlack();
            if (order == Order.ADAPTIVE && tightest >= headroom) {
                tightest = guard.tightestSlackUnderAnyOrder(now);
            }
            setOrder(order == Order.VIRTUAL || (order == Order.ADAPTIVE && tightest >= headroom));
        }
        push(frame);
    }

    private int cls(int f) {
        return guard.admitted(f) ? ADMITTED : REJECTED;
    }

    private void push(int f) {
        long value = ((long) f << LAYER_BITS) | sim.nextLayer(f);
        queues[cls(f)].push(key(f), value);
    }

    /** Queue key of a waiting frame: its virtual deadline when admitted frames are ordered so, else its deadline. */
    private long key(int f) {
        return virtualNow && guard.admitted(f) ? layerDeadline(f, sim.frameModel(f), sim.nextLayer(f)) : sim.deadline(f);
    }

    /** Switches the order of the admitted queue, re-keying its current entries (few: admitted frames are feasible). */
    private void setOrder(boolean virtual) {
        if (virtual == virtualNow) {
            return;
        }
        virtualNow = virtual;
        LongHeap q = queues[ADMITTED];
        int n = 0;
        while (!q.isEmpty()) {
            long v = q.pop();
            if (current(v, ADMITTED)) {
                if (n == rekey.length) {
                    rekey = Arrays.copyOf(rekey, n * 2);
                }
                rekey[n++] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            q.push(key((int) (rekey[i] >>> LAYER_BITS)), rekey[i]);
        }
    }

    private boolean current(long value, int expectedClass) {
        int f = (int) (value >>> LAYER_BITS);
        return sim.waiting(f) && sim.nextLayer(f) == (int) (value & LAYER_MASK) && cls(f) == expectedClass;
    }

    @Override
    public void decide(long now) {
        int idle = scan(ADMITTED, now, sim.freeTimes(avail));
        if (idle > 0 && guard.rejects()) {
            // rejected frames get what the admitted ones left, except an engine where an admitted frame running
            // elsewhere starts its next layer at home: one of their layers there would hold that frame up
            idle = 0;
            for (int a = 0; a < avail.length; a++) {
                long reserved = guard.reservedFrom(a, now, natural);
                if (reserved != Long.MAX_VALUE) {
                    avail[a] = Math.max(avail[a], reserved);
                }
                if (avail[a] <= now) {
                    idle++;
                }
            }
            scan(REJECTED, now, idle);
        }
    }

    /** Both passes of a decision over the waiting frames of one class; returns how many engines are still idle. */
    private int scan(int c, long now, int idle) {
        int kept = 0;
        LongHeap q = queues[c];
        while (idle > 0 && kept < SCAN_LIMIT) {
            while (!q.isEmpty() && !current(q.peekValue(), c)) {
                q.pop(); // stale: the frame moved on, finished or changed class
            }
            if (q.isEmpty()) {
                break;
            }
            long key = q.peekKey();
            long value = q.pop();
            int f = (int) (value >>> LAYER_BITS);
            if (natural[sim.frameModel(f)][sim.nextLayer(f)]) {
                // a layer the table leaves where it is fastest goes where it finishes first, as under EDF
                int m = sim.frameModel(f);
                int l = sim.nextLayer(f);
                int best = EarliestFinishScheduler.earliestFinish(sim, now, avail, m, l);
                long finish = Math.max(now, avail[best]) + sim.originalLatency(m, l, best);
                Implementation use = Implementation.ORIGINAL;
                for (int a = 0; a < avail.length && enabled[m][l]; a++) {
                    // without home-first an enabled variant runs wherever it finishes first
                    long variantFinish = Math.max(now, avail[a]) + sim.latency(m, l, Implementation.VARIANT, a);
                    if (variantFinish < finish) {
                        best = a;
                        finish = variantFinish;
                        use = Implementation.VARIANT;
                    }
                }
                if (avail[best] <= now) {
                    dispatch(f, best, use);
                    idle--;
                    avail[best] = finish;
                    continue;
                }
                avail[best] = finish;
                heldKey[kept] = key;
                heldValue[kept++] = value | PROMISED;
            } else {
                int placed = placeAtHome(f, now);
                if (placed == DISPATCHED) {
                    idle--;
                } else {
                    // a frame promised its home here must not be placed again against its own promise
                    heldKey[kept] = key;
                    heldValue[kept++] = placed == WAITS_FOR_HOME ? value | PROMISED : value;
                }
            }
        }
        // frames whose home is busy may migrate to what engines the scan left idle, in priority order
        for (int i = 0; i < kept && idle > 0; i++) {
            if ((heldValue[i] & PROMISED) == 0 && place((int) (heldValue[i] >>> LAYER_BITS), now)) {
                idle--;
                heldValue[i] = -1;
            }
        }
        for (int i = 0; i < kept; i++) {
            if (heldValue[i] >= 0) {
                q.push(heldKey[i], heldValue[i] & ~PROMISED);
            }
        }
        return idle;
    }

    /**
     * First pass of a decision: places the frame's next layer as {@link #place} does if its home engine
     * is free, if waiting for home would miss the layer's deadline, or if the frame is
     * {@linkplain #critical critical} (an urgent layer may still migrate first), and says whether it was
     * dispatched or promised its home; otherwise promises nothing and defers the frame to the second pass.
     */
    private int placeAtHome(int f, long now) {
        int m = sim.frameModel(f);
        int l = sim.nextLayer(f);
        int h = home[m][l];
        long homeStart = Math.max(now, avail[h]);
        if (avail[h] <= now || homeStart + homeLatency[m][l] > layerDeadline(f, m, l) || critical(f, homeStart)) {
            return place(f, now) ? DISPATCHED : WAITS_FOR_HOME;
        }
        return DEFERRED;
    }

    /** Whether the frame has less than {@link #CRITICAL} slack if its next layer starts at {@code start}. */
    private boolean critical(int f, long start) {
        int m = sim.frameModel(f);
        return sim.deadline(f) - start - guard.remainingPlanned(m, sim.nextLayer(f)) < critical * sim.taskDeadline(sim.frameTask(f));
    }

    private void dispatch(int f, int acc, Implementation use) {
        guard.started(f, acc);
        sim.dispatch(f, acc, use);
    }

    /** Dispatches the frame's next layer now, or promises it its home engine; true when dispatched. */
    private boolean place(int f, long now) {
        int m = sim.frameModel(f);
        int l = sim.nextLayer(f);
        int h = home[m][l];
        long due = layerDeadline(f, m, l);
        Implementation atHome = impl[m][l];
        long homeFinish = Math.max(now, avail[h]) + homeLatency[m][l];
        if (enabled[m][l] && atHome == Implementation.ORIGINAL && homeFinish > due) {
            long v = sim.latency(m, l, Implementation.VARIANT, h);
            if (v < homeLatency[m][l]) {
                atHome = Implementation.VARIANT;
                homeFinish = Math.max(now, avail[h]) + v;
            }
        }
        boolean homeFree = avail[h] <= now;
        boolean critical = !homeFree && critical(f, avail[h]);
        if (homeFree && homeFinish <= due) {
            dispatch(f, h, atHome);
            avail[h] = homeFinish;
            return true;
        }
        int bestAcc = -1;
        Implementation bestImpl = null;
        long bestFinish = Long.MAX_VALUE;
        for (int a = 0; a < avail.length; a++) {
            if (a == h || avail[a] > now) {
                continue;
            }
            long orig = sim.originalLatency(m, l, a);
            long var = enabled[m][l] ? sim.latency(m, l, Implementation.VARIANT, a) : Long.MAX_VALUE;
            Implementation choice;
            if (impl[m][l] == Implementation.VARIANT) {
                choice = orig < var ? Implementation.ORIGINAL : Implementation.VARIANT;
            } else {
                choice = now + orig <= due || var >= orig ? Implementation.ORIGINAL : Implementation.VARIANT;
            }
            long finish = now + (choice == Implementation.ORIGINAL ? orig : var);
            // a free home is left only for an engine that finishes sooner, and so is a busy one by a
            // critical frame (its slack is spent: only the finish time counts); else the layer moves
            // when it is still done by its due time, or would be late anyway and finishes no later
            boolean worth = homeFree || critical ? finish < homeFinish : finish <= due || (homeFinish > due && finish <= homeFinish);
            if (worth && finish < bestFinish) {
                bestAcc = a;
                bestImpl = choice;
                bestFinish = finish;
            }
        }
        if (bestAcc >= 0) {
            dispatch(f, bestAcc, bestImpl);
            avail[bestAcc] = bestFinish;
            return true;
        }
        avail[h] = homeFinish;
        if (homeFree) {
            dispatch(f, h, atHome);
            return true;
        }
        return false;
    }

    /** The solution this scheduler reads. */
    public Solution solution() {
        return solution;
    }

}
