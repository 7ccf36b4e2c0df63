package org.terastal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Dependency;
import org.terastal.domain.DomainException;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.io.maestro.MaestroExport;
import org.terastal.io.maestro.MaestroModelParser;
import org.terastal.io.maestro.MaestroNetwork;
import org.terastal.offline.OfflineProblem;
import org.terastal.online.Schedulers;
import org.terastal.scenario.Scenarios;
import org.terastal.scenario.TaskSpec;

/** One rule for a cascaded task's rate, offline and online: its parent's rate times the probability. */
class CascadePricingTest {
    private static final long MS = 1_000_000L;

    private static Platform platform() {
        return new Platform("p", List.of(new Accelerator("ws", Dataflow.WS, 64, 1000, 8, 8, 1024, 1024),
                new Accelerator("os", Dataflow.OS, 64, 1000, 8, 8, 1024, 1024)));
    }

    private static Model model(String id) {
        return new Model(id, "", List.of(new Layer("L0", LayerType.CONV, 1, 4, 4, 4, 4, 1, 1, 1, 0)), List.of(), null, 0.97);
    }

    private static LatencyTable table(Instance instance) {
        LatencyTable.Builder b = LatencyTable.builder(instance, "hand");
        b.put("det", 0, Implementation.ORIGINAL, 0, MS).put("det", 0, Implementation.ORIGINAL, 1, 2 * MS);
        b.put("cls", 0, Implementation.ORIGINAL, 0, 2 * MS).put("cls", 0, Implementation.ORIGINAL, 1, 3 * MS);
        return b.build();
    }

    /**
     * 100 simulated seconds at a light load (no frame is dropped): the offline stage's rate and load of
     * the cascaded task agree with what the simulator releases and runs, within 2 %.
     */
    @Test
    void offlineLoadOfACascadedTaskIsTheRateTheSimulatorReleasesIt() {
        double parentFps = 120;
        double probability = 0.4;
        Instance instance = new Instance("cascade", "", platform(), List.of(model("det"), model("cls")), List.of(
                new Task("det", "det", parentFps, 0, 0, MS, null, 1),
                new Task("cls", "cls", Instance.cascadeRate(parentFps, probability), 0, 0, 0, new Dependency("det", probability), 1)));
        LatencyTable table = table(instance);
        OfflineProblem offline = OfflineProblem.of(instance, table, OfflineProblem.PPM);
        OfflineProblem.ModelData cls = offline.models().stream().filter(m -> m.id().equals("cls")).findFirst().orElseThrow();
        long horizon = 100_000 * MS;
        for (String scheduler : List.of("fcfs", "edf", "dream")) {
            SimResult r = Simulator.run(instance, table, Schedulers.factory(scheduler, null), new SimConfig(horizon, 7, LatePolicy.DROP, 1.0, true));
            assertEquals(0, r.model("det").dropped() + r.model("det").missed(), scheduler + ": the parent must complete every frame here");
            double releasedRate = r.model("cls").released() / (horizon / 1e9);
            assertEquals(cls.fps(), releasedRate, 0.02 * cls.fps(), scheduler + ": offline rate " + cls.fps() + " fps, released " + releasedRate);
            // what the simulator ran of the child, priced on WS as the offline load is
            long ranNs = r.trace().layers().stream().filter(l -> l.model().equals("cls")).count() * 2 * MS;
            double simulatedPpm = ranNs * 1e6 / horizon;
            long offlinePpm = cls.layers().get(0).load(Implementation.ORIGINAL, 0);
            assertEquals(offlinePpm, simulatedPpm, 0.02 * offlinePpm, scheduler + ": offline load " + offlinePpm + " ppm, simulated " + simulatedPpm);
        }
    }

    @Test
    void aCascadedRateThatContradictsTheRuleIsRejectedNamingTheTask() {
        DomainException e = assertThrows(DomainException.class, () -> new Instance("bad", "", platform(), List.of(model("det"), model("cls")),
                List.of(new Task("det", "det", 30, 0, 0, 0, null, 1), new Task("cls", "cls", 10, 0, 0, 0, new Dependency("det", 1.0), 1))));
        assertTrue(e.getMessage().contains("cascaded task 'cls'") && e.getMessage().contains("30.0 fps"), e.getMessage());
        assertEquals("tasks[1].fps", e.path());
    }

    @Test
    void composeDerivesTheRateOfACascadedTaskWithoutFps() {
        Instance instance = Scenarios.compose("c", "", platform(), List.of(model("det"), model("cls")),
                List.of(new TaskSpec("cls,after=det/0.25,deadline=40"), new TaskSpec("det@30")));
        Task cls = instance.tasks().get(0);
        assertEquals(7.5, cls.fps(), 1e-12);
        assertEquals(40 * MS, cls.effectiveDeadlineNs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scenarios.compose("c", "", platform(),
                List.of(model("det"), model("cls")), List.of(new TaskSpec("cls,after=cam"), new TaskSpec("det@30"))));
        assertTrue(e.getMessage().contains("unknown task ('cam')"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scenarios.compose("c", "", platform(), List.of(model("det")),
                List.of(new TaskSpec("det"))));
    }

    /** XRBench's FPS of a cascaded network sets its deadline; the task runs at its parent's rate times the probability. */
    @Test
    void importKeepsXrbenchDeadlinesAndPricesCascadesByTheRule() {
        String text = """
                Network det {
                FPS: 60
                Layer c1 { Type: CONV Dimensions: { N: 1, K: 4, C: 4, Y: 8, X: 8, R: 3, S: 3 } }
                }
                Network gaze {
                Dependency: { det }
                Probability: 0.5
                FPS: 60
                Layer c1 { Type: CONV Dimensions: { N: 1, K: 4, C: 4, Y: 8, X: 8, R: 3, S: 3 } }
                }
                """;
        Instance instance = Scenarios.fromMaestro("x.m", "x", "", MaestroModelParser.parse("x.m", text), platform(), 0.97);
        Task gaze = instance.tasks().get(1);
        assertEquals(30, gaze.fps(), 1e-12);
        assertEquals(Math.round(1e9 / 60), gaze.effectiveDeadlineNs());
        MaestroNetwork exported = MaestroExport.scenario(instance).networks().get(1);
        assertEquals(1e9 / Math.round(1e9 / 60), exported.fps(), 1e-9, "export writes the deadline's rate back as XRBench's FPS");
    }
}
