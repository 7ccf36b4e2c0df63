package org.terastal.online;

import java.util.Arrays;
import org.terastal.sim.SchedulerContext;

/**
 * The overload guard: admission control that any policy can be combined with. A released frame joins
 * the admitted set, kept in deadline order, and the set must pass a demand test: for every admitted
 * frame g, now + max(g's own remaining planned work, the remaining planned work on any one engine of g
 * and every admitted frame due no later) ≤ g's deadline. While it fails, the frame due no later than
 * the first failing one with the most remaining work on the overloaded engine times its task's rate /
 * weight is <i>rejected</i>: the policy serves it only when no admitted frame can use an idle engine.
 * Under overload, work then goes to frames that can still finish instead of being spread over every
 * frame in flight until all are late.
 *
 * <p>"Planned work" is where the policy expects each layer to run: the offline table's home engine
 * and implementation for Terastal, the engine where the original is fastest for the baselines
 * ({@link #fastestEngines}). The guard reads nothing else of the policy: given the same frames, their
 * progress and the same plan, it rejects the same frames whichever policy orders the admitted ones.
 *
 * <p>The victim score (remaining bottleneck work × rate / weight) frees the most bottleneck work per
 * unit of weighted per-model miss rate it costs: one frame of a task at rate r is 1 / (r · span) of
 * that task's miss rate. Cost: O(admitted) per release; admitted frames are feasible, so the set
 * stays small. A rejected frame stays rejected.
 */
public final class OverloadGuard {
    /** Told when an admitted frame other than the one being released is rejected. */
    @FunctionalInterface
    public interface Listener {
        void rejected(int frame);
    }

    private static final byte ADMITTED = 0;
    private static final byte REJECTED = 1;

    private final boolean rejects;
    private final int[][] engine;
    /** Per engine, the frame whose layer last started there and that layer's index. */
    private final int[] runningFrame;
    private final int[] runningLayer;
    private final long[][] remainingPlanned;
    private final long[][] remainingOn;
    private final int accelerators;
    private SchedulerContext sim;
    private Listener listener = frame -> { };
    /** Per task: rate / weight. */
    private double[] missCost;
    private byte[] cls = new byte[1024];
    private int[] admitted = new int[64];
    private int admittedCount;
    private final long[] cum;
    private double tightest = Double.MAX_VALUE;

    /**
     * A guard for a plan.
     *
     * @param engine  per model and layer, the engine the policy plans to run it on
     * @param latency per model and layer, its latency there
     * @param rejects whether failing frames are rejected; without, the demand test is only measured
     *                ({@link #tightestSlack()}), for an ablation
     */
    public OverloadGuard(int accelerators, int[][] engine, long[][] latency, boolean rejects) {
        this.rejects = rejects;
        this.accelerators = accelerators;
        this.engine = engine;
        runningFrame = new int[accelerators];
        runningLayer = new int[accelerators];
        Arrays.fill(runningFrame, -1);
        cum = new long[accelerators];
        remainingPlanned = new long[engine.length][];
        remainingOn = new long[engine.length][];
        for (int m = 0; m < engine.length; m++) {
            int n = engine[m].length;
            remainingPlanned[m] = new long[n + 1];
            remainingOn[m] = new long[(n + 1) * accelerators];
            for (int l = n - 1; l >= 0; l--) {
                remainingPlanned[m][l] = remainingPlanned[m][l + 1] + latency[m][l];
                for (int a = 0; a < accelerators; a++) {
                    remainingOn[m][l * accelerators + a] = remainingOn[m][(l + 1) * accelerators + a] + (engine[m][l] == a ? latency[m][l] : 0);
                }
            }
        }
    }

    /** A guard that plans every layer's original on the engine where it is fastest (the baselines' plan). */
    public static OverloadGuard fastestEngines(SchedulerContext sim, boolean rejects) {
        int[][] engine = new int[sim.models()][];
        long[][] latency = new long[sim.models()][];
        for (int m = 0; m < engine.length; m++) {
            engine[m] = new int[sim.layers(m)];
            latency[m] = new long[sim.layers(m)];
            for (int l = 0; l < engine[m].length; l++) {
                int best = 0;
                for (int a = 1; a < sim.accelerators(); a++) {
                    if (sim.originalLatency(m, l, a) < sim.originalLatency(m, l, best)) {
                        best = a;
                    }
                }
                engine[m][l] = best;
                latency[m][l] = sim.originalLatency(m, l, best);
            }
        }
        OverloadGuard guard = new OverloadGuard(sim.accelerators(), engine, latency, rejects);
        guard.start(sim);
        return guard;
    }

    /** Binds the guard to a run; call before the first {@link #admit}. */
    public void start(SchedulerContext context) {
        sim = context;
        missCost = context.instance().tasks().stream().mapToDouble(t -> t.fps() / t.weight()).toArray();
    }

    /** Sets who is told about rejections. */
    public void listener(Listener l) {
        listener = l;
    }

    /** Whether the guard rejects frames (false in the ablation that only measures the demand test). */
    public boolean rejects() {
        return rejects;
    }

    /** Whether a frame seen by {@link #admit} is admitted (true for frames it has not seen). */
    public boolean admitted(int frame) {
        return frame >= cls.length || cls[frame] == ADMITTED;
    }

