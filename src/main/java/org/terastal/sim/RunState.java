package org.terastal.sim;

import java.util.Arrays;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;

/**
 * The state of one run (time, frames, accelerators) and the {@link SchedulerContext} view of it:
 * every read a {@link Scheduler} makes is answered here. The {@link Simulator} extends it with what
 * changes the state: the event loop and {@link SchedulerContext#dispatch dispatch}. State and
 * kernel are one object so that a scheduler's read is a field load on the object it was given; the
 * tables fixed before the run are in {@link #compiled}.
 *
 * <p>Per frame, the fields a dispatch and a completion touch are kept in {@value #FRAME_STRIDE}
 * longs at {@code f·FRAME_STRIDE} (the F_ offsets): a layer's dispatch and completion then read 64
 * contiguous bytes instead of eight arrays (docs/benchmarks.md).
 */
abstract class RunState implements SchedulerContext {
    static final byte WAITING = 0;
    static final byte RUNNING = 1;
    static final byte ON_TIME = 2;
    static final byte LATE = 3;
    static final byte DROPPED = 4;
    static final int NO_FRAME = -1;

    static final int FRAME_STRIDE = 8;
    static final int F_RELEASE = 0;
    static final int F_DEADLINE = 1;
    /** First dispatch, or -1. */
    static final int F_START = 2;
    /** Completion or drop, or -1. */
    static final int F_FINISH = 3;
    static final int F_READY = 4;
    static final int F_VARIANTS = 5;
    static final int F_NEXT = 6;
    /** Task index in the low 32 bits, index within the task in the high 32. */
    static final int F_TASK_INDEX = 7;
    /** Largest number of frames {@link #perFrame} can hold. */
    static final int MAX_FRAMES = Integer.MAX_VALUE / FRAME_STRIDE;

    final CompiledInstance compiled;
    // the tables of compiled that schedulers read per decision, copied out of it: a field of this object is one
    // load where compiled.x is two, which made whole runs about 10 % slower (measured under edf)
    final int accelerators;
    /** {@link CompiledInstance#lat}. */
    final long[][] lat;
    final int[] layerCount;
    final int[] taskModel;
    final long[] taskDeadline;
    /** The late-frame policy is {@link LatePolicy#DROP}: read per event, so copied out of the configuration. */
    final boolean drop;

    // filled by settleFastest once the scheduler has said which variants it may use, before the first event
    /** Per model and layer: whether the scheduler may run the layer as its variant. */
    final boolean[][] variantAllowed;
    final long[][] fastest;
    final long[][] remainingFastest;

    long now;

    // frames, indexed by frame id
    int frames;
    long[] perFrame;
    int[] fParent;
    byte[] fState;

    // accelerators
    final int[] accFrame;
    final int[] accLayer;
    /** Ordinal of the running layer's implementation (a byte, not the enum: no reference store per dispatch). */
    final byte[] accImpl;
    final long[] accStart;
    final long[] accFreeAt;

    RunState(CompiledInstance compiled, boolean drop) {
        this.compiled = compiled;
        accelerators = compiled.accelerators;
        lat = compiled.lat;
        layerCount = compiled.layerCount;
        taskModel = compiled.taskModel;
        taskDeadline = compiled.taskDeadline;
        this.drop = drop;
        int models = compiled.modelIds.length;
        variantAllowed = new boolean[models][];
        fastest = new long[models][];
        remainingFastest = new long[models][];
        int accs = accelerators;
        accFrame = new int[accs];
        Arrays.fill(accFrame, NO_FRAME);
        accLayer = new int[accs];
        accImpl = new byte[accs];
        accStart = new long[accs];
        accFreeAt = new long[accs];
    }

    /**
     * Fills {@link #variantAllowed}, {@link #fastest} and {@link #remainingFastest} from the variants
     * the scheduler declares it may use.
     */
    void settleFastest(Scheduler scheduler) {
        for (int m = 0; m < compiled.modelIds.length; m++) {
            int n = layerCount[m];
            variantAllowed[m] = new boolean[n];
            fastest[m] = new long[n];
            remainingFastest[m] = new long[n + 1];
            for (int l = 0; l < n; l++) {
                variantAllowed[m][l] = compiled.candidateIndex[m][l] >= 0 && scheduler.mayUseVariant(m, l);
                long best = Long.MAX_VALUE;
                for (int a = 0; a < accelerators; a++) {
                    best = Math.min(best, originalLatency(m, l, a));
                    if (variantAllowed[m][l]) {
                        best = Math.min(best, latency(m, l, Implementation.VARIANT, a));
                    }
                }
                fastest[m][l] = best;
            }
            for (int l = n - 1; l >= 0; l--) {
                remainingFastest[m][l] = remainingFastest[m][l + 1] + fastest[m][l];
            }
        }
    }

    @Override
    public Instance instance() {
        return compiled.instance;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public int accelerators() {
        return accelerators;
    }

    @Override
    public int models() {
        return compiled.modelIds.length;
    }

    @Override
    public int tasks() {
        return compiled.tasks;
    }

    @Override
    public long freeAt(int acc) {
        return accFrame[acc] == NO_FRAME ? now : accFreeAt[acc];
    }

    @Override
    public int layers(int model) {
        return layerCount[model];
    }

    /** Latency in ns, or {@link LatencyTable#NONE} for the variant of a non-candidate layer. */
    @Override
    public long latency(int model, int layer, Implementation impl, int acc) {
        return lat[model][(layer * 2 + impl.ordinal()) * accelerators + acc];
    }

    @Override
    public long originalLatency(int model, int layer, int acc) {
        return lat[model][(layer * 2) * accelerators + acc];
    }

    @Override
    public long fastestLatency(int model, int layer) {
        return fastest[model][layer];
    }

    @Override
    public long remainingFastest(int model, int layer) {
        return remainingFastest[model][layer];
    }

    @Override
    public boolean waiting(int frame) {
        return fState[frame] == WAITING;
    }

    @Override
    public boolean finished(int frame) {
        return fState[frame] >= ON_TIME;
    }

    @Override
    public int frameTask(int frame) {
        return (int) perFrame[frame * FRAME_STRIDE + F_TASK_INDEX];
    }

    @Override
    public int frameModel(int frame) {
        return taskModel[frameTask(frame)];
    }

    @Override
    public int frameIndex(int frame) {
        return (int) (perFrame[frame * FRAME_STRIDE + F_TASK_INDEX] >>> 32);
    }

    @Override
    public int nextLayer(int frame) {
        return (int) perFrame[frame * FRAME_STRIDE + F_NEXT];
    }

    @Override
    public long release(int frame) {
        return perFrame[frame * FRAME_STRIDE + F_RELEASE];
    }

    @Override
    public long deadline(int frame) {
        return perFrame[frame * FRAME_STRIDE + F_DEADLINE];
    }

    @Override
    public long readyAt(int frame) {
        return perFrame[frame * FRAME_STRIDE + F_READY];
    }

    @Override
    public boolean dropsLateFrames() {
        return drop;
    }

    @Override
    public long taskDeadline(int task) {
        return taskDeadline[task];
    }

    @Override
    public int taskModel(int task) {
        return taskModel[task];
    }
}
