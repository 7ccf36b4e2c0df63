package org.terastal.sim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.terastal.domain.Decimals;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Limits;
import org.terastal.domain.Model;
import org.terastal.domain.Task;

/**
 * The discrete-event simulator of periodic multi-DNN workloads on a set of accelerators: the
 * kernel that applies events to the run's state ({@link RunState}, which is also what the
 * scheduler reads) over the instance's lookup tables ({@link CompiledInstance}).
 *
 * <p>Semantics (docs/online.md): time is integer ns. Frame k of a periodic task is released at
 * {@code offset + k·T + jitter}, jitter uniform in [0, jitterNs] from the task's own named random
 * stream; its absolute deadline is release + relative deadline. A cascaded task releases a frame when
 * a parent frame completes, with the dependency's probability (a coin from the child's own stream);
 * its release offset and jitter are not used. Layers of a frame run in order, each non-preemptively
 * on exactly one accelerator, one layer per accelerator at a time, for exactly the latency-table
 * entry of the chosen implementation on that accelerator. Events at the same time are applied in
 * the order (kind: completion, release, cascade release; then scheduling order), then the scheduler
 * is asked for a decision if an accelerator is idle and a frame is waiting.
 *
 * <p>Under {@link LatePolicy#DROP}, before every decision each waiting frame that cannot meet its
 * deadline even if every remaining layer ran at its fastest (the fastest implementation the scheduler
 * may use, on the fastest accelerator) is dropped, with no cascaded children. A frame whose layer is
 * running is tested when that layer ends. Periodic releases stop at the horizon; the run then drains:
 * it ends when every released frame has completed or been dropped.
 *
 * <p>The hot path uses primitive arrays only: no boxing and no allocation per event, except when an
 * array grows.
 */
public final class Simulator extends RunState {
    private static final byte VARIANT = (byte) Implementation.VARIANT.ordinal();
    /** Largest initial size of the per-frame and per-layer arrays; beyond it they grow by doubling. */
    private static final int INITIAL_CAPACITY_LIMIT = 1 << 24;

    // the compiled tables only the kernel reads per event, copied out as RunState copies the others
    private final int[][] candidateIndex;
    private final int[][] taskChildren;
    private final double[] taskProbability;
    private final Scheduler scheduler;
    private final SimConfig config;
    /** Whether the timeline is kept: read per completion, so copied out of {@link #config}. */
    private final boolean recordTrace;
    private final RandomStream[] jitterStream;
    private final RandomStream[] cascadeStream;

    private final EventQueue events;
    private final LongHeap dropQueue = new LongHeap();
    private boolean[] fInDropQueue;
    private int waitingCount;
    private final int[] nextFrameIndex;
    private int idleCount;
    private final long[] accBusy;
    private final long[] accDispatches;
    private long dispatches;

    // timeline, one entry per executed layer
    private int layersRun;
    /** {@value Trace#STRIDE} longs per executed layer, laid out by {@link Trace#put}: one array written per completion, not six. */
    private long[] timeline;

    private Simulator(CompiledInstance compiled, Scheduler scheduler, SimConfig config, Size size) {
        super(compiled, config.late() == LatePolicy.DROP);
        candidateIndex = compiled.candidateIndex;
        taskChildren = compiled.taskChildren;
        taskProbability = compiled.taskProbability;
        this.scheduler = scheduler;
        this.config = config;
        recordTrace = config.recordTrace();
        int tasks = compiled.tasks;
        jitterStream = new RandomStream[tasks];
        cascadeStream = new RandomStream[tasks];
        for (int t = 0; t < tasks; t++) {
            String id = compiled.instance.tasks().get(t).id();
            jitterStream[t] = new RandomStream(config.seed(), "release-jitter/" + id);
            cascadeStream[t] = new RandomStream(config.seed(), "cascade/" + id);
        }
        nextFrameIndex = new int[tasks];
        events = new EventQueue(compiled.accelerators);
        accBusy = new long[compiled.accelerators];
        accDispatches = new long[compiled.accelerators];
        idleCount = compiled.accelerators;
        // sized for the whole run up front: regrowing arrays of millions of entries cost more than
        // recording them (docs/benchmarks.md)
        allocateFrames((int) Math.min(Math.max(size.frames(), 256), INITIAL_CAPACITY_LIMIT));
        int cap = recordTrace ? (int) Math.min(Math.max(size.layers(), 1024), INITIAL_CAPACITY_LIMIT) : 0;
        timeline = new long[cap * Trace.STRIDE];
    }

