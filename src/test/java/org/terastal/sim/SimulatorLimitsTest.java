package org.terastal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Limits;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.online.Schedulers;

/** Runs the memory or the clock cannot hold are refused before they start, with the reason. */
class SimulatorLimitsTest {
    /** One task of a model of {@code layers} layers, each taking {@code latencyNs} on the one accelerator. */
    private static Instance instance(double fps, int layers) {
        Model model = new Model("m", "", IntStream.range(0, layers).mapToObj(l -> new Layer("l" + l, LayerType.CONV, 1, 4, 4, 4, 4, 1, 1, 1, 0))
                .toList(), List.of(), null, 1);
        return new Instance("big", "", new Platform("p", List.of(new Accelerator("a", Dataflow.WS, 64, 1000, 8, 8, 0, 0))),
                List.of(model), List.of(new Task("t", "m", fps, 0, 0, 0, null, 1)));
    }

    private static LatencyTable table(Instance instance, long latencyNs) {
        LatencyTable.Builder b = LatencyTable.builder(instance, "t");
        for (int l = 0; l < instance.models().get(0).layers().size(); l++) {
            b.put("m", l, Implementation.ORIGINAL, 0, latencyNs);
        }
        return b.build();
    }

    private static IllegalArgumentException refused(Instance instance, LatencyTable table, long horizonNs) {
        return assertThrows(IllegalArgumentException.class, () -> Simulator.run(instance, table, Schedulers.factory("edf", null),
                new SimConfig(horizonNs, 1, LatePolicy.CONTINUE, 1.0, false)));
    }

    @Test
    void tooManyFramesAreCountedNotAllocated() {
        Instance fast = instance(Limits.MAX_FPS, 1);
        IllegalArgumentException e = refused(fast, table(fast, 100), 1_000_000_000_000L);
        assertEquals("The run of instance 'big' at load 1 up to 1000 s would release up to 1000000000 frames, more than the 100000000 "
                + "one run may; maybe a shorter horizon, or a rate or load is mistyped", e.getMessage());
    }

    @Test
    void aRunBeyondTheHeapIsRefusedBeforeItStarts() {
        // 1e8 frames (the most a run may release) hold about 16 GB
        assumeTrue(Runtime.getRuntime().maxMemory() < 16_000_000_000L);
        Instance fast = instance(Limits.MAX_FPS, 1);
        IllegalArgumentException e = refused(fast, table(fast, 100), 100_000_000_000L);
        assertTrue(e.getMessage().startsWith("The run of instance 'big' at load 1 up to 100 s would hold up to 100000000 frames, about 15258 MiB, "
                + "more than this Java heap's"), e.getMessage());
    }

    @Test
    void aBacklogBeyondTheClockIsRefused() {
        // 1e8 frames of 10 s each: 1e18 ns of work, with rates and latencies each within their range
        Instance slow = instance(1000, 10);
        IllegalArgumentException e = refused(slow, table(slow, 1_000_000_000L), Limits.MAX_HORIZON_NS);
        assertTrue(e.getMessage().contains("could keep the accelerators busy until 1.00e+18 ns, beyond the 1e18 ns a run may reach"), e.getMessage());
    }

    @Test
    void theSizeCountsEveryReleaseAndLayer() {
        Instance one = instance(10, 3);
        Simulator.Size size = Simulator.size(one, table(one, 5), new SimConfig(1_000_000_000L, 1, LatePolicy.DROP, 2.0, true));
        assertEquals(new Simulator.Size(20, 60, 300.0), size);
        SimResult r = Simulator.run(one, table(one, 5), Schedulers.factory("edf", null), new SimConfig(1_000_000_000L, 1, LatePolicy.DROP, 2.0, true));
        assertEquals(size.frames(), r.overall().released());
        assertEquals(size.layers(), r.dispatches());
    }
}
