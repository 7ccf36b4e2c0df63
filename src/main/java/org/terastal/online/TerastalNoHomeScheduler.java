package org.terastal.online;

import org.terastal.domain.Solution;

/**
 * {@code terastal-nohome}: the ablation without home-first. Admission, order and the table's
 * enabled variants are those of {@code terastal}, but no layer starts at the table's home engine:
 * every layer goes where it finishes first (the baselines' earliest-finish mapping), running an enabled
 * variant wherever that finishes sooner than the original. What {@code terastal} gains over it is what
 * pinning the table's homes buys.
 */
public final class TerastalNoHomeScheduler extends TerastalScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal-nohome";

    public TerastalNoHomeScheduler(Solution solution) {
        super(NAME, solution, true, false, Order.DEADLINE, true, false);
    }
}
