package org.terastal.online;

import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.AccuracyRow;
import org.terastal.domain.AccuracyTable;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.domain.VariantCandidate;
import org.terastal.sim.SchedulerContext;

/**
 * A hand-built situation for testing one scheduling rule: tasks (one single-layer model each, at a
 * rate and relative deadline), frames with a deadline and progress, accelerators free at given times,
 * and a record of the dispatches a policy makes ({@code frame@engine}, with {@code /variant} when the
 * layer runs as its variant). Nothing runs: the test sets the state and reads what the rule decided.
 */
final class FakeContext implements SchedulerContext {
    static final long MS = 1_000_000L;

    private final Instance instance;
    private final long[][] latency;
    private final long[][] variantLatency;
    /** Per task, the original latency of its model's second layer on each engine, or null: one layer. */
    private final long[][] second;
    private final long[] freeAt;
    private final List<long[]> frames = new ArrayList<>();
    final List<String> dispatches = new ArrayList<>();
    long now;

    /**
     * @param accelerators number of engines
     * @param fps          per task (and model) its rate
     * @param latency      per task (and model) its one layer's original latency on each engine
     */
    FakeContext(int accelerators, double[] fps, long[][] latency) {
        this(accelerators, fps, latency, new long[fps.length][]);
    }

    /**
     * @param variantLatency per task, its layer's variant latency on each engine, or null when the
     *                       layer is no variant candidate; a candidate's variant is measured at 0.99
     *                       of the baseline accuracy, above the 0.97 floor
     */
    FakeContext(int accelerators, double[] fps, long[][] latency, long[][] variantLatency) {
        this(accelerators, fps, latency, variantLatency, new long[fps.length][]);
    }

    /**
     * @param second per task, the original latency of a second layer (L1, no variant candidate) on
     *               each engine, or null when the model has one layer. A frame's second layer never
     *               becomes ready here: a test reads what the scheduler decides while the first runs.
     */
    FakeContext(int accelerators, double[] fps, long[][] latency, long[][] variantLatency, long[][] second) {
        this.second = second;
        List<Accelerator> accs = new ArrayList<>();
        for (int a = 0; a < accelerators; a++) {
            accs.add(new Accelerator("a" + a, Dataflow.WS, 64, 1000, 8, 8, 1024, 1024));
        }
        List<Model> models = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < fps.length; t++) {
            Layer layer = new Layer("L0", LayerType.CONV, 1, 4, 4, 4, 4, 1, 1, 1, 0);
            List<Layer> layers = second[t] == null ? List.of(layer) : List.of(layer, new Layer("L1", LayerType.CONV, 1, 4, 4, 4, 4, 1, 1, 1, 0));
            if (variantLatency[t] == null) {
                models.add(new Model("m" + t, "", layers, List.of(), null, 0.97));
            } else {
                AccuracyTable accuracy = new AccuracyTable("top1", true, List.of(new AccuracyRow(List.of(), 1.0, ""),
                        new AccuracyRow(List.of("L0"), 0.99, "")));
                models.add(new Model("m" + t, "", layers, List.of(new VariantCandidate("L0", 2)), accuracy, 0.97));
            }
            tasks.add(new Task("t" + t, "m" + t, fps[t], 0, 0, 0, null, 1));
        }
        instance = new Instance("fake", "", new Platform("p", accs), models, tasks);
        this.latency = latency;
        this.variantLatency = variantLatency;
        freeAt = new long[accelerators];
    }

    /** Adds a waiting frame of a task, released now; returns its id. */
    int arrive(int task) {
        frames.add(new long[] {task, now, now + taskDeadline(task), 0, 0});
        return frames.size() - 1;
    }

    void busyUntil(int acc, long t) {
        freeAt[acc] = t;
    }

    void finish(int frame) {
        frames.get(frame)[4] = 2;
    }

    @Override
    public Instance instance() {
        return instance;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public int accelerators() {
        return freeAt.length;
    }

    @Override
    public int models() {
        return latency.length;
    }

    @Override
    public int tasks() {
        return latency.length;
    }

    @Override
    public int layers(int model) {
        return second[model] == null ? 1 : 2;
    }

    @Override
    public long freeAt(int acc) {
        return Math.max(now, freeAt[acc]);
    }

    @Override
    public long latency(int model, int layer, Implementation impl, int acc) {
        if (impl == Implementation.ORIGINAL) {
            return originalLatency(model, layer, acc);
        }
        return variantLatency[model] == null || layer > 0 ? Long.MAX_VALUE : variantLatency[model][acc];
    }

    @Override
    public long originalLatency(int model, int layer, int acc) {
        return layer == 0 ? latency[model][acc] : second[model][acc];
    }

    @Override
    public long fastestLatency(int model, int layer) {
        long best = Long.MAX_VALUE;
        for (int a = 0; a < freeAt.length; a++) {
            best = Math.min(best, Math.min(originalLatency(model, layer, a), latency(model, layer, Implementation.VARIANT, a)));
        }
        return best;
    }

    @Override
    public long remainingFastest(int model, int layer) {
        long sum = 0;
        for (int l = layer; l < layers(model); l++) {
            sum += fastestLatency(model, l);
        }
        return sum;
    }

    @Override
    public boolean waiting(int frame) {
        return frames.get(frame)[4] == 0;
    }

    @Override
    public boolean finished(int frame) {
        return frames.get(frame)[4] == 2;
    }

    @Override
    public int frameTask(int frame) {
        return (int) frames.get(frame)[0];
    }

    @Override
    public int frameModel(int frame) {
        return frameTask(frame);
    }

    @Override
    public int frameIndex(int frame) {
        int k = 0;
        for (int f = 0; f < frame; f++) {
            k += frameTask(f) == frameTask(frame) ? 1 : 0;
        }
        return k;
    }

    @Override
    public int nextLayer(int frame) {
        return (int) frames.get(frame)[3];
    }

    @Override
    public long release(int frame) {
        return frames.get(frame)[1];
    }

    @Override
    public long deadline(int frame) {
        return frames.get(frame)[2];
    }

    @Override
    public long readyAt(int frame) {
        return frames.get(frame)[1];
    }

    /** Late frames are dropped unless a test says otherwise. */
    boolean drops = true;

    @Override
    public boolean dropsLateFrames() {
        return drops;
    }

    @Override
    public long taskDeadline(int task) {
        return instance.tasks().get(task).effectiveDeadlineNs();
    }

    @Override
    public int taskModel(int task) {
        return task;
    }

    @Override
    public void dispatch(int frame, int acc, Implementation impl) {
        if (!waiting(frame) || freeAt(acc) > now) {
            throw new IllegalStateException("dispatch of frame " + frame + " to engine " + acc + " is not allowed now");
        }
        frames.get(frame)[4] = 1;
        long latency = latency(frameModel(frame), nextLayer(frame), impl, acc);
        if (latency == Long.MAX_VALUE) {
            throw new IllegalStateException("frame " + frame + " has no " + impl + " implementation");
        }
        freeAt[acc] = now + latency;
        dispatches.add(frame + "@a" + acc + (impl == Implementation.VARIANT ? "/variant" : ""));
    }
}