    /**
     * Runs one simulation: scales the instance by {@code config.load()}, validates it against the
     * latency table, builds the scheduler for the scaled instance and simulates.
     *
     * @throws IllegalArgumentException when the configuration cannot be simulated (the message says why)
     * @throws IllegalStateException    when the scheduler breaks the rules (dispatches to a busy
     *                                  accelerator, or leaves frames waiting forever)
     */
    public static SimResult run(Instance instance, LatencyTable latency, SchedulerFactory factory, SimConfig config) {
        Instance scaled = scaled(instance, config);
        CompiledInstance compiled = new CompiledInstance(scaled, latency);
        Size size = size(scaled, latency, config.horizonNs());
        checkSize(scaled, size, config);
        Scheduler scheduler = factory.create(scaled, latency);
        Simulator sim = new Simulator(compiled, scheduler, config, size);
        sim.prepare();
        sim.loop();
        return sim.result();
    }

    /**
     * Upper bounds of one run, counted from the rates before it starts.
     *
     * @param frames frames released: the periodic releases before the horizon, and for a cascaded task one
     *               per frame of the periodic task at the head of its chain
     * @param layers layers executed, so rows of the timeline: every layer of every frame
     * @param workNs the frames' work, every layer on its slowest accelerator and implementation
     */
    public record Size(long frames, long layers, double workNs) {
    }

    /** Bytes of memory a run holds per frame (the frame's state and its result columns) and per timeline layer. */
    private static final long BYTES_PER_FRAME = 160;
    private static final long BYTES_PER_LAYER = Trace.STRIDE * Long.BYTES;

    private static Instance scaled(Instance instance, SimConfig config) {
        return config.load() == 1.0 ? instance : instance.withLoad(config.load());
    }

    /** The size of a run of an instance with these settings (its rates scaled by the load). */
    public static Size size(Instance instance, LatencyTable latency, SimConfig config) {
        return size(scaled(instance, config), latency, config.horizonNs());
    }

    private static Size size(Instance scaled, LatencyTable latency, long horizonNs) {
        Map<String, Task> byId = new HashMap<>();
        scaled.tasks().forEach(t -> byId.put(t.id(), t));
        int accelerators = latency.accelerators().size();
        long frames = 0;
        long layers = 0;
        double work = 0;
        for (Task task : scaled.tasks()) {
            Task root = task;
            for (int hops = 0; root.dependency() != null && hops < byId.size(); hops++) {
                root = byId.get(root.dependency().parent());
            }
            long span = horizonNs - root.offsetNs();
            // at most 1e11 releases (horizon 1e14 ns, period at least 1000 ns) of at most 1e4 layers, 1e3 tasks: no overflow
            long n = span <= 0 ? 0 : (span - 1) / root.periodNs() + 1;
            Model model = scaled.model(task.model());
            double slowest = 0;
            for (int l = 0; l < model.layers().size(); l++) {
                long worst = 0;
                for (Implementation impl : Implementation.values()) {
                    for (int a = 0; a < accelerators; a++) {
                        worst = Math.max(worst, latency.get(model.id(), l, impl, a));
                    }
                }
                slowest += worst;
            }
            frames += n;
            layers += n * model.layers().size();
            work += n * slowest;
        }
        return new Size(frames, layers, work);
    }

