package org.terastal.online;

import org.terastal.domain.Solution;

/**
 * {@code terastal-novariant}: the ablation without layer variants. It reads the same table, but every
 * layer the table runs as a variant is re-homed on the engine where its original is fastest and runs
 * its original there; budgets and virtual deadlines stay as in the table (the offsets are a slice of
 * the deadline, still valid as deadlines), and no variant is used online. Comparing it with
 * {@code terastal} isolates what the variants buy.
 */
public final class TerastalNoVariantScheduler extends TerastalScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal-novariant";

    public TerastalNoVariantScheduler(Solution solution) {
        super(NAME, solution, false, true, Order.ADAPTIVE, true, true);
    }
}
