package org.terastal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Accelerator;
import org.terastal.domain.Dataflow;
import org.terastal.domain.Dependency;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Layer;
import org.terastal.domain.LayerType;
import org.terastal.domain.Model;
import org.terastal.domain.Platform;
import org.terastal.domain.Task;
import org.terastal.io.csv.CsvRows;
import org.terastal.io.results.MetricsCsv;
import org.terastal.online.Schedulers;
import org.terastal.sim.check.ScheduleChecker;

/** Hand-worked schedules whose every frame outcome is known. */
class SimulatorSemanticsTest {
    private static final long MS = 1_000_000;

    /** One model per entry of latencies (ns per accelerator for its single layer), one task per task spec. */
    private static Instance instance(int accelerators, List<Task> tasks, long[]... latencies) {
        List<Accelerator> accs = new ArrayList<>();
        for (int a = 0; a < accelerators; a++) {
            accs.add(new Accelerator("a" + a, Dataflow.WS, 64, 1000, 8, 8, 1024, 1024));
        }
        List<Model> models = new ArrayList<>();
        for (int m = 0; m < latencies.length; m++) {
            models.add(new Model("m" + m, "", List.of(new Layer("L0", LayerType.CONV, 1, 4, 4, 4, 4, 1, 1, 1, 0)), List.of(), null, 0.97));
        }
        return new Instance("hand", "", new Platform("p", accs), models, tasks);
    }

    private static LatencyTable table(Instance instance, long[]... latencies) {
        LatencyTable.Builder b = LatencyTable.builder(instance, "hand");
        for (int m = 0; m < latencies.length; m++) {
            for (int a = 0; a < latencies[m].length; a++) {
                b.put("m" + m, 0, Implementation.ORIGINAL, a, latencies[m][a]);
            }
        }
        return b.build();
    }

    private static SimResult run(Instance instance, LatencyTable table, String scheduler, LatePolicy late, long horizon) {
        SimResult r = Simulator.run(instance, table, Schedulers.factory(scheduler, null), new SimConfig(horizon, 1, late, 1.0, true));
        assertEquals(List.of(), ScheduleChecker.check(instance, table, horizon, late, null, r.trace().frames(), r.trace().layers()));
        return r;
    }

