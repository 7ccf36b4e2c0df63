package org.terastal.example;

import org.terastal.domain.Implementation;
import org.terastal.sim.LongHeap;
import org.terastal.sim.Scheduler;
import org.terastal.sim.SchedulerContext;

/**
 * Least laxity first: the waiting frame with the least slack (deadline - now - its remaining
 * layers at their fastest) goes first, to the idle accelerator where its next layer runs fastest.
 */
public final class LeastLaxityScheduler implements Scheduler {
    private final LongHeap ready = new LongHeap();
    private SchedulerContext run;
    private long[] freeAt;

    @Override
    public String name() {
        return "llf";
    }

    @Override
    public void start(SchedulerContext context) {
        run = context;
        freeAt = new long[context.accelerators()];
    }

    @Override
    public void onReady(int frame) {
        // "now" is the same for every frame at a decision, so least laxity is the earliest latest
        // start, which stays fixed while the frame waits: it can key a heap
        long latestStart = run.deadline(frame) - run.remainingFastest(run.frameModel(frame), run.nextLayer(frame));
        ready.push(latestStart, frame);
    }

    @Override
    public void decide(long now) {
        int idle = run.freeTimes(freeAt);
        while (idle > 0 && !ready.isEmpty()) {
            int frame = (int) ready.pop();
            if (!run.waiting(frame)) {
                continue; // dropped by the simulator while it waited
            }
            int model = run.frameModel(frame);
            int layer = run.nextLayer(frame);
            int best = -1;
            for (int a = 0; a < freeAt.length; a++) {
                if (freeAt[a] <= now && (best < 0 || run.originalLatency(model, layer, a) < run.originalLatency(model, layer, best))) {
                    best = a;
                }
            }
            run.dispatch(frame, best, Implementation.ORIGINAL);
            freeAt[best] = now + run.originalLatency(model, layer, best);
            idle--;
        }
    }
}
