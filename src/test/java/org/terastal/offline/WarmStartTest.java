package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.domain.Task;
import org.terastal.io.json.SolutionFiles;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.check.SolutionChecker;

/**
 * Re-planning: a solve warm-started from the plan of the instance before a change finds the same
 * optimum as a cold solve, passes the checker and records where it started from; parts of the old
 * plan that no longer apply are dropped and named.
 */
class WarmStartTest {
    private static final Instance VISION = TestInstances.named("instances/skewed-vision.json");
    /** The shipped solution of {@link #VISION} under the MAESTRO table. */
    private static final Solution SHIPPED = SolutionFiles.read(Path.of("solutions/skewed-vision.maestro.json"));

    private static Instance withTasks(Instance instance, List<Task> tasks) {
        return new Instance(instance.name(), instance.description(), instance.platform(), instance.models(), tasks);
    }

    private static OfflineProblem problem(Instance instance) {
        return OfflineProblem.of(instance, TestInstances.latencies(instance), OfflineProblem.PPM);
    }

    private static WarmStart warm(Solution previous, Instance instance) {
        return WarmStart.of(previous, "previous.json", "sha256:00", problem(instance));
    }

    /** Solves cold and warm; both are proven optimal with equal objectives, and the warm solution records its start. */
    private static void sameOptimumAsCold(Instance instance, WarmStart warm) {
        LatencyTable latencies = TestInstances.latencies(instance);
        SolveOutcome cold = Solves.solve(instance, latencies, "cpsat", Formulation.TABLE, 60, OfflineProblem.PPM);
        SolveOutcome warmed = Solves.solve(instance, latencies, "cpsat", Formulation.TABLE, 60, OfflineProblem.PPM, warm);
        assertEquals(SolveStatus.OPTIMAL, cold.status());
        assertEquals(SolveStatus.OPTIMAL, warmed.status());
        assertEquals(cold.solution().objective(), warmed.solution().objective());
        assertEquals("previous.json", warmed.solution().parameters().get(OfflineSolver.WARM_START_FILE));
        assertEquals("sha256:00", warmed.solution().parameters().get(OfflineSolver.WARM_START_CHECKSUM));
        assertEquals(null, cold.solution().parameters().get(OfflineSolver.WARM_START_FILE));
    }

    @Test
    void theKeptPlanOfAnUnchangedInstanceIsASolutionOfItsModel() {
        WarmStart warm = warm(SHIPPED, VISION);
        assertEquals(List.of(), warm.dropped());
        OfflineFormulation.Encoding e = OfflineFormulation.build(problem(VISION), Formulation.MIP);
        long[] values = warm.assignment(e);
        assertEquals(List.of(), e.ir().violations(values));
        assertEquals(SHIPPED.objective().get(Objectives.MAX_LOAD), values[e.maxLoad().index()]);
        assertEquals(SHIPPED.objective().get(Objectives.ACCURACY_LOSS), e.ir().objectives().get(2).expr().evaluate(values));
        assertEquals(SHIPPED.objective().get(Objectives.MIGRATABLE_WORK), e.ir().objectives().get(1).expr().evaluate(values));
    }

    /** CP-SAT, telling {@code hints} every hint it is given, its answers replaced by {@code answer}'s. */
    private static Backend watched(List<long[]> hints, UnaryOperator<PhaseResult> answer) {
        Backend cpsat = Backends.create("cpsat");
        return new Backend() {
            @Override
            public String name() {
                return cpsat.name();
            }

            @Override
            public String version() {
                return cpsat.version();
            }

            @Override
            public Optional<String> unsupported(ModelIr ir) {
                return cpsat.unsupported(ir);
            }

            @Override
            public PhaseResult solve(ModelIr ir, SolverSettings settings, long[] hint) {
                hints.add(hint);
                return answer.apply(cpsat.solve(ir, settings, hint));
            }
        };
    }

    private static SolveOutcome solve(Backend backend, WarmStart warm) {
        return OfflineSolver.solve(VISION, TestInstances.latencies(VISION), backend, Formulation.TABLE, SolverSettings.defaults(),
                OfflineProblem.PPM, (phase, phases, objective) -> { }, warm);
    }

    @Test
    void theWarmStartIsTheFirstPhasesHint() {
        List<long[]> hints = new ArrayList<>();
        WarmStart warm = warm(SHIPPED, VISION);
        assertEquals(SolveStatus.OPTIMAL, solve(watched(hints, r -> r), warm).status());
        assertArrayEquals(warm.assignment(OfflineFormulation.build(problem(VISION), Formulation.TABLE)), hints.get(0));
    }

    @Test
    void aLaterPhaseStartsFromTheWarmStartWhenThatIsBetterThere() {
        List<long[]> hints = new ArrayList<>();
        OfflineFormulation.Encoding e = OfflineFormulation.build(problem(VISION), Formulation.TABLE);
        long[] warm = warm(SHIPPED, VISION).assignment(e);
        // without the greedy start, the flexibility phase would start from the load phase's answer, which nothing made flexible
        LexicographicSolve.Result result = LexicographicSolve.solve(e.ir(), watched(hints, r -> r), SolverSettings.defaults(),
                (phase, previous) -> previous, (phase, phases, objective) -> { }, warm);
        assertEquals(SolveStatus.OPTIMAL, result.status());
        assertArrayEquals(warm, hints.get(0));
        assertArrayEquals(warm, hints.get(1));
    }

