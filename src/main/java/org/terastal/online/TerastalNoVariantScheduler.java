package org.terastal.online;

import org.terastal.domain.Solution;

/**
 * {@code terastal-novariant}: the ablation without layer variants. It reads the same table, but every
 * layer the table runs as a variant is re-homed on the engine where its original is fastest and runs
 * its original there, and no variant is used online; admission, order and mapping are those of
 * {@code terastal}. Comparing it with {@code terastal} isolates what the variants buy.
 */
public final class TerastalNoVariantScheduler extends TerastalScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal-novariant";

    public TerastalNoVariantScheduler(Solution solution) {
        super(NAME, solution, false, false, Order.DEADLINE, true, true);
    }
}
