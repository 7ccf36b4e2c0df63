package org.terastal.online;

import org.terastal.sim.SchedulerContext;

/**
 * {@code edf}: earliest absolute deadline first, with the earliest-finish mapping of
 * {@link EarliestFinishScheduler}. Equal deadlines go in release order.
 */
public final class EdfScheduler extends EarliestFinishScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "edf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    long priority(SchedulerContext sim, int frame) {
        return sim.deadline(frame);
    }
}