    /** Remaining planned work of a model's frame from layer l on (its whole chain). */
    public long remainingPlanned(int model, int layer) {
        return remainingPlanned[model][layer];
    }

    /** Remaining planned work of a model's frame from layer l on that runs on engine a. */
    public long remainingOn(int model, int layer, int a) {
        return remainingOn[model][layer * accelerators + a];
    }

    /** Told that a frame's next layer starts on an engine (before the dispatch): {@link #reservedFrom} reads it. */
    public void started(int frame, int acc) {
        runningFrame[acc] = frame;
        runningLayer[acc] = sim.nextLayer(frame);
    }

    /**
     * The earliest time an admitted frame running a layer on another engine will want engine
     * {@code acc} for its next layer (when its running layer ends), unless that layer is one of
     * {@code roaming} (per model and layer: layers the policy places wherever they finish first); or
     * {@link Long#MAX_VALUE} if none will. Rejected frames are to stay off such an engine: a layer
     * of theirs started there would hold up the admitted frame's next one (layers are not
     * preempted), and a frame that the guard admitted as feasible would fall behind, frame after frame.
     */
    public long reservedFrom(int acc, long now, boolean[][] roaming) {
        long from = Long.MAX_VALUE;
        for (int b = 0; b < accelerators; b++) {
            int f = runningFrame[b];
            if (b == acc || f < 0 || sim.freeAt(b) <= now || sim.finished(f) || !admitted(f)) {
                continue;
            }
            int m = sim.frameModel(f);
            int next = runningLayer[b] + 1;
            if (next < engine[m].length && !roaming[m][next] && engine[m][next] == acc) {
                from = Math.min(from, sim.freeAt(b));
            }
        }
        return from;
    }

    /**
     * The smallest slack, as a fraction of its relative deadline, of any admitted frame in the last
     * demand test (negative when, without rejection, some frame failed it).
     */
    public double tightestSlack() {
        return tightest;
    }

    /**
     * Admits a released frame and rejects frames until the admitted set passes the demand test. The
     * listener hears of every rejected frame except {@code frame} itself, whose class the caller reads
     * with {@link #admitted} afterwards.
     */
    public void admit(int frame, long now) {
        if (frame >= cls.length) {
            cls = Arrays.copyOf(cls, Math.max(cls.length * 2, frame + 1));
        }
        cls[frame] = ADMITTED;
        if (admittedCount == admitted.length) {
            admitted = Arrays.copyOf(admitted, admittedCount * 2);
        }
        int pos = admittedCount;
        long d = sim.deadline(frame);
        while (pos > 0 && sim.deadline(admitted[pos - 1]) > d) {
            admitted[pos] = admitted[pos - 1];
            pos--;
        }
        admitted[pos] = frame;
        admittedCount++;
        while (true) {
            Arrays.fill(cum, 0);
            tightest = Double.MAX_VALUE;
            int kept = 0;
            int failing = -1;
            int engine = -1;
            for (int i = 0; i < admittedCount; i++) {
                int g = admitted[i];
                if (sim.finished(g) || cls[g] != ADMITTED) {
                    continue;
                }
                admitted[kept++] = g;
                if (failing >= 0 && rejects) {
                    continue;
                }
                int m = sim.frameModel(g);
                int l = sim.nextLayer(g);
                long worst = remainingPlanned[m][l];
                int worstEngine = -1;
                for (int a = 0; a < accelerators; a++) {
                    cum[a] += remainingOn[m][l * accelerators + a];
                    if (cum[a] > worst) {
                        worst = cum[a];
                        worstEngine = a;
                    }
                }
                tightest = Math.min(tightest, (double) (sim.deadline(g) - now - worst) / sim.taskDeadline(sim.frameTask(g)));
                if (failing < 0 && now + worst > sim.deadline(g)) {
                    failing = kept - 1;
                    engine = worstEngine;
                }
            }
            admittedCount = kept;
            if (failing < 0 || !rejects) {
                return;
            }
            int victim = failing;
            if (engine >= 0) {
                double most = -1;
                for (int i = 0; i <= failing; i++) {
                    int g = admitted[i];
                    double w = remainingOn[sim.frameModel(g)][sim.nextLayer(g) * accelerators + engine] * missCost[sim.frameTask(g)];
                    if (w > most) {
                        most = w;
                        victim = i;
                    }
                }
            }
            int g = admitted[victim];
            cls[g] = REJECTED;
            if (g != frame) {
                listener.rejected(g);
            }
        }
    }

    /**
     * The smallest slack, as a fraction of its relative deadline, of any admitted frame if every other
     * admitted frame's remaining planned work ran before it (as an order other than deadline order may
     * make it do): the largest total on one engine over the whole admitted set, or the frame's own
     * chain if longer. Valid right after an {@link #admit} whose test passed.
     */
    public double tightestSlackUnderAnyOrder(long now) {
        long total = 0;
        for (long c : cum) {
            total = Math.max(total, c);
        }
        double t = Double.MAX_VALUE;
        for (int i = 0; i < admittedCount; i++) {
            int g = admitted[i];
            long worst = Math.max(total, remainingPlanned[sim.frameModel(g)][sim.nextLayer(g)]);
            t = Math.min(t, (double) (sim.deadline(g) - now - worst) / sim.taskDeadline(sim.frameTask(g)));
        }
        return t;
    }
}
