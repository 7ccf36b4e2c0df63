package org.terastal.sim;

/**
 * An online scheduling policy, driven by the {@link Simulator}. The simulator tells it when a
 * frame's next layer becomes ready and asks it for decisions; the scheduler answers by calling
 * {@link SchedulerContext#dispatch(int, int, org.terastal.domain.Implementation)} zero or more times.
 * Frames are identified by int ids that are never reused within a run; a frame the simulator has
 * dropped stays in a scheduler's queues until the scheduler notices ({@link SchedulerContext#waiting(int)}
 * is false), which keeps deletion O(1) and queues simple.
 *
 * <p>Call order: {@link #start} once, then {@link #mayUseVariant} for every layer, then any number
 * of {@link #onReady}, {@link #onDropped} and {@link #decide} calls with non-decreasing times.
 */
public interface Scheduler {
    /** Name used in outputs, e.g. {@code edf}. */
    String name();

    /** Called once before the run; keep the context to read state and dispatch. */
    void start(SchedulerContext context);

    /**
     * Whether this scheduler may ever run the layer as its variant. The simulator rejects any other
     * variant dispatch, and the late-frame test uses the fastest implementation the scheduler may use.
     */
    default boolean mayUseVariant(int model, int layer) {
        return false;
    }

    /** The next layer of the frame became ready (the frame was released or its previous layer finished). */
    void onReady(int frame);

    /**
     * The simulator dropped the frame (late-frame policy {@code drop}); it will never be waiting again.
     * Schedulers that keep per-frame bookkeeping (e.g. outstanding work) update it here.
     */
    default void onDropped(int frame) {
    }

    /**
     * Right after {@link #decide}: until when this policy counts on the accelerator at that decision,
     * for a layer it started there or a frame it made wait for it; 0 when it keeps no such promise.
     * A policy deciding next over other frames (the rejected side of a guard) then does not place a
     * layer on an engine this one is waiting for, just as one policy's own scan would not.
     */
    default long promisedUntil(int acc) {
        return 0;
    }

    /**
     * A decision point: all events at {@code now} have been applied, at least one accelerator is idle
     * and at least one frame is waiting. Dispatch ready layers to idle accelerators, or none to wait.
     */
    void decide(long now);
}
