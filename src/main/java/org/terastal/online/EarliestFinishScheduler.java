package org.terastal.online;

import org.terastal.domain.Implementation;
import org.terastal.sim.LongHeap;
import org.terastal.sim.Scheduler;
import org.terastal.sim.SchedulerContext;

/**
 * A list scheduler with the standard earliest-finish mapping, shared by {@code fcfs} and {@code edf}:
 * waiting frames are taken in priority order, and each one's next layer (original implementation)
 * goes to the accelerator where it would finish first, counting a busy accelerator's remaining work
 * and the layers already promised to it at this decision. If that accelerator is idle the layer
 * starts now; if it is busy the frame waits for it (it is promised the engine, so lower-priority
 * frames see it as taken for that long). The scan stops when no accelerator is idle or after
 * {@value #SCAN_LIMIT} waiting frames, which bounds the cost of one decision.
 *
 * <p>Ties in finish time go to the accelerator where the layer is shorter (less engine time), then to
 * the lower accelerator index. Cost per decision: O(k log n) for k frames examined, n waiting.
 */
abstract class EarliestFinishScheduler implements Scheduler {
    /** Frames examined at most per decision. */
    static final int SCAN_LIMIT = 64;

    private final LongHeap queue = new LongHeap();
    private final long[] heldKey = new long[SCAN_LIMIT];
    private final int[] held = new int[SCAN_LIMIT];
    private SchedulerContext sim;
    private long[] avail;

    /** Priority of a waiting frame; smaller goes first, ties by frame id (release order). */
    abstract long priority(SchedulerContext sim, int frame);

    @Override
    public void start(SchedulerContext simulator) {
        this.sim = simulator;
        this.avail = new long[simulator.accelerators()];
    }

    @Override
    public void onReady(int frame) {
        queue.push(priority(sim, frame), frame);
    }

    @Override
    public void decide(long now) {
        int idle = sim.freeTimes(avail);
        int kept = 0;
        while (idle > 0 && kept < SCAN_LIMIT && !queue.isEmpty()) {
            long key = queue.peekKey();
            int f = (int) queue.pop();
            if (!sim.waiting(f)) {
                continue; // dropped by the simulator
            }
            int m = sim.frameModel(f);
            int l = sim.nextLayer(f);
            int best = earliestFinish(sim, now, avail, m, l);
            long bestFinish = Math.max(now, avail[best]) + sim.originalLatency(m, l, best);
            if (avail[best] <= now) {
                sim.dispatch(f, best, Implementation.ORIGINAL);
                idle--;
            } else {
                heldKey[kept] = key;
                held[kept++] = f;
            }
            avail[best] = bestFinish;
        }
        for (int i = 0; i < kept; i++) {
            queue.push(heldKey[i], held[i]);
        }
    }

    @Override
    public long promisedUntil(int acc) {
        return avail[acc];
    }

    /**
     * The standard earliest-finish mapping shared by the baselines: the accelerator where the
     * layer's original would finish first, counting each accelerator's busy time in {@code avail}
     * (ties: shorter latency, then lower index).
     */
    static int earliestFinish(SchedulerContext sim, long now, long[] avail, int model, int layer) {
        int best = -1;
        long bestFinish = Long.MAX_VALUE;
        long bestLatency = Long.MAX_VALUE;
        for (int a = 0; a < avail.length; a++) {
            long latency = sim.originalLatency(model, layer, a);
            long finish = Math.max(now, avail[a]) + latency;
            if (finish < bestFinish || (finish == bestFinish && latency < bestLatency)) {
                best = a;
                bestFinish = finish;
                bestLatency = latency;
            }
        }
        return best;
    }
}