    @Test
    void aWarmStartThatFitsIsThePlanWhenTheSolverFindsNothingInTime() {
        Backend findsNothing = watched(new ArrayList<>(), r -> new PhaseResult(SolveStatus.UNKNOWN, null, 0, 0, r.branches(),
                r.conflicts(), r.wallTimeNanos()));
        SolveOutcome cold = solve(findsNothing, null);
        assertEquals(SolveStatus.FEASIBLE, cold.status()); // the load planner's plan
        assertTrue(cold.solution().objective().get(Objectives.MAX_LOAD) > SHIPPED.objective().get(Objectives.MAX_LOAD));
        SolveOutcome outcome = solve(findsNothing, warm(SHIPPED, VISION));
        assertEquals(SolveStatus.FEASIBLE, outcome.status());
        assertEquals(SHIPPED.objective().get(Objectives.MAX_LOAD), outcome.solution().objective().get(Objectives.MAX_LOAD));
        assertEquals(List.of(), SolutionChecker.check(VISION, TestInstances.latencies(VISION), outcome.solution()));
    }

    @Test
    void aRateChangeOfOneTask() {
        List<Task> tasks = new ArrayList<>(VISION.tasks());
        Task t = tasks.get(1);
        tasks.set(1, new Task(t.id(), t.model(), t.fps() * 1.4, t.deadlineNs(), t.offsetNs(), t.jitterNs(), t.dependency(), t.weight()));
        Instance changed = withTasks(VISION, tasks);
        WarmStart warm = warm(SHIPPED, changed);
        assertEquals(List.of(), warm.dropped());
        sameOptimumAsCold(changed, warm);
    }

    @Test
    void anAddedTask() {
        Instance before = withTasks(VISION, VISION.tasks().subList(0, 2));
        SolveOutcome previous = Solves.solve(before, TestInstances.latencies(before), "cpsat", Formulation.TABLE, 60, OfflineProblem.PPM);
        WarmStart warm = warm(previous.solution(), VISION);
        assertEquals(List.of(), warm.dropped());
        assertTrue(warm.summary().startsWith("warm start from previous.json (sha256:00): hints for 161 of 238 layers"), warm.summary());
        sameOptimumAsCold(VISION, warm);
    }

    @Test
    void aRemovedTaskDropsItsModelWithANote() {
        Instance after = withTasks(VISION, VISION.tasks().subList(0, 2));
        WarmStart warm = warm(SHIPPED, after);
        assertEquals(List.of("model swin_tiny (77 layers): no task of the instance runs it"), warm.dropped());
        sameOptimumAsCold(after, warm);
    }

    @Test
    void partsThatNoLongerApplyAreDroppedAndNamed() {
        List<ModelPlan> models = new ArrayList<>(SHIPPED.models());
        ModelPlan resnet = models.get(0);
        List<LayerPlan> layers = new ArrayList<>(resnet.layers());
        LayerPlan first = layers.get(0);
        layers.set(0, new LayerPlan("renamed", first.home(), first.implementation(), first.budgetNs(), first.deadlineOffsetNs(),
                first.flexible()));
        for (int l = 1; l <= 2; l++) {
            LayerPlan p = layers.get(l);
            layers.set(l, new LayerPlan(p.layer(), "npu", p.implementation(), p.budgetNs(), p.deadlineOffsetNs(), p.flexible()));
        }
        models.set(0, new ModelPlan(resnet.model(), List.of("conv1"), resnet.worstCaseAccuracy(), layers));
        Solution tampered = new Solution(SHIPPED.instance(), SHIPPED.instanceChecksum(), SHIPPED.status(), SHIPPED.solver(),
                SHIPPED.formulation(), SHIPPED.objective(), SHIPPED.bound(), SHIPPED.gap(), SHIPPED.wallTimeMs(), SHIPPED.parameters(),
                models);
        WarmStart warm = warm(tampered, VISION);
        assertEquals(List.of("variant set [conv1] of model resnet50: not admissible any more, the model starts without variants",
                "1 layers of model resnet50 not in the instance: renamed",
                "accelerator npu, not on the platform: home of 2 layers"), warm.dropped());
        assertTrue(warm.summary().endsWith("hints for 235 of 238 layers"), warm.summary());
        // the layers without a hint start somewhere, and the budgets of their model are rebuilt to fit the deadline
        OfflineFormulation.Encoding e = OfflineFormulation.build(problem(VISION), Formulation.TABLE);
        long[] values = warm.assignment(e);
        assertTrue(e.ir().violations(values).stream().noneMatch(v -> v.contains("deadline")), e.ir().violations(values).toString());
    }

    @Test
    void aPlanOfAnotherInstanceIsRefused() {
        Solution other = SolutionFiles.read(Path.of("solutions/xrbench-VR_gaming.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> warm(other, VISION));
        assertEquals("The previous solution previous.json (instance 'xrbench-VR_gaming') has no layer whose model and home are in "
                + "instance 'skewed-vision': it is a plan of a different instance; maybe solve without --from", e.getMessage());
    }
}
