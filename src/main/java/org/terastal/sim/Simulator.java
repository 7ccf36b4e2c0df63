package org.terastal.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Limits;
import org.terastal.domain.Model;
import org.terastal.domain.Task;

/**
 * The discrete-event simulator of periodic multi-DNN workloads on a set of accelerators, and the
 * view of its state that a {@link Scheduler} reads.
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
public final class Simulator implements SchedulerContext {
    private static final byte WAITING = 0;
    private static final byte RUNNING = 1;
    private static final byte ON_TIME = 2;
    private static final byte LATE = 3;
    private static final byte DROPPED = 4;
    private static final int NO_FRAME = -1;
    private static final byte VARIANT = (byte) Implementation.VARIANT.ordinal();

    private final Instance instance;
    private final LatencyTable latencyTable;
    private final Scheduler scheduler;
    private final SimConfig config;
    /** The settings read per event, copied out of {@link #config}. */
    private final boolean drop;
    private final boolean recordTrace;

    // the compiled instance
    private final int nAcc;
    private final int nTasks;
    private final String[] modelIds;
    private final int[] taskModel;
    private final long[] taskPeriod;
    private final long[] taskDeadline;
    private final long[] taskOffset;
    private final long[] taskJitter;
    private final int[] taskParent;
    private final double[] taskProbability;
    private final int[][] taskChildren;
    private final RandomStream[] jitterStream;
    private final RandomStream[] cascadeStream;
    private final int[] layerCount;
    /** Per model: latency by (layer·2 + implementation)·accelerators + accelerator; {@link LatencyTable#NONE} when absent. */
    private final long[][] lat;
    private final long[][] fastest;
    private final long[][] remainingFastest;
    private final int[][] candidateIndex;
    private final boolean[][] variantAllowed;

    // frames, indexed by frame id
    private int frames;
    /**
     * Per frame, the fields a dispatch and a completion touch, in {@value #FRAME_STRIDE} longs at
     * {@code f·FRAME_STRIDE} (the F_ offsets): a layer's dispatch and completion then read 64
     * contiguous bytes instead of eight arrays (docs/benchmarks.md).
     */
    private long[] perFrame;
    private static final int FRAME_STRIDE = 8;
    private static final int F_RELEASE = 0;
    private static final int F_DEADLINE = 1;
    /** First dispatch, or -1. */
    private static final int F_START = 2;
    /** Completion or drop, or -1. */
    private static final int F_FINISH = 3;
    private static final int F_READY = 4;
    private static final int F_VARIANTS = 5;
    private static final int F_NEXT = 6;
    /** Task index in the low 32 bits, index within the task in the high 32. */
    private static final int F_TASK_INDEX = 7;
    /** Largest number of frames {@link #perFrame} can hold. */
    private static final int MAX_FRAMES = Integer.MAX_VALUE / FRAME_STRIDE;
    private int[] fParent;
    private byte[] fState;
    private boolean[] fInDropQueue;
    private int waitingCount;
    private int[] nextFrameIndex;

    // accelerators
    private final int[] accFrame;
    private final int[] accLayer;
    /** Ordinal of the running layer's implementation (a byte, not the enum: no reference store per dispatch). */
    private final byte[] accImpl;
    private final long[] accStart;
    private final long[] accFreeAt;
    private final long[] accBusy;
    private final long[] accDispatches;
    private int idleCount;

    // timeline, one entry per executed layer
    private int layersRun;
    /** {@value Trace#STRIDE} longs per executed layer, laid out by {@link Trace#put}: one array written per completion, not six. */
    private long[] timeline;

    /** Largest initial size of the per-frame and per-layer arrays; beyond it they grow by doubling. */
    private static final int INITIAL_CAPACITY_LIMIT = 1 << 24;

    private final EventQueue events;
    private final LongHeap dropQueue = new LongHeap();
    private long now;
    private long dispatches;

    private Simulator(Instance instance, LatencyTable latencyTable, Scheduler scheduler, SimConfig config, Size size) {
        this.instance = instance;
        this.latencyTable = latencyTable;
        this.scheduler = scheduler;
        this.config = config;
        drop = config.late() == LatePolicy.DROP;
        recordTrace = config.recordTrace();
        nAcc = instance.platform().size();
        events = new EventQueue(nAcc);
        List<Model> models = instance.models();
        modelIds = models.stream().map(Model::id).toArray(String[]::new);
        Map<String, Integer> modelIndex = new HashMap<>();
        for (int m = 0; m < modelIds.length; m++) {
            modelIndex.put(modelIds[m], m);
        }
        List<Task> tasks = instance.tasks();
        nTasks = tasks.size();
        Map<String, Integer> taskIndex = new HashMap<>();
        for (int t = 0; t < nTasks; t++) {
            taskIndex.put(tasks.get(t).id(), t);
        }
        taskModel = new int[nTasks];
        taskPeriod = new long[nTasks];
        taskDeadline = new long[nTasks];
        taskOffset = new long[nTasks];
        taskJitter = new long[nTasks];
        taskParent = new int[nTasks];
        taskProbability = new double[nTasks];
        jitterStream = new RandomStream[nTasks];
        cascadeStream = new RandomStream[nTasks];
        List<List<Integer>> children = new ArrayList<>();
        for (int t = 0; t < nTasks; t++) {
            children.add(new ArrayList<>());
        }
        for (int t = 0; t < nTasks; t++) {
            Task task = tasks.get(t);
            taskModel[t] = modelIndex.get(task.model());
            taskPeriod[t] = task.periodNs();
            taskDeadline[t] = task.effectiveDeadlineNs();
            taskOffset[t] = task.offsetNs();
            taskJitter[t] = task.jitterNs();
            taskParent[t] = task.dependency() == null ? -1 : taskIndex.get(task.dependency().parent());
            taskProbability[t] = task.dependency() == null ? 0 : task.dependency().probability();
            jitterStream[t] = new RandomStream(config.seed(), "release-jitter/" + task.id());
            cascadeStream[t] = new RandomStream(config.seed(), "cascade/" + task.id());
            if (taskParent[t] >= 0) {
                children.get(taskParent[t]).add(t);
            }
        }
        taskChildren = new int[nTasks][];
        for (int t = 0; t < nTasks; t++) {
            taskChildren[t] = children.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        nextFrameIndex = new int[nTasks];
        layerCount = new int[models.size()];
        lat = new long[models.size()][];
        fastest = new long[models.size()][];
        remainingFastest = new long[models.size()][];
        candidateIndex = new int[models.size()][];
        variantAllowed = new boolean[models.size()][];
        for (int m = 0; m < models.size(); m++) {
            Model model = models.get(m);
            int n = model.layers().size();
            layerCount[m] = n;
            lat[m] = new long[n * 2 * nAcc];
            candidateIndex[m] = new int[n];
            variantAllowed[m] = new boolean[n];
            for (int l = 0; l < n; l++) {
                for (Implementation impl : Implementation.values()) {
                    for (int a = 0; a < nAcc; a++) {
                        lat[m][(l * 2 + impl.ordinal()) * nAcc + a] = latencyTable.get(model.id(), l, impl, a);
                    }
                }
                String name = model.layers().get(l).name();
                candidateIndex[m][l] = -1;
                for (int c = 0; c < model.candidates().size(); c++) {
                    if (model.candidates().get(c).layer().equals(name)) {
                        candidateIndex[m][l] = c;
                    }
                }
            }
        }
        accFrame = new int[nAcc];
        Arrays.fill(accFrame, NO_FRAME);
        accLayer = new int[nAcc];
        accImpl = new byte[nAcc];
        accStart = new long[nAcc];
        accFreeAt = new long[nAcc];
        accBusy = new long[nAcc];
        accDispatches = new long[nAcc];
        idleCount = nAcc;
        // sized for the whole run up front: regrowing arrays of millions of entries cost more than
        // recording them (docs/benchmarks.md)
        allocateFrames((int) Math.min(Math.max(size.frames(), 256), INITIAL_CAPACITY_LIMIT));
        int cap = config.recordTrace() ? (int) Math.min(Math.max(size.layers(), 1024), INITIAL_CAPACITY_LIMIT) : 0;
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
        validate(scaled, latency);
        Size size = size(scaled, latency, config.horizonNs());
        checkSize(scaled, size, config);
        Scheduler scheduler = factory.create(scaled, latency);
        Simulator sim = new Simulator(scaled, latency, scheduler, config, size);
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
        String run = "The run of instance '" + scaled.name() + "' at load " + SimOutputs.num(config.load()) + " up to "
                + SimOutputs.num(config.horizonNs() / 1e9) + " s";
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

    /** Checks that an instance can be simulated with a latency table; the message names the first problem. */
    public static void validate(Instance instance, LatencyTable latency) {
        List<String> platform = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        if (!latency.accelerators().equals(platform)) {
            throw new IllegalArgumentException("The latency table (" + latency.source() + ") is for accelerators "
                    + latency.accelerators() + " but the platform of instance '" + instance.name() + "' has " + platform
                    + "; give a table made for this platform");
        }
        for (Model model : instance.models()) {
            if (!latency.hasModel(model.id())) {
                throw new IllegalArgumentException("The latency table (" + latency.source() + ") has no entries for model '"
                        + model.id() + "' of instance '" + instance.name() + "'");
            }
            for (int l = 0; l < model.layers().size(); l++) {
                for (int a = 0; a < platform.size(); a++) {
                    if (latency.get(model.id(), l, Implementation.ORIGINAL, a) <= 0) {
                        throw new IllegalArgumentException("The latency table has no positive latency for layer '"
                                + model.layers().get(l).name() + "' of model '" + model.id() + "' on accelerator '" + platform.get(a) + "'");
                    }
                }
            }
        }
        for (Task task : instance.tasks()) {
            if (task.dependency() == null && task.jitterNs() > task.periodNs()) {
                throw new IllegalArgumentException("The release jitter (" + task.jitterNs() + " ns) of task '" + task.id()
                        + "' exceeds its period (" + task.periodNs() + " ns); frames would be released out of order");
            }
        }
    }

    private void prepare() {
        scheduler.start(this);
        for (int m = 0; m < modelIds.length; m++) {
            int n = layerCount[m];
            fastest[m] = new long[n];
            remainingFastest[m] = new long[n + 1];
            for (int l = 0; l < n; l++) {
                variantAllowed[m][l] = candidateIndex[m][l] >= 0 && scheduler.mayUseVariant(m, l);
                long best = Long.MAX_VALUE;
                for (int a = 0; a < nAcc; a++) {
                    best = Math.min(best, lat[m][(l * 2) * nAcc + a]);
                    if (variantAllowed[m][l]) {
                        best = Math.min(best, lat[m][(l * 2 + 1) * nAcc + a]);
                    }
                }
                fastest[m][l] = best;
            }
            for (int l = n - 1; l >= 0; l--) {
                remainingFastest[m][l] = remainingFastest[m][l + 1] + fastest[m][l];
            }
        }
        for (int t = 0; t < nTasks; t++) {
            if (taskParent[t] < 0 && taskOffset[t] < config.horizonNs()) {
                events.push(taskOffset[t] + jitterStream[t].nextLongInclusive(taskJitter[t]), EventQueue.RELEASE, t);
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
        long nominal = taskOffset[task] + (k + 1) * taskPeriod[task];
        if (nominal < config.horizonNs()) {
            events.push(nominal + jitterStream[task].nextLongInclusive(taskJitter[task]), EventQueue.RELEASE, task);
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
        return perFrame[at + F_DEADLINE] - remainingFastest[taskModel[(int) perFrame[at + F_TASK_INDEX]]][(int) perFrame[at + F_NEXT]];
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
                    + modelIds[m] + "' without declaring it in mayUseVariant");
        }
        long latency = lat[m][(layer * 2 + impl.ordinal()) * nAcc + acc];
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
                throw new IllegalStateException("The run of instance '" + instance.name() + "' executed more than " + Trace.MAX_LAYERS
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
            throw new IllegalStateException("The run of instance '" + instance.name() + "' released more than " + MAX_FRAMES
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
        if (config.recordTrace()) {
            int[] index = new int[frames];
            int[] parentIndex = new int[frames];
            for (int f = 0; f < frames; f++) {
                index[f] = frameIndex(f);
                parentIndex[f] = fParent[f] < 0 ? -1 : frameIndex(fParent[f]);
            }
            trace = new Trace(instance, task, index, parentIndex, release, column(F_START), finish, deadline, status, variants,
                    timeline, layersRun);
        }
        long end = Math.max(now, config.horizonNs());
        return Metrics.summarise(instance, latencyTable.source(), scheduler.name(), config, end, dispatches,
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

    // ---- the view schedulers read ----

    /** The instance being simulated (after load scaling). */
    @Override
    public Instance instance() {
        return instance;
    }

    /** The latency table. */
    public LatencyTable latencyTable() {
        return latencyTable;
    }

    /** The run's settings. */
    public SimConfig config() {
        return config;
    }

    /** Current simulated time in ns. */
    @Override
    public long now() {
        return now;
    }

    @Override
    public int accelerators() {
        return nAcc;
    }

    @Override
    public int models() {
        return modelIds.length;
    }

    /** Index of a model id in instance order, or -1. */
    public int modelIndex(String id) {
        for (int m = 0; m < modelIds.length; m++) {
            if (modelIds[m].equals(id)) {
                return m;
            }
        }
        return -1;
    }

    @Override
    public int tasks() {
        return nTasks;
    }

    /** Whether the accelerator runs nothing now. */
    public boolean idle(int acc) {
        return accFrame[acc] == NO_FRAME;
    }

    /** When the accelerator becomes free: now if idle, else the end of its running layer. */
    @Override
    public long freeAt(int acc) {
        return accFrame[acc] == NO_FRAME ? now : accFreeAt[acc];
    }

    /** Number of layers of a model. */
    @Override
    public int layers(int model) {
        return layerCount[model];
    }

    /** Latency in ns, or {@link LatencyTable#NONE} for the variant of a non-candidate layer. */
    @Override
    public long latency(int model, int layer, Implementation impl, int acc) {
        return lat[model][(layer * 2 + impl.ordinal()) * nAcc + acc];
    }

    /** Latency of the original layer in ns. */
    @Override
    public long originalLatency(int model, int layer, int acc) {
        return lat[model][(layer * 2) * nAcc + acc];
    }

    /** Fastest latency of the layer over accelerators and the implementations the scheduler may use. */
    @Override
    public long fastestLatency(int model, int layer) {
        return fastest[model][layer];
    }

    /** Sum of {@link #fastestLatency} from this layer to the end of the model (0 past the end). */
    @Override
    public long remainingFastest(int model, int layer) {
        return remainingFastest[model][layer];
    }

    /** Index of the layer among its model's variant candidates, or -1. */
    public int candidateIndex(int model, int layer) {
        return candidateIndex[model][layer];
    }

    /** Whether the frame is waiting for its next layer to be dispatched (not running, finished or dropped). */
    @Override
    public boolean waiting(int frame) {
        return fState[frame] == WAITING;
    }

    /** Whether the frame has completed or been dropped. */
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

    /** Index of the frame within its task (k). */
    @Override
    public int frameIndex(int frame) {
        return (int) (perFrame[frame * FRAME_STRIDE + F_TASK_INDEX] >>> 32);
    }

    /** Index of the frame's next layer. */
    @Override
    public int nextLayer(int frame) {
        return (int) perFrame[frame * FRAME_STRIDE + F_NEXT];
    }

    @Override
    public long release(int frame) {
        return perFrame[frame * FRAME_STRIDE + F_RELEASE];
    }

    /** Absolute deadline. */
    @Override
    public long deadline(int frame) {
        return perFrame[frame * FRAME_STRIDE + F_DEADLINE];
    }

    /** When the frame's next layer became ready. */
    @Override
    public long readyAt(int frame) {
        return perFrame[frame * FRAME_STRIDE + F_READY];
    }

    /** Bit c set when candidate c of the frame's model already ran as its variant. */
    public long variantsUsed(int frame) {
        return perFrame[frame * FRAME_STRIDE + F_VARIANTS];
    }

    @Override
    public boolean dropsLateFrames() {
        return drop;
    }

    /** Relative deadline of a task in ns. */
    @Override
    public long taskDeadline(int task) {
        return taskDeadline[task];
    }

    @Override
    public int taskModel(int task) {
        return taskModel[task];
    }
}
