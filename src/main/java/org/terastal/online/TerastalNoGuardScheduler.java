package org.terastal.online;

import org.terastal.domain.Solution;

/**
 * {@code terastal-noguard}: the ablation without the overload guard. Every released frame is
 * admitted; order, homes, mapping and variants are those of {@code terastal}. Comparing it with
 * {@code terastal} (and {@code edf+guard} with {@code edf}) isolates what admission buys.
 */
public final class TerastalNoGuardScheduler extends TerastalScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal-noguard";

    public TerastalNoGuardScheduler(Solution solution) {
        super(NAME, solution, true, false, Order.DEADLINE, false, true);
    }
}
