package org.terastal.online;

import org.terastal.domain.Solution;

/**
 * {@code terastal-vdorder}: the ablation that orders admitted frames by their next layer's virtual
 * deadline (release + the table's cumulative offset), as a literal reading of "earliest virtual
 * deadline first" would, instead of by absolute deadline; admission, homes, migration and variants are
 * those of {@code terastal}. It exists to measure the collapse of virtual-deadline ordering past
 * capacity (docs/online.md) against the same dispatcher otherwise.
 */
public final class TerastalVirtualOrderScheduler extends TerastalScheduler {
    /** Name on the command line and in outputs. */
    public static final String NAME = "terastal-vdorder";

    public TerastalVirtualOrderScheduler(Solution solution) {
        super(NAME, solution, true, true, Order.VIRTUAL, true, true);
    }
}
