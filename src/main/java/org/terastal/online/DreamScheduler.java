package org.terastal.online;

import java.util.Arrays;
import org.terastal.domain.Implementation;
import org.terastal.sim.Scheduler;
import org.terastal.sim.SchedulerContext;

/**
 * {@code dream}: the score-based dispatcher of DREAM (Kim et al., ASPLOS 2023), reconstructed from its
 * public description (docs/online.md says what is published and what is ours). At a decision each task's oldest waiting frame is a candidate (frames of one task
 * are served in release order, like DREAM's per-model request queues) and gets
 *
 * <pre>
 *   score = Urgency + α·Fairness + γ·Preference
 *   Urgency    = min(1, remaining work / slack), and 1 when slack ≤ 0
 *   Fairness   = time waited since the layer became ready / the layer's fastest latency
 *   Preference = 1 when the accelerator where the layer is fastest is free now, else 0
 * </pre>
 *
 * remaining work = the frame's remaining layers at their fastest; slack = deadline − now. The
 * candidate with the highest score goes first (ties: earlier deadline, then lower task index) and is
 * mapped like {@code fcfs} and {@code edf} (earliest finish, may wait for a busy faster engine), so the
 * three baselines differ only in their ordering. Urgency and fairness are fixed within a decision;
 * after each pick only the preference term is re-evaluated, because it changes as engines are taken.
 *
 * <p>α starts at {@value #DEFAULT_ALPHA}: a layer that has waited ten times its own latency gains as
 * much as full urgency, so long-deferred small layers are not starved by urgent large ones. γ starts
 * at {@value #DEFAULT_GAMMA}: a frame that can start at full speed now is preferred over one of equal
 * urgency that would wait or run slowly, but a clearly more urgent frame still wins. {@code dream}
 * adapts both online ({@link DreamAdaptation}, a reconstruction of DREAM's published "gradient
 * descent-like" tuning); {@code dream-fixed} keeps them, as an ablation.
 */
