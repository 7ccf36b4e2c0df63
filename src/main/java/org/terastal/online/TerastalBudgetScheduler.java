package org.terastal.online;

import org.terastal.domain.Solution;

/**
 * {@code terastal-budget}: {@code terastal} with the table's virtual budgets online, as the method was
 * first described. A layer's own deadline (for the migration and variant tests) is its virtual
 * deadline, release + the table's cumulative offset, and admitted frames are ordered by their next
 * layer's virtual deadline while the admitted set has headroom (every admitted frame's slack in the
 * demand test at least {@value TerastalScheduler#HEADROOM} of its relative deadline, also if all the set's
 * work on one engine ran before it), by absolute deadline otherwise. Comparing it with {@code terastal}
 * isolates what the budgets buy online; on the design suites they cost frames (docs/online.md).
 */
public final class TerastalBudgetScheduler extends TerastalScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal-budget";

    public TerastalBudgetScheduler(Solution solution) {
        super(NAME, solution, true, true, Order.ADAPTIVE, true, true);
    }
}
