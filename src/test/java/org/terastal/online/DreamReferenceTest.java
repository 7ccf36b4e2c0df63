package org.terastal.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.json.InstanceFiles;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.Scheduler;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.SchedulerContext;
import org.terastal.sim.Simulator;
import org.terastal.testkit.RandomInstances;
import org.terastal.testkit.RandomInstances.Case;

/**
 * {@link DreamScheduler} caches each task's candidate across decisions and updates it only when the
 * task's queue changes. This test runs it against a plain reading of its Javadoc that caches nothing
 * (every decision looks every head up again and rescores it) and requires the same timeline, so the
 * caching can never change a schedule.
 */
class DreamReferenceTest {
    static Stream<Arguments> cases() {
        return LongStream.range(0, 60).boxed()
                .flatMap(seed -> Stream.of(LatePolicy.values()).flatMap(late -> Stream.of(1.0, 2.5).map(load -> Arguments.of(seed, late, load))));
    }

    @ParameterizedTest(name = "seed {0} {1} load {2}")
    @MethodSource("cases")
    void sameTimelineAsAnUncachedDream(long seed, LatePolicy late, double load) {
        Case c = RandomInstances.generate(seed);
        SimConfig config = new SimConfig(c.horizonNs(), seed, late, load, true);
        assertSame(c.instance(), c.latency(), config, "generator seed " + seed + ", late " + late.label() + ", load " + load);
    }

    /** A shipped scenario where tasks keep several frames waiting and many are dropped. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("lates")
    void sameTimelineOnAnOverloadedScenario(LatePolicy late) {
        Instance instance = InstanceFiles.read(Path.of("instances/xrbench-AR_gaming.json"));
        LatencyTable latency = LatencyInputs.forInstance(instance, null);
        SimResult r = assertSame(instance, latency, new SimConfig(2_000_000_000L, 3, late, 1.6, true), "xrbench-AR_gaming, late " + late.label());
        assertTrue(r.dispatches() > 1000, "only " + r.dispatches() + " dispatches");
    }

    static Stream<LatePolicy> lates() {
        return Stream.of(LatePolicy.values());
    }

    /** Runs both and compares their timelines and frame records; returns the cached run. */
    private static SimResult assertSame(Instance instance, LatencyTable latency, SimConfig config, String where) {
        SimResult fast = Simulator.run(instance, latency, (i, t) -> DreamScheduler.fixed(), config);
        SimResult plain = Simulator.run(instance, latency, (i, t) -> new UncachedDream(), config);
        assertEquals(plain.trace().layers(), fast.trace().layers(), where);
        assertEquals(plain.trace().frames(), fast.trace().frames(), where);
        return fast;
    }

    /** DREAM as its Javadoc states it, with the default weights, recomputing everything at every pick. */
    private static final class UncachedDream implements Scheduler {
        private final TreeSet<Integer> waiting = new TreeSet<>();
        private SchedulerContext sim;

        @Override
        public String name() {
            return "dream-uncached";
        }

        @Override
        public void start(SchedulerContext simulator) {
            sim = simulator;
        }

        @Override
        public void onReady(int frame) {
            waiting.add(frame);
        }

        @Override
        public void onDropped(int frame) {
            waiting.remove(frame);
        }

        @Override
        public void decide(long now) {
            long[] avail = new long[sim.accelerators()];
            int idle = 0;
            for (int a = 0; a < avail.length; a++) {
                avail[a] = sim.freeAt(a);
                idle += avail[a] <= now ? 1 : 0;
            }
            List<Integer> held = new ArrayList<>();
            while (idle > 0 && held.size() < EarliestFinishScheduler.SCAN_LIMIT) {
                int pick = -1;
                double pickScore = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < sim.tasks(); t++) {
                    int f = oldestWaiting(t);
                    if (f < 0) {
                        continue;
                    }
                    double s = score(f, now, avail);
                    if (pick < 0 || s > pickScore || (s == pickScore && sim.deadline(f) < sim.deadline(pick))) {
                        pick = f;
                        pickScore = s;
                    }
                }
                if (pick < 0) {
                    break;
                }
                waiting.remove(pick);
                int m = sim.frameModel(pick);
                int l = sim.nextLayer(pick);
                int best = -1;
                for (int a = 0; a < avail.length; a++) {
                    long finish = Math.max(now, avail[a]) + sim.originalLatency(m, l, a);
                    long bestFinish = best < 0 ? Long.MAX_VALUE : Math.max(now, avail[best]) + sim.originalLatency(m, l, best);
                    if (finish < bestFinish || (finish == bestFinish && sim.originalLatency(m, l, a) < sim.originalLatency(m, l, best))) {
                        best = a;
                    }
                }
                long finish = Math.max(now, avail[best]) + sim.originalLatency(m, l, best);
                if (avail[best] <= now) {
                    sim.dispatch(pick, best, Implementation.ORIGINAL);
                    idle--;
                } else {
                    held.add(pick);
                }
                avail[best] = finish;
            }
            waiting.addAll(held);
        }

        private int oldestWaiting(int task) {
            for (int f : waiting) {
                if (sim.frameTask(f) == task) {
                    return f; // frame ids grow with release, so the first one of the task is its oldest
                }
            }
            return -1;
        }

        private double score(int f, long now, long[] avail) {
            int m = sim.frameModel(f);
            int l = sim.nextLayer(f);
            long slack = sim.deadline(f) - now;
            long remaining = sim.remainingFastest(m, l);
            double urgency = slack <= 0 || remaining >= slack ? 1 : (double) remaining / slack;
            double fairness = (double) (now - sim.readyAt(f)) / sim.fastestLatency(m, l);
            int preferred = 0;
            for (int a = 1; a < avail.length; a++) {
                if (sim.originalLatency(m, l, a) < sim.originalLatency(m, l, preferred)) {
                    preferred = a;
                }
            }
            return urgency + DreamScheduler.DEFAULT_ALPHA * fairness + (avail[preferred] <= now ? DreamScheduler.DEFAULT_GAMMA : 0);
        }
    }
}