public final class DreamScheduler implements Scheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "dream";
    /** The ablation with fixed weights. */
    public static final String NAME_FIXED = "dream-fixed";
    /** Default weight of the fairness term. */
    public static final double DEFAULT_ALPHA = 0.1;
    /** Default weight of the accelerator-preference term. */
    public static final double DEFAULT_GAMMA = 0.5;

    private double alpha;
    private double gamma;
    private final boolean adaptive;
    private DreamAdaptation adaptation;
    private SchedulerContext sim;
    /**
     * Per task, its waiting frames as a bit set over the frame's index within the task. A task's
     * frames are released in index order, so its oldest waiting frame (the candidate) is the lowest
     * set bit: no heap, and a dropped frame is simply cleared.
     */
    private long[][] waitingBits;
    /** Per task, frame id by index within the task (for the frames seen so far). */
    private int[][] frameOf;
    /** Per task, a word of {@link #waitingBits} at or below its lowest set bit. */
    private int[] lowWord;
    /** Per task, one past the word of its newest frame: where the search for a waiting frame ends. */
    private int[] endWord;
    private long[] avail;
    private double[] base;
    private int[] held;
    /**
     * Per model, for layer l at {@code LAYER_STRIDE·l}: the remaining work from it at the fastest, its
     * fastest latency, and the accelerator where its original is fastest (the preferred engine). One
     * array per model instead of three tables made DREAM about 10 % faster (docs/benchmarks.md).
     * Built when the first frame becomes ready: the simulator computes the fastest latencies after
     * {@link #start}, from the variants each scheduler declares.
     */
    private long[][] layerInfo;
    private static final int LAYER_STRIDE = 3;
    private static final int L_REMAINING = 0;
    private static final int L_FASTEST = 1;
    private static final int L_PREFERRED = 2;

    /**
     * Per task with a waiting frame, its head frame and the parts of its score that do not depend on the
     * time, in {@value #STRIDE} longs at {@code t·STRIDE} (the C_ offsets). A decision scores from
     * this table, and every change to a task's queue settles its entry at once, mostly without a
     * search: a frame that becomes ready is the new head only if the queue was empty or it is older
     * than the head, and a head that is taken or dropped is followed by the next set bit of its word
     * when there is one. Settling at once instead of marking the task for a look-up at the next
     * decision made DREAM 10-20 % faster, and one stretch per task instead of one array per field
     * about 14 % before that (docs/benchmarks.md). DreamReferenceTest holds this table to a DREAM that
     * caches nothing.
     */
    private long[] cand;
    private static final int STRIDE = 8;
    private static final int C_DEADLINE = 0;
    private static final int C_REMAINING = 1;
    private static final int C_READY = 2;
    private static final int C_FASTEST = 3;
    private static final int C_PREFERRED = 4;
    private static final int C_FRAME = 5;
    private static final int C_INDEX = 6;
    /** Model index in the high 32 bits, layer index in the low 32. */
    private static final int C_MODEL_LAYER = 7;
    /** Bit t set: task t has a waiting frame; only these are scored. */
    private long[] activeWords;

    /** DREAM with the default starting weights, adapted online. */
    public DreamScheduler() {
        this(DEFAULT_ALPHA, DEFAULT_GAMMA, true);
    }

    /** DREAM with the default weights, fixed ({@code dream-fixed}). */
    public static DreamScheduler fixed() {
        return new DreamScheduler(DEFAULT_ALPHA, DEFAULT_GAMMA, false);
    }

    /** DREAM with given (starting) weights of the fairness and preference terms (both ≥ 0), adapted online or fixed. */
    public DreamScheduler(double alpha, double gamma, boolean adaptive) {
        if (!(alpha >= 0) || !(gamma >= 0) || Double.isInfinite(alpha) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("The DREAM weights alpha (" + alpha + ") and gamma (" + gamma
                    + ") must be finite and not negative");
        }
        this.alpha = alpha;
        this.gamma = gamma;
        this.adaptive = adaptive;
    }

    @Override
    public String name() {
        return adaptive ? NAME : NAME_FIXED;
    }

    /** The fairness weight now. */
    double alpha() {
        return alpha;
    }

    /** The preference weight now. */
    double gamma() {
        return gamma;
    }

    @Override
    public void start(SchedulerContext simulator) {
        sim = simulator;
        int tasks = sim.tasks();
        waitingBits = new long[tasks][1];
        frameOf = new int[tasks][64];
        lowWord = new int[tasks];
        endWord = new int[tasks];
        avail = new long[sim.accelerators()];
        base = new double[tasks];
        cand = new long[tasks * STRIDE];
        activeWords = new long[(tasks + 63) >>> 6];
        held = new int[EarliestFinishScheduler.SCAN_LIMIT];
        layerInfo = null;
        adaptation = adaptive ? new DreamAdaptation(sim, alpha, gamma) : null;
    }

    @Override
    public void onReady(int frame) {
        int t = sim.frameTask(frame);
        int k = sim.frameIndex(frame);
        if (k >= frameOf[t].length) {
            frameOf[t] = Arrays.copyOf(frameOf[t], Math.max((k | 63) + 1, frameOf[t].length * 2));
            waitingBits[t] = Arrays.copyOf(waitingBits[t], frameOf[t].length >>> 6);
        }
        frameOf[t][k] = frame;
        endWord[t] = Math.max(endWord[t], (k >>> 6) + 1);
        addWaiting(t, k, frame);
        if (adaptation != null && sim.nextLayer(frame) == 0) {
            adaptation.released(t);
        }
    }

    @Override
    public void onDropped(int frame) {
        int t = sim.frameTask(frame);
        int k = sim.frameIndex(frame);
        long[] bits = waitingBits[t];
        bits[k >>> 6] &= ~(1L << k);
        if (isActive(t) && cand[t * STRIDE + C_FRAME] == frame) {
            advance(t, bits, k >>> 6); // only the head's removal changes the candidate
        }
        if (adaptation != null) {
            adaptation.missed(t);
        }
    }

    /**
     * Adds the frame (index k of task t) to the task's waiting set. It becomes the candidate only if
     * the task had none or it is older than the current one.
     */
    private void addWaiting(int t, int k, int frame) {
        int w = k >>> 6;
        waitingBits[t][w] |= 1L << k;
        if (w < lowWord[t]) {
            lowWord[t] = w;
        }
        if (!isActive(t) || k < cand[t * STRIDE + C_INDEX]) {
            fill(t, k, frame);
        }
    }

    @Override
    public long promisedUntil(int acc) {
        return avail[acc];
    }

    @Override
    public void decide(long now) {
        int idle = sim.freeTimes(avail);
        if (idle == 0) {
            return; // nothing can start: scoring would be wasted (a release while every engine is busy)
        }
        if (adaptation != null && adaptation.due(now)) {
            adaptation.adapt(now);
            alpha = adaptation.alpha();
            gamma = adaptation.gamma();
        }
        // the first pick scores every candidate on the way; later picks of this decision reuse the scores
        int pick = -1;
        double pickScore = Double.NEGATIVE_INFINITY;
        if (activeWords.length == 1 && Long.bitCount(activeWords[0]) == 1) {
            // a single candidate is picked whatever its score, and no later pick compares with it
            pick = Long.numberOfTrailingZeros(activeWords[0]);
        } else {
            for (int w = 0; w < activeWords.length; w++) {
                for (long bits = activeWords[w]; bits != 0; bits &= bits - 1) {
                    int t = (w << 6) + Long.numberOfTrailingZeros(bits);
                    double b = baseScore(t, now);
                    base[t] = b;
                    double s = b + (avail[(int) cand[t * STRIDE + C_PREFERRED]] <= now ? gamma : 0);
                    if (beats(t, s, pick, pickScore)) {
                        pick = t;
                        pickScore = s;
                    }
                }
            }
        }
        int kept = 0;
        while (pick >= 0) {
            int c = pick * STRIDE;
            int f = (int) cand[c + C_FRAME];
            int k = (int) cand[c + C_INDEX];
            long modelLayer = cand[c + C_MODEL_LAYER];
            int m = (int) (modelLayer >>> 32);
            int l = (int) modelLayer;
            long[] bits = waitingBits[pick];
            bits[k >>> 6] &= ~(1L << k);
            int best = EarliestFinishScheduler.earliestFinish(sim, now, avail, m, l);
            long bestFinish = Math.max(now, avail[best]) + sim.originalLatency(m, l, best);
            if (avail[best] <= now) {
                sim.dispatch(f, best, Implementation.ORIGINAL);
                idle--;
                if (adaptation != null && l == sim.layers(m) - 1 && bestFinish > sim.deadline(f)) {
                    adaptation.missed(pick); // its last layer ends past the deadline: late, whatever comes
                }
            } else {
                held[kept++] = f;
            }
            avail[best] = bestFinish;
            advance(pick, bits, k >>> 6);
            if (idle == 0) {
                break;
            }
            if (isActive(pick)) {
                base[pick] = baseScore(pick, now);
            }
            pick = kept < held.length ? bestCandidate(now) : -1;
        }
        for (int i = 0; i < kept; i++) {
            addWaiting(sim.frameTask(held[i]), sim.frameIndex(held[i]), held[i]);
        }
    }

    /** The task whose candidate scores highest with the current preference terms (ties: earlier deadline, lower task), or -1. */
    private int bestCandidate(long now) {
        int pick = -1;
        double pickScore = Double.NEGATIVE_INFINITY;
        for (int w = 0; w < activeWords.length; w++) {
            for (long bits = activeWords[w]; bits != 0; bits &= bits - 1) {
                int t = (w << 6) + Long.numberOfTrailingZeros(bits);
                double s = base[t] + (avail[(int) cand[t * STRIDE + C_PREFERRED]] <= now ? gamma : 0);
                if (beats(t, s, pick, pickScore)) {
                    pick = t;
                    pickScore = s;
                }
            }
        }
        return pick;
    }

    /** Whether task t with score s goes before the current pick: higher score, then earlier deadline (then lower task: t comes later in the scan). */
    private boolean beats(int t, double s, int pick, double pickScore) {
        return s > pickScore || (s == pickScore && cand[t * STRIDE + C_DEADLINE] < cand[pick * STRIDE + C_DEADLINE]);
    }

    /**
     * Urgency + α·Fairness of the task's head frame: fixed within one decision, so computed once per
     * candidate; only the preference term changes as engines are taken.
     */
    private double baseScore(int t, long now) {
        int c = t * STRIDE;
        long slack = cand[c + C_DEADLINE] - now;
        long remaining = cand[c + C_REMAINING];
        double urgency = slack <= 0 || remaining >= slack ? 1 : (double) remaining / slack;
        double fairness = (double) (now - cand[c + C_READY]) / cand[c + C_FASTEST];
        return urgency + alpha * fairness;
    }

    private long[][] buildLayerInfo() {
        long[][] info = new long[sim.models()][];
        for (int m = 0; m < info.length; m++) {
            info[m] = new long[LAYER_STRIDE * sim.layers(m)];
            for (int l = 0; l < sim.layers(m); l++) {
                int preferred = 0;
                for (int a = 1; a < sim.accelerators(); a++) {
                    if (sim.originalLatency(m, l, a) < sim.originalLatency(m, l, preferred)) {
                        preferred = a;
                    }
                }
                info[m][LAYER_STRIDE * l + L_REMAINING] = sim.remainingFastest(m, l);
                info[m][LAYER_STRIDE * l + L_FASTEST] = sim.fastestLatency(m, l);
                info[m][LAYER_STRIDE * l + L_PREFERRED] = preferred;
            }
        }
        return info;
    }

    private boolean isActive(int t) {
        return (activeWords[t >>> 6] & (1L << t)) != 0;
    }

    /**
     * Task t's head, in word w of its waiting set, has just been cleared: the next head is the next
     * set bit of that word, or none when the words beyond are empty too, or else found by a search.
     */
    private void advance(int t, long[] bits, int w) {
        long word = bits[w];
        if (word != 0) {
            int k = (w << 6) + Long.numberOfTrailingZeros(word);
            fill(t, k, frameOf[t][k]);
        } else if (w + 1 >= endWord[t]) {
            activeWords[t >>> 6] &= ~(1L << t);
        } else {
            int k = head(t);
            if (k < 0) {
                activeWords[t >>> 6] &= ~(1L << t);
            } else {
                fill(t, k, frameOf[t][k]);
            }
        }
    }

    /** Makes frame f task t's candidate and caches what its score needs. */
    private void fill(int t, int k, int f) {
        if (layerInfo == null) {
            layerInfo = buildLayerInfo();
        }
        // every load before the first store: the compiler must assume a store to one long[] may change another
        int m = sim.taskModel(t);
        int l = sim.nextLayer(f);
        long deadline = sim.deadline(f);
        long ready = sim.readyAt(f);
        long[] info = layerInfo[m];
        int i = LAYER_STRIDE * l;
        long remaining = info[i + L_REMAINING];
        long fastest = info[i + L_FASTEST];
        long preferred = info[i + L_PREFERRED];
        int c = t * STRIDE;
        cand[c + C_FRAME] = f;
        cand[c + C_INDEX] = k;
        cand[c + C_MODEL_LAYER] = ((long) m << 32) | l;
        cand[c + C_DEADLINE] = deadline;
        cand[c + C_REMAINING] = remaining;
        cand[c + C_READY] = ready;
        cand[c + C_FASTEST] = fastest;
        cand[c + C_PREFERRED] = preferred;
        activeWords[t >>> 6] |= 1L << t;
    }

    /** The index within its task of the task's oldest waiting frame, or -1. */
    private int head(int t) {
        long[] bits = waitingBits[t];
        int end = endWord[t];
        int w = lowWord[t];
        while (w < end && bits[w] == 0) {
            w++;
        }
        lowWord[t] = w;
        return w == end ? -1 : (w << 6) + Long.numberOfTrailingZeros(bits[w]);
    }
}