    /**
     * Refuses, before anything is allocated, a run the memory cannot hold or whose clock could pass
     * what a 64-bit count of ns holds.
     */
    private static void checkSize(Instance scaled, Size size, SimConfig config) {
        String run = "The run of instance '" + scaled.name() + "' at load " + Decimals.plain(config.load()) + " up to "
                + Decimals.plain(config.horizonNs() / 1e9) + " s";
        if (size.frames() > Limits.MAX_FRAMES_PER_RUN) {
            throw new IllegalArgumentException(run + " would release up to " + size.frames() + " frames, more than the "
                    + Limits.MAX_FRAMES_PER_RUN + " one run may; maybe a shorter horizon, or a rate or load is mistyped");
        }
        if (config.horizonNs() + size.workNs() > Limits.MAX_SIMULATED_NS) {
            throw new IllegalArgumentException(run + " could keep the accelerators busy until " + String.format(java.util.Locale.ROOT,
                    "%.3g", config.horizonNs() + size.workNs()) + " ns, beyond the " + Limits.format(Limits.MAX_SIMULATED_NS)
                    + " ns a run may reach; maybe a shorter horizon, or a rate or latency is mistyped");
        }
        long bytes = size.frames() * BYTES_PER_FRAME + (config.recordTrace() ? size.layers() * BYTES_PER_LAYER : 0);
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException(run + " would hold up to " + size.frames() + " frames" + (config.recordTrace()
                    ? " and " + size.layers() + " timeline layers" : "") + ", about " + (bytes >> 20) + " MiB, more than this Java heap's "
                    + (heap >> 20) + " MiB; maybe a shorter horizon" + (config.recordTrace() ? ", no trace" : "")
                    + ", or more memory (TERASTAL_JAVA_OPTS=-Xmx…)");
        }
    }

    private void prepare() {
        scheduler.start(this);
        settleFastest(scheduler);
        for (int t = 0; t < compiled.tasks; t++) {
            if (compiled.taskParent[t] < 0 && compiled.taskOffset[t] < config.horizonNs()) {
                events.push(compiled.taskOffset[t] + jitterStream[t].nextLongInclusive(compiled.taskJitter[t]), EventQueue.RELEASE, t);
            }
        }
    }

    private void loop() {
        while (!events.isEmpty()) {
            now = events.peekTime();
            do {
                events.pop();
                switch (events.kind()) {
                    case EventQueue.COMPLETION -> complete((int) events.payload());
                    case EventQueue.RELEASE -> periodicRelease((int) events.payload());
                    default -> cascade((int) events.payload(), (int) (events.payload() >>> 32));
                }
            } while (!events.isEmpty() && events.peekTime() == now);
            if (drop) {
                dropHopeless();
            }
            if (waitingCount > 0 && idleCount > 0) {
                scheduler.decide(now);
            }
        }
        if (waitingCount > 0) {
            throw new IllegalStateException("The scheduler '" + scheduler.name() + "' left " + waitingCount
                    + " frames waiting with every accelerator idle and no event pending; a scheduler must dispatch"
                    + " when nothing else can wake it");
        }
    }

    private void periodicRelease(int task) {
        int k = nextFrameIndex[task];
        newFrame(task, NO_FRAME);
        long nominal = compiled.taskOffset[task] + (k + 1) * compiled.taskPeriod[task];
        if (nominal < config.horizonNs()) {
            events.push(nominal + jitterStream[task].nextLongInclusive(compiled.taskJitter[task]), EventQueue.RELEASE, task);
        }
    }

    private void cascade(int task, int parentFrame) {
        newFrame(task, parentFrame);
    }

    private void newFrame(int task, int parentFrame) {
        if (frames == fState.length) {
            growFrames();
        }
        int f = frames++;
        int at = f * FRAME_STRIDE;
        perFrame[at + F_TASK_INDEX] = ((long) nextFrameIndex[task]++ << 32) | task;
        fParent[f] = parentFrame;
        perFrame[at + F_RELEASE] = now;
        perFrame[at + F_DEADLINE] = now + taskDeadline[task];
        perFrame[at + F_START] = -1;
        perFrame[at + F_FINISH] = -1;
        perFrame[at + F_NEXT] = 0;
        perFrame[at + F_VARIANTS] = 0;
        makeReady(f);
    }

    private void makeReady(int f) {
        fState[f] = WAITING;
        perFrame[f * FRAME_STRIDE + F_READY] = now;
        waitingCount++;
        if (drop && !fInDropQueue[f]) {
            fInDropQueue[f] = true;
            dropQueue.push(latestStart(f), f);
        }
        scheduler.onReady(f);
    }

    /** After this time even the fastest remaining execution of the frame misses its deadline. */
    private long latestStart(int f) {
        int at = f * FRAME_STRIDE;
        return perFrame[at + F_DEADLINE]
                - remainingFastest[taskModel[(int) perFrame[at + F_TASK_INDEX]]][(int) perFrame[at + F_NEXT]];
    }

    /**
     * Drops the waiting frames that can no longer make it. A frame has at most one entry in the drop
     * queue, keyed by its latest start when it was queued; latest starts only grow as layers complete,
     * so an entry is never late. When an entry comes due, a frame that has moved on is queued again
     * under its current latest start, a running frame leaves the queue until its layer ends, and a
     * waiting frame past its latest start is dropped. This pushes far fewer entries than one per layer.
     */
    private void dropHopeless() {
        while (!dropQueue.isEmpty() && dropQueue.peekKey() < now) {
            int f = (int) dropQueue.pop();
            if (fState[f] != WAITING) {
                fInDropQueue[f] = false;
                continue;
            }
            long latest = latestStart(f);
            if (latest >= now) {
                dropQueue.push(latest, f);
                continue;
            }
            fInDropQueue[f] = false;
            fState[f] = DROPPED;
            perFrame[f * FRAME_STRIDE + F_FINISH] = now;
            waitingCount--;
            scheduler.onDropped(f);
        }
    }

    private void complete(int acc) {
        int f = accFrame[acc];
        int layer = accLayer[acc];
        byte impl = accImpl[acc];
        accBusy[acc] += now - accStart[acc];
        accFrame[acc] = NO_FRAME;
        idleCount++;
        if (recordTrace) {
            recordLayer(acc, f, layer, impl, accStart[acc], now);
        }
        int at = f * FRAME_STRIDE;
        int task = (int) perFrame[at + F_TASK_INDEX];
        int m = taskModel[task];
        if (impl == VARIANT) {
            perFrame[at + F_VARIANTS] |= 1L << candidateIndex[m][layer];
        }
        perFrame[at + F_NEXT] = layer + 1;
        if (layer + 1 < layerCount[m]) {
            makeReady(f);
            return;
        }
        perFrame[at + F_FINISH] = now;
        fState[f] = now <= perFrame[at + F_DEADLINE] ? ON_TIME : LATE;
        int[] kids = taskChildren[task];
        for (int child : kids) {
            if (cascadeStream[child].nextDouble() < taskProbability[child]) {
                events.push(now, EventQueue.CASCADE, ((long) f << 32) | child);
            }
        }
    }

    /**
     * Starts the frame's next layer on an idle accelerator with the given implementation, now.
     *
     * @throws IllegalStateException when the frame is not waiting, the accelerator is busy, the
     *                               implementation does not exist for the layer, or the scheduler did
     *                               not declare that it may use this variant
     */
    @Override
    public void dispatch(int frame, int acc, Implementation impl) {
        if (frame < 0 || frame >= frames || fState[frame] != WAITING) {
            throw new IllegalStateException("Scheduler '" + scheduler.name() + "' dispatched frame " + frame + " which is not waiting");
        }
        if (accFrame[acc] != NO_FRAME) {
            throw new IllegalStateException("Scheduler '" + scheduler.name() + "' dispatched to accelerator " + acc + " which is busy until "
                    + accFreeAt[acc]);
        }
        int at = frame * FRAME_STRIDE;
        int m = taskModel[(int) perFrame[at + F_TASK_INDEX]];
        int layer = (int) perFrame[at + F_NEXT];
        if (impl == Implementation.VARIANT && !variantAllowed[m][layer]) {
            throw new IllegalStateException("Scheduler '" + scheduler.name() + "' dispatched the variant of layer " + layer + " of model '"
                    + compiled.modelIds[m] + "' without declaring it in mayUseVariant");
        }
        long latency = lat[m][(layer * 2 + impl.ordinal()) * accelerators + acc];
        fState[frame] = RUNNING;
        waitingCount--;
        if (perFrame[at + F_START] < 0) {
            perFrame[at + F_START] = now;
        }
        accFrame[acc] = frame;
        accLayer[acc] = layer;
        accImpl[acc] = (byte) impl.ordinal();
        accStart[acc] = now;
        accFreeAt[acc] = now + latency;
        accDispatches[acc]++;
        idleCount--;
        dispatches++;
        events.push(now + latency, EventQueue.COMPLETION, acc);
    }

    private void recordLayer(int acc, int f, int layer, byte impl, long start, long end) {
        if (layersRun * Trace.STRIDE == timeline.length) {
            if (layersRun == Trace.MAX_LAYERS) {
                throw new IllegalStateException("The run of instance '" + compiled.instance.name() + "' executed more than " + Trace.MAX_LAYERS
                        + " layers, the most a timeline holds; shorten the horizon or run without the timeline");
            }
            timeline = Arrays.copyOf(timeline, (int) Math.min((long) layersRun * 2, Trace.MAX_LAYERS) * Trace.STRIDE);
        }
        Trace.put(timeline, layersRun++, acc, f, layer, impl, start, end);
    }

    private void allocateFrames(int cap) {
        perFrame = new long[cap * FRAME_STRIDE];
        fParent = new int[cap];
        fState = new byte[cap];
        fInDropQueue = new boolean[cap];
    }

    private void growFrames() {
        if (frames == MAX_FRAMES) {
            throw new IllegalStateException("The run of instance '" + compiled.instance.name() + "' released more than " + MAX_FRAMES
                    + " frames, the most the simulator holds; shorten the horizon");
        }
        int cap = (int) Math.min((long) frames * 2, MAX_FRAMES);
        perFrame = Arrays.copyOf(perFrame, cap * FRAME_STRIDE);
        fParent = Arrays.copyOf(fParent, cap);
        fState = Arrays.copyOf(fState, cap);
        fInDropQueue = Arrays.copyOf(fInDropQueue, cap);
    }

    private SimResult result() {
        FrameStatus[] status = new FrameStatus[frames];
        for (int f = 0; f < frames; f++) {
            status[f] = switch (fState[f]) {
                case ON_TIME -> FrameStatus.ON_TIME;
                case LATE -> FrameStatus.LATE;
                default -> FrameStatus.DROPPED;
            };
        }
        int[] task = new int[frames];
        for (int f = 0; f < frames; f++) {
            task[f] = frameTask(f);
        }
        long[] release = column(F_RELEASE);
        long[] finish = column(F_FINISH);
        long[] deadline = column(F_DEADLINE);
        long[] variants = column(F_VARIANTS);
        Trace trace = null;
        if (recordTrace) {
            int[] index = new int[frames];
            int[] parentIndex = new int[frames];
            for (int f = 0; f < frames; f++) {
                index[f] = frameIndex(f);
                parentIndex[f] = fParent[f] < 0 ? -1 : frameIndex(fParent[f]);
            }
            trace = new Trace(compiled.instance, task, index, parentIndex, release, column(F_START), finish, deadline, status, variants,
                    timeline, layersRun);
        }
        long end = Math.max(now, config.horizonNs());
        return Metrics.summarise(compiled.instance, compiled.latencySource, scheduler.name(), config, end, dispatches,
                accBusy, accDispatches, frames, task, release, finish, deadline, status, variants, trace);
    }

    /** One per-frame field of {@link #perFrame} for every frame released, in frame order. */
    private long[] column(int field) {
        long[] out = new long[frames];
        for (int f = 0; f < frames; f++) {
            out[f] = perFrame[f * FRAME_STRIDE + field];
        }
        return out;
    }
}
