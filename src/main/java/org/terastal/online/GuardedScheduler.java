package org.terastal.online;

import java.util.function.Supplier;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.sim.Scheduler;
import org.terastal.sim.SchedulerContext;

/**
 * A policy combined with the {@link OverloadGuard} ({@code edf+guard}, {@code fcfs+guard},
 * {@code dream+guard}): the baselines get the admission control Terastal has, so a comparison
 * measures what Terastal adds beyond it. The guard plans each layer's original on its fastest engine.
 *
 * <p>Two instances of the policy run side by side, one over the admitted frames and one over the
 * rejected ones; each sees the run through a view in which only its own frames are waiting. At a
 * decision the admitted side decides first; the rejected side then gets the engines still idle.
 * The rejected side sees the engines the admitted side started a layer on or made a frame wait for
 * at this decision as busy until then ({@link Scheduler#promisedUntil}), as one scan over both
 * classes would, so a rejected frame does not wait for an engine an admitted one is waiting for
 * while another engine stays idle. A frame rejected while it waits leaves the admitted side as if
 * dropped and joins the rejected side as if it became ready. Each side keeps the policy's own rules (its order, its mapping), so
 * the guard changes only which frames compete, never how the policy treats them.
 */
public final class GuardedScheduler implements Scheduler {
    /** Suffix of a guarded policy's name. */
    public static final String SUFFIX = "+guard";

    private final String name;
    private final Scheduler admittedSide;
    private final Scheduler rejectedSide;
    private SchedulerContext sim;
    private OverloadGuard guard;

    /** The policy made by {@code policy} (called twice), with the guard; named {@code <its name>+guard}. */
    public GuardedScheduler(Supplier<Scheduler> policy) {
        admittedSide = policy.get();
        rejectedSide = policy.get();
        name = admittedSide.name() + SUFFIX;
    }

    @Override
    public String name() {
        return name;
    }

    /** The guard (for tests). */
    OverloadGuard guard() {
        return guard;
    }

    @Override
    public void start(SchedulerContext context) {
        sim = context;
        guard = OverloadGuard.fastestEngines(context, true);
        guard.listener(f -> {
            if (sim.waiting(f)) {
                admittedSide.onDropped(f);
                rejectedSide.onReady(f);
            }
        });
        admittedSide.start(new View(true));
        rejectedSide.start(new View(false));
    }

    @Override
    public void onReady(int frame) {
        if (sim.nextLayer(frame) == 0) {
            guard.admit(frame, sim.now());
        }
        side(frame).onReady(frame);
    }

    @Override
    public void onDropped(int frame) {
        side(frame).onDropped(frame);
    }

    private Scheduler side(int frame) {
        return guard.admitted(frame) ? admittedSide : rejectedSide;
    }

    @Override
    public void decide(long now) {
        admittedSide.decide(now);
        for (int a = 0; a < sim.accelerators(); a++) {
            if (sim.freeAt(a) <= now) {
                rejectedSide.decide(now);
                return;
            }
        }
    }

    /** The run as one side sees it: only the frames of its class are waiting. */
    private final class View implements SchedulerContext {
        private final boolean admitted;

        View(boolean admitted) {
            this.admitted = admitted;
        }

        @Override
        public boolean waiting(int frame) {
            return sim.waiting(frame) && guard.admitted(frame) == admitted;
        }

        @Override
        public Instance instance() {
            return sim.instance();
        }

        @Override
        public long now() {
            return sim.now();
        }

        @Override
        public int accelerators() {
            return sim.accelerators();
        }

        @Override
        public int models() {
            return sim.models();
        }

        @Override
        public int tasks() {
            return sim.tasks();
        }

        @Override
        public int layers(int model) {
            return sim.layers(model);
        }

        @Override
        public long freeAt(int acc) {
            return admitted ? sim.freeAt(acc) : Math.max(sim.freeAt(acc), admittedSide.promisedUntil(acc));
        }

        @Override
        public long latency(int model, int layer, Implementation impl, int acc) {
            return sim.latency(model, layer, impl, acc);
        }

        @Override
        public long originalLatency(int model, int layer, int acc) {
            return sim.originalLatency(model, layer, acc);
        }

        @Override
        public long fastestLatency(int model, int layer) {
            return sim.fastestLatency(model, layer);
        }

        @Override
        public long remainingFastest(int model, int layer) {
            return sim.remainingFastest(model, layer);
        }

        @Override
        public boolean finished(int frame) {
            return sim.finished(frame);
        }

        @Override
        public int frameTask(int frame) {
            return sim.frameTask(frame);
        }

        @Override
        public int frameModel(int frame) {
            return sim.frameModel(frame);
        }

        @Override
        public int frameIndex(int frame) {
            return sim.frameIndex(frame);
        }

        @Override
        public int nextLayer(int frame) {
            return sim.nextLayer(frame);
        }

        @Override
        public long release(int frame) {
            return sim.release(frame);
        }

        @Override
        public long deadline(int frame) {
            return sim.deadline(frame);
        }

        @Override
        public long readyAt(int frame) {
            return sim.readyAt(frame);
        }

        @Override
        public boolean dropsLateFrames() {
            return sim.dropsLateFrames();
        }

        @Override
        public long taskDeadline(int task) {
            return sim.taskDeadline(task);
        }

        @Override
        public int taskModel(int task) {
            return sim.taskModel(task);
        }

        @Override
        public void dispatch(int frame, int acc, Implementation impl) {
            if (guard.admitted(frame) != admitted) {
                throw new IllegalStateException("The " + (admitted ? "admitted" : "rejected") + " side of '" + name
                        + "' dispatched frame " + frame + ", which is not its own");
            }
            sim.dispatch(frame, acc, impl);
        }
    }
}
