package org.terastal.sim;

import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;

/**
 * All a {@link Scheduler} sees of a run: the compiled instance, the state of frames and
 * accelerators, and one action, {@link #dispatch}. The {@link Simulator} implements it; a wrapper
 * (such as a guard that shows a policy only the frames it admitted) or a test's fake can too.
 *
 * <p>Models, tasks, layers and accelerators are indices in instance order. Frames are ids that are
 * never reused within a run, so a scheduler may keep them in queues and discard the ones that are
 * no longer {@link #waiting} when they surface. Times are ns.
 */
public interface SchedulerContext {
    /** The instance being simulated (after load scaling). */
    Instance instance();

    /** Current simulated time. */
    long now();

    /** Number of accelerators. */
    int accelerators();

    /** Number of models. */
    int models();

    /** Number of tasks. */
    int tasks();

    /** Number of layers of a model. */
    int layers(int model);

    /** When the accelerator becomes free: now if idle, else the end of its running layer. */
    long freeAt(int acc);

    /**
     * Fills {@code freeAt[a]} with {@link #freeAt(int) freeAt(a)} for every accelerator and returns how
     * many are idle (free now): where a decision starts, before it promises engines by raising entries.
     */
    default int freeTimes(long[] freeAt) {
        long now = now();
        int idle = 0;
        for (int a = 0; a < freeAt.length; a++) {
            freeAt[a] = freeAt(a);
            if (freeAt[a] <= now) {
                idle++;
            }
        }
        return idle;
    }

    /** Latency of an implementation of a layer on an accelerator, or {@link org.terastal.domain.LatencyTable#NONE} for the variant of a non-candidate layer. */
    long latency(int model, int layer, Implementation impl, int acc);

    /** Latency of the original layer. */
    long originalLatency(int model, int layer, int acc);

    /** Fastest latency of the layer over accelerators and the implementations the scheduler may use. */
    long fastestLatency(int model, int layer);

    /** Sum of {@link #fastestLatency} from this layer to the end of the model (0 past the end). */
    long remainingFastest(int model, int layer);

    /** Whether the frame waits for its next layer to be dispatched (not running, finished or dropped). */
    boolean waiting(int frame);

    /** Whether the frame has completed or been dropped. */
    boolean finished(int frame);

    /** Task index of a frame. */
    int frameTask(int frame);

    /** Model index of a frame. */
    int frameModel(int frame);

    /** Index of the frame within its task (k). */
    int frameIndex(int frame);

    /** Index of the frame's next layer. */
    int nextLayer(int frame);

    /** Release time of a frame. */
    long release(int frame);

    /** Absolute deadline of a frame. */
    long deadline(int frame);

    /** When the frame's next layer became ready. */
    long readyAt(int frame);

    /** Whether frames that can no longer meet their deadline are dropped (the late-frame policy {@code drop}), else kept. */
    boolean dropsLateFrames();

    /** Relative deadline of a task. */
    long taskDeadline(int task);

    /** Model index of a task. */
    int taskModel(int task);

    /**
     * Starts the frame's next layer on an idle accelerator with the given implementation, now.
     *
     * @throws IllegalStateException when the frame is not waiting, the accelerator is busy, the
     *                               implementation does not exist for the layer, or the scheduler did
     *                               not declare that it may use this variant
     */
    void dispatch(int frame, int acc, Implementation impl);
}
