package org.terastal.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.terastal.online.FakeContext.MS;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Task;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SimConfig;
import org.terastal.sim.Simulator;
import org.terastal.testkit.RandomInstances;

/**
 * The overload guard's rules on a hand-built situation: one overloaded engine, three frames released
 * together (deadlines = periods of 10, 8 and 11 ms; work 2, 6 and 3.5 ms, all planned on engine 0).
 * Admitting the third fails the demand test (2 + 6 + 3.5 = 11.5 ms > 11 ms), and the victim rule
 * (work on the overloaded engine × rate / weight: 200, 750 and 318) rejects the 8 ms frame, not the
 * failing frame itself (what a guard without the rule would reject) nor the cheapest one (what the
 * inverted rule would).
 */
class OverloadGuardTest {
    private static final double[] FPS = {100, 125, 1000.0 / 11};

    private static FakeContext situation() {
        return new FakeContext(2, FPS, new long[][] {{2 * MS, 6 * MS}, {6 * MS, 18 * MS}, {3_500_000, 10_500_000}});
    }

    private static OverloadGuard guard(FakeContext ctx, boolean rejects) {
        OverloadGuard g = new OverloadGuard(2, new int[][] {{0}, {0}, {0}}, new long[][] {{2 * MS}, {6 * MS}, {3_500_000}}, rejects);
        g.start(ctx);
        return g;
    }

    @Test
    void theVictimFreesTheMostBottleneckWorkPerMissedRate() {
        FakeContext ctx = situation();
        OverloadGuard g = guard(ctx, true);
        List<Integer> told = new ArrayList<>();
        g.listener(told::add);
        int f0 = ctx.arrive(0);
        g.admit(f0, 0);
        int f1 = ctx.arrive(1);
        g.admit(f1, 0);
        assertTrue(g.admitted(f0) && g.admitted(f1), "two frames fit: 6 ms by 8 ms, then 8 ms by 10 ms");
        int f2 = ctx.arrive(2);
        g.admit(f2, 0);
        assertFalse(g.admitted(f1), "the 8 ms frame frees 6 ms of the engine at rate 125: the largest score");
        assertTrue(g.admitted(f0) && g.admitted(f2));
        assertEquals(List.of(f1), told, "the listener hears of the rejected frame");
        assertEquals(0.5, g.tightestSlack(), 1e-12, "then 5.5 ms of 11 ms is the tightest slack");
    }

    @Test
    void aRejectedReleaseIsNotReportedToTheListener() {
        // b, due sooner at a higher rate, makes a fail; b's score (9 ms × 110) beats a's (9 ms × 100)
        FakeContext ctx = new FakeContext(2, new double[] {100, 110}, new long[][] {{9 * MS, 30 * MS}, {9 * MS, 30 * MS}});
        OverloadGuard g = new OverloadGuard(2, new int[][] {{0}, {0}}, new long[][] {{9 * MS}, {9 * MS}}, true);
        g.start(ctx);
        List<Integer> told = new ArrayList<>();
        g.listener(told::add);
        int a = ctx.arrive(0);
        g.admit(a, 0);
        int b = ctx.arrive(1);
        g.admit(b, 0);
        assertTrue(g.admitted(a));
        assertFalse(g.admitted(b));
        assertEquals(List.of(), told);
    }

    @Test
    void withoutRejectionTheTestIsOnlyMeasured() {
        FakeContext ctx = situation();
        OverloadGuard g = guard(ctx, false);
        for (int t = 0; t < 3; t++) {
            g.admit(ctx.arrive(t), 0);
        }
        for (int f = 0; f < 3; f++) {
            assertTrue(g.admitted(f));
        }
        assertEquals(-0.5 / 11, g.tightestSlack(), 1e-12, "the 11 ms frame would end 0.5 ms late");
    }

    @Test
    void finishedFramesLeaveTheAdmittedSet() {
        FakeContext ctx = situation();
        OverloadGuard g = guard(ctx, true);
        int f0 = ctx.arrive(0);
        g.admit(f0, 0);
        int f1 = ctx.arrive(1);
        g.admit(f1, 0);
        ctx.finish(f1);
        int f2 = ctx.arrive(2);
        g.admit(f2, 0);
        assertTrue(g.admitted(f0) && g.admitted(f2), "with the 8 ms frame done, 5.5 ms fit in 11 ms");
    }

    /** Plain EDF serves the 8 ms frame first; with the guard it is rejected, and the admitted 10 ms frame goes first. */
    @Test
    void rejectedFramesAreServedOnlyWhenAdmittedOnesCannotUseAnEngine() {
        FakeContext plain = situation();
        EdfScheduler edf = new EdfScheduler();
        edf.start(plain);
        FakeContext ctx = situation();
        GuardedScheduler guarded = new GuardedScheduler(EdfScheduler::new);
        guarded.start(ctx);
        for (int t = 0; t < 3; t++) {
            edf.onReady(plain.arrive(t));
            guarded.onReady(ctx.arrive(t));
        }
        edf.decide(0);
        guarded.decide(0);
        assertEquals("1@a0", plain.dispatches.get(0));
        assertEquals(List.of("0@a0"), ctx.dispatches, "the admitted 10 ms frame takes engine 0 and the 11 ms one waits for it;"
                + " the rejected frame would finish sooner waiting for engine 0 than on engine 1, so it starts nothing");
        assertEquals("edf+guard", guarded.name());
    }

    /**
     * The guard reads nothing of the policy: for a burst of releases at time 0 (one frame per task,
     * nothing run yet) every guarded baseline rejects the same frames.
     */
    @Test
    void theGuardDecidesTheSameWhicheverPolicyOrdersTheFrames() {
        int rejections = 0;
        for (long seed = 0; seed < 20; seed++) {
            RandomInstances.Case c = RandomInstances.generate(seed);
            Instance burst = new Instance(c.instance().name(), "", c.instance().platform(), c.instance().models(),
                    c.instance().tasks().stream().filter(t -> t.dependency() == null)
                            .map(t -> new Task(t.id(), t.model(), t.fps(), t.deadlineNs(), 0, 0, null, t.weight())).toList());
            List<List<Boolean>> classes = new ArrayList<>();
            for (String policy : List.of("fcfs", "edf", "dream")) {
                GuardedScheduler[] made = new GuardedScheduler[1];
                LatencyTable table = c.latency();
                Simulator.run(burst, table, (i, l) -> made[0] = (GuardedScheduler) Schedulers.factory(policy + "+guard", null).create(i, l),
                        new SimConfig(1, seed, LatePolicy.CONTINUE, 3.0, false));
                List<Boolean> admitted = new ArrayList<>();
                for (int f = 0; f < burst.tasks().size(); f++) {
                    admitted.add(made[0].guard().admitted(f));
                    rejections += made[0].guard().admitted(f) ? 0 : 1;
                }
                classes.add(admitted);
            }
            assertEquals(classes.get(0), classes.get(1), "seed " + seed + ": fcfs+guard and edf+guard");
            assertEquals(classes.get(0), classes.get(2), "seed " + seed + ": fcfs+guard and dream+guard");
        }
        assertTrue(rejections > 0, "some burst must overload an engine, or the test shows nothing");
    }
}
