package org.terastal.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.terastal.online.FakeContext.MS;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.io.json.InstanceFiles;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.cli.LatencyInputs;

/** DREAM's online weight tuning (a reconstruction): each rule on windows whose objective is set by hand. */
class DreamAdaptationTest {
    /** Two tasks with deadlines 10 and 20 ms: windows of 4 × 20 ms. */
    private static DreamAdaptation adaptation() {
        FakeContext ctx = new FakeContext(2, new double[] {100, 50}, new long[][] {{MS, 2 * MS}, {MS, 2 * MS}});
        return new DreamAdaptation(ctx, 0.1, 0.5);
    }

    /** Closes a window at {@code now} in which task 0 released 10 frames and missed {@code missed}. */
    private static void window(DreamAdaptation a, long now, int missed) {
        for (int i = 0; i < 10; i++) {
            a.released(0);
        }
        for (int i = 0; i < missed; i++) {
            a.missed(0);
        }
        assertTrue(a.due(now));
        a.adapt(now);
    }

    @Test
    void windowsSpanFourOfTheLongestDeadlines() {
        DreamAdaptation a = adaptation();
        assertTrue(!a.due(80 * MS - 1) && a.due(80 * MS));
    }

    @Test
    void aMoveThatHelpsStaysAndOneThatHurtsIsUndoneAndReversed() {
        DreamAdaptation a = adaptation();
        window(a, 80 * MS, 5);
        assertEquals(0.2, a.alpha(), 1e-12, "first move: alpha doubles");
        window(a, 160 * MS, 3);
        assertEquals(0.2, a.alpha(), 1e-12, "fewer misses: the move stays");
        assertEquals(1.0, a.gamma(), 1e-12, "then gamma doubles");
        window(a, 240 * MS, 6);
        assertEquals(0.5, a.gamma(), 1e-12, "more misses: gamma's move is undone");
        assertEquals(0.2 * Math.pow(2, 1), a.alpha(), 1e-12, "and alpha moves on in its direction");
        // gamma's next move goes the other way, by half a step
        window(a, 320 * MS, 3);
        assertEquals(0.5 * Math.pow(2, -0.5), a.gamma(), 1e-12);
    }

    @Test
    void aFlatObjectiveShrinksTheStepDownToItsFloor() {
        DreamAdaptation a = adaptation();
        for (int k = 1; k <= 13; k++) {
            window(a, k * 80 * MS, 5);
        }
        // flat judgements halve each weight's step at each of its turns, down to 1/8: alpha moved by
        // 1, 1/2, 1/4 and four times 1/8 (windows 1, 3, ..., 13), gamma by 1, 1/2, 1/4 and three times 1/8
        assertEquals(13, a.windows());
        assertEquals(0.1 * Math.pow(2, 2.25), a.alpha(), 1e-12);
        assertEquals(0.5 * Math.pow(2, 2.125), a.gamma(), 1e-12);
    }

    @Test
    void weightsStayWithinTheirBounds() {
        DreamAdaptation a = adaptation();
        long now = 0;
        for (int k = 0; k < 200; k++) {
            now += 80 * MS;
            window(a, now, 10 - Math.min(9, k)); // misses keep falling: every move stays
        }
        assertTrue(a.alpha() <= DreamAdaptation.ALPHA_MAX && a.alpha() >= DreamAdaptation.ALPHA_MIN, "alpha " + a.alpha());
        assertTrue(a.gamma() <= DreamAdaptation.GAMMA_MAX && a.gamma() >= DreamAdaptation.GAMMA_MIN, "gamma " + a.gamma());
    }

    @Test
    void aWindowWithoutReleasesIsExtended() {
        DreamAdaptation a = adaptation();
        a.adapt(80 * MS);
        assertEquals(0, a.windows());
        assertEquals(0.1, a.alpha(), 1e-12);
        assertTrue(!a.due(159 * MS) && a.due(160 * MS));
    }

    /** On an overloaded XRBench scenario the weights move away from where they start; dream-fixed keeps them. */
    @Test
    void onAnOverloadedScenarioTheWeightsMove() {
        Instance instance = InstanceFiles.read(Path.of("instances/xrbench-AR_gaming.json"));
        LatencyTable latency = LatencyInputs.forInstance(instance, null);
        DreamScheduler[] made = new DreamScheduler[2];
        SimConfig config = new SimConfig(2_000_000_000L, 1, LatePolicy.DROP, 1.5, false);
        SimResult adaptive = Simulator.run(instance, latency, (i, l) -> made[0] = new DreamScheduler(), config);
        SimResult fixed = Simulator.run(instance, latency, (i, l) -> made[1] = DreamScheduler.fixed(), config);
        assertTrue(made[0].alpha() != DreamScheduler.DEFAULT_ALPHA || made[0].gamma() != DreamScheduler.DEFAULT_GAMMA);
        assertEquals(DreamScheduler.DEFAULT_ALPHA, made[1].alpha());
        assertEquals("dream", adaptive.scheduler());
        assertEquals("dream-fixed", fixed.scheduler());
    }
}
