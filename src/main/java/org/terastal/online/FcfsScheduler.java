package org.terastal.online;

import org.terastal.sim.SchedulerContext;

/**
 * {@code fcfs}: the oldest frame (earliest release) first, with the earliest-finish mapping of
 * {@link EarliestFinishScheduler}. Frames released at the same time go in release-event order.
 */
public final class FcfsScheduler extends EarliestFinishScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "fcfs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    long priority(SchedulerContext sim, int frame) {
        return sim.release(frame);
    }
}
