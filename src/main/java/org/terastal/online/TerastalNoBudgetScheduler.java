package org.terastal.online;

import org.terastal.domain.Solution;

/**
 * {@code terastal-nobudget}: the ablation without virtual budgets. Homes, implementations and variant
 * use are those of {@code terastal}, but frames are ordered by absolute deadline, and a layer's own
 * deadline (for the migration and variant tests) is the latest finish that still leaves the rest of
 * the frame its home latency: deadline − Σ home latency of the later layers.
 */
public final class TerastalNoBudgetScheduler extends TerastalScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal-nobudget";

    public TerastalNoBudgetScheduler(Solution solution) {
        super(NAME, solution, true, false, Order.DEADLINE, true, true);
    }
}