    /**
     * Period 2 ms, deadline 4 ms, one 3 ms layer. Continue: frame k ends at 3k + 3, on time only for k ≤ 1.
     * Drop: frames 2, 5 and 8 are dropped when the previous frame ends a ms after their latest start.
     */
    @Test
    void dropAndContinueOnAnOverloadedEngine() {
        Instance inst = instance(1, List.of(new Task("t", "m0", 500, 4 * MS, 0, 0, null, 1)), new long[] {3 * MS});
        LatencyTable table = table(inst, new long[] {3 * MS});
        SimResult cont = run(inst, table, "edf", LatePolicy.CONTINUE, 20 * MS);
        assertEquals(10, cont.overall().released());
        assertEquals(2, cont.overall().onTime());
        assertEquals(8, cont.overall().missed());
        assertEquals(30 * MS, cont.endNs());
        SimResult drop = run(inst, table, "edf", LatePolicy.DROP, 20 * MS);
        List<FrameStatus> status = drop.trace().frames().stream().map(FrameRecord::status).toList();
        List<FrameStatus> expected = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            expected.add(k % 3 == 2 ? FrameStatus.DROPPED : FrameStatus.ON_TIME);
        }
        assertEquals(expected, status);
        assertEquals(0.3, drop.overall().missRate(), 1e-12);
        assertEquals(6 * MS, drop.trace().frame(2).finishNs(), "frame 2 is dropped at the decision after its latest start");
    }

    /** Every drop is announced to the scheduler once, and a dropped frame is never waiting again. */
    @Test
    void schedulersHearOfEveryDrop() {
        Instance inst = instance(1, List.of(new Task("t", "m0", 500, 4 * MS, 0, 0, null, 1)), new long[] {3 * MS});
        LatencyTable table = table(inst, new long[] {3 * MS});
        List<Integer> dropped = new ArrayList<>();
        SchedulerFactory counting = (i, l) -> {
            Scheduler edf = Schedulers.factory("edf", null).create(i, l);
            return new Scheduler() {
                private SchedulerContext sim;

                @Override
                public String name() {
                    return "edf-counting";
                }

                @Override
                public void start(SchedulerContext s) {
                    sim = s;
                    edf.start(s);
                }

                @Override
                public void onReady(int frame) {
                    edf.onReady(frame);
                }

                @Override
                public void onDropped(int frame) {
                    assertTrue(!sim.waiting(frame) && sim.finished(frame));
                    dropped.add(sim.frameIndex(frame));
                }

                @Override
                public void decide(long now) {
                    edf.decide(now);
                }
            };
        };
        SimResult r = Simulator.run(inst, table, counting, new SimConfig(20 * MS, 1, LatePolicy.DROP, 1.0, true));
        assertEquals(List.of(2, 5, 8), dropped);
        assertEquals(3, r.overall().dropped());
    }

    /** Two cameras running one model: the model's rows merge them, the task rows keep them apart, and the CSV reads back. */
    @Test
    void twoTasksOfOneModelAreReportedApart() {
        Instance inst = instance(2, List.of(new Task("cam1", "m0", 100, 0, 0, 0, null, 1), new Task("cam2", "m0", 50, 0, 0, 0, null, 1)),
                new long[] {MS, 2 * MS});
        LatencyTable table = table(inst, new long[] {MS, 2 * MS});
        SimResult r = run(inst, table, "edf", LatePolicy.DROP, 100 * MS);
        assertEquals(List.of("cam1", "cam2"), r.tasks().stream().map(TaskMetrics::task).toList());
        assertEquals(List.of("m0", "m0"), r.tasks().stream().map(TaskMetrics::model).toList());
        assertEquals(10, r.tasks().get(0).metrics().released());
        assertEquals(5, r.tasks().get(1).metrics().released());
        assertEquals(15, r.model("m0").released());
        RunResult back = MetricsCsv.read(CsvRows.parse("metrics.csv", MetricsCsv.HEADER + "\n" + MetricsCsv.rows(RunResult.of(r, r.instance())),
                MetricsCsv.HEADER));
        assertEquals(r.tasks(), back.tasks());
        assertEquals(r.models(), back.models());
    }

    @Test
    void cascadesFollowCompletedParentsOnly() {
        Task parent = new Task("p", "m0", 500, 0, 0, 0, null, 1);
        Task child = new Task("c", "m1", 500, 0, 0, 0, new Dependency("p", 1.0), 1);
        Instance inst = instance(2, List.of(parent, child), new long[] {3 * MS, 3 * MS}, new long[] {MS / 2, MS / 2});
        LatencyTable table = table(inst, new long[] {3 * MS, 3 * MS}, new long[] {MS / 2, MS / 2});
        for (LatePolicy late : LatePolicy.values()) {
            SimResult r = run(inst, table, "edf", late, 40 * MS);
            long parentsDone = r.model("m0").completed();
            assertEquals(parentsDone, r.model("m1").released(), late.label());
            for (FrameRecord f : r.trace().frames()) {
                if (f.task().equals("c")) {
                    FrameRecord p = r.trace().frames().stream().filter(x -> x.task().equals("p") && x.frame() == f.parentFrame()).findFirst().orElseThrow();
                    assertEquals(p.finishNs(), f.releaseNs());
                }
            }
        }
        SimResult drop = run(inst, table, "edf", LatePolicy.DROP, 40 * MS);
        assertTrue(drop.model("m0").dropped() > 0, "the parent is overloaded, so some parents are dropped and release no child");
    }

    @Test
    void cascadeProbabilityThinsTheChildStream() {
        Task parent = new Task("p", "m0", 100, 0, 0, 0, null, 1);
        Task child = new Task("c", "m1", 50, 0, 0, 0, new Dependency("p", 0.5), 1);
        Instance inst = instance(1, List.of(parent, child), new long[] {MS}, new long[] {MS});
        LatencyTable table = table(inst, new long[] {MS}, new long[] {MS});
        SimResult r = run(inst, table, "fcfs", LatePolicy.DROP, 10_000 * MS);
        double ratio = (double) r.model("m1").released() / r.model("m0").completed();
        assertTrue(ratio > 0.45 && ratio < 0.55, "child/parent ratio " + ratio);
    }

    /** Two frames at time 0; a 1 ms engine and a 5 ms engine: the second frame waits 1 ms for the fast engine rather than taking 5 ms. */
    @Test
    void earliestFinishWaitsForABusyFasterEngine() {
        Task t0 = new Task("t0", "m0", 10, 0, 0, 0, null, 1);
        Task t1 = new Task("t1", "m1", 10, 0, 0, 0, null, 1);
        Instance inst = instance(2, List.of(t0, t1), new long[] {MS, 5 * MS}, new long[] {MS, 5 * MS});
        LatencyTable table = table(inst, new long[] {MS, 5 * MS}, new long[] {MS, 5 * MS});
        for (String s : List.of("fcfs", "edf", "dream")) {
            SimResult r = run(inst, table, s, LatePolicy.DROP, 50 * MS);
            assertTrue(r.trace().layers().stream().allMatch(l -> l.accelerator().equals("a0")), s);
            assertEquals(2 * MS, r.overall().responseMaxNs(), s);
        }
    }

    /**
     * DREAM serves each task's frames oldest first (its per-task queues are bit sets over the frame's
     * index, grown as frames arrive): two tasks overload one engine 1.5 times for 2 s, so a thousand
     * frames per task are released, hundreds run and (late frames kept) hundreds wait at once. With
     * one layer per frame, each task's frames must start in index order, and every released frame
     * must be accounted for.
     */
    @Test
    void dreamServesEachTaskOldestFirstAcrossManyFrames() {
        Task a = new Task("a", "m0", 500, 20 * MS, 0, 0, null, 1);
        Task b = new Task("b", "m1", 500, 20 * MS, 0, 0, null, 1);
        Instance inst = instance(1, List.of(a, b), new long[] {3 * MS / 2}, new long[] {3 * MS / 2});
        LatencyTable table = table(inst, new long[] {3 * MS / 2}, new long[] {3 * MS / 2});
        for (LatePolicy late : LatePolicy.values()) {
            SimResult r = run(inst, table, "dream", late, 2000 * MS);
            assertEquals(2000, r.overall().released(), late.label());
            for (String task : List.of("a", "b")) {
                List<FrameRecord> started = r.trace().frames().stream().filter(f -> f.task().equals(task) && f.startNs() >= 0).toList();
                assertTrue(started.size() > 256, late.label() + ": " + started.size() + " frames of " + task + " started");
                for (int i = 1; i < started.size(); i++) {
                    assertTrue(started.get(i - 1).frame() < started.get(i).frame() && started.get(i - 1).startNs() < started.get(i).startNs(),
                            late.label() + ": frame " + started.get(i).frame() + " of " + task + " started out of order");
                }
            }
        }
    }

    @Test
    void configurationErrorsAreExplained() {
        Instance inst = instance(1, List.of(new Task("t", "m0", 500, 0, 0, 3 * MS, null, 1)), new long[] {MS});
        LatencyTable table = table(inst, new long[] {MS});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulator.run(inst, table, Schedulers.factory("edf", null), SimConfig.of(10 * MS, 1)));
        assertTrue(e.getMessage().contains("jitter"), e.getMessage());
        Instance two = instance(2, List.of(new Task("t", "m0", 500, 0, 0, 0, null, 1)), new long[] {MS, MS});
        IllegalArgumentException platform = assertThrows(IllegalArgumentException.class,
                () -> Simulator.run(two, table, Schedulers.factory("edf", null), SimConfig.of(10 * MS, 1)));
        assertTrue(platform.getMessage().contains("accelerators"), platform.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SimConfig.of(0, 1));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Schedulers.factory("lifo", null));
        assertTrue(unknown.getMessage().contains("edf"), unknown.getMessage());
        IllegalArgumentException noTable = assertThrows(IllegalArgumentException.class, () -> Schedulers.factory("terastal", null));
        assertTrue(noTable.getMessage().contains("solution"), noTable.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LatePolicy.parse("skip"));
    }

    /** A scheduler that never dispatches is caught instead of ending the run with frames unaccounted for. */
    @Test
    void aSchedulerThatStallsIsReported() {
        Instance inst = instance(1, List.of(new Task("t", "m0", 500, 0, 0, 0, null, 1)), new long[] {MS});
        LatencyTable table = table(inst, new long[] {MS});
        Scheduler idle = new Scheduler() {
            @Override
            public String name() {
                return "idle";
            }

            @Override
            public void start(SchedulerContext sim) {
            }

            @Override
            public void onReady(int frame) {
            }

            @Override
            public void decide(long now) {
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Simulator.run(inst, table, (i, l) -> idle, SimConfig.of(10 * MS, 1).withLate(LatePolicy.CONTINUE)));
        assertTrue(e.getMessage().contains("waiting"), e.getMessage());
    }
}
