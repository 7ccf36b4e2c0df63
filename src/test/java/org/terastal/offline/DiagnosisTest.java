package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.terastal.domain.Instance;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.backends.Backends;

/** Why there is no plan, in the instance's words. */
class DiagnosisTest {

    private static SolveOutcome solve(String instance, String backend, double cap, double timeLimit) {
        Instance i = TestInstances.named(instance);
        return Solves.solve(i, TestInstances.latencies(i), backend, Formulation.TABLE, timeLimit, Math.round(cap * OfflineProblem.PPM));
    }

    private static void assertNoPlan(SolveStatus status, List<String> reasons, SolveOutcome outcome) {
        assertEquals(status, outcome.status());
        assertNull(outcome.solution());
        assertEquals(reasons, outcome.diagnosis());
    }

    @Test
    void aChainLongerThanItsDeadline() {
        assertNoPlan(SolveStatus.INFEASIBLE, List.of("model resnet50: the fastest possible chain takes 17.0 ms, over its deadline of 16.7 ms; "
                + "maybe lower its frame rate or give its tasks a later deadline"), solve("resnet50@60", "cpsat", 1.0, 60));
    }

    @Test
    void aChainThatOnlyInadmissibleVariantsWouldShorten() {
        assertNoPlan(SolveStatus.INFEASIBLE, List.of("model vgg11: the fastest possible chain takes 17.4 ms with the variants its accuracy floor "
                + "0.97 admits, over its deadline of 16.1 ms; with every candidate variant it would take 15.0 ms, but no measured set of them "
                + "keeps every subset at or above the floor; maybe lower the floor or measure more combinations"),
                solve("vgg11@62", "choco", 1.0, 60));
    }

    @Test
    void moreLoadThanTheAcceleratorsCanCarry() {
        assertNoPlan(SolveStatus.INFEASIBLE, List.of("the accelerators cannot carry the load: even with every layer split at will between "
                + "engines and every admissible variant in use, the busiest engine is at 0.66, over the cap 0.60; it needs at least --cap 0.663151 "
                + "(--cap auto solves at the lowest cap that has a plan); maybe lower the frame rates"), solve("pair", "cpsat", 0.6, 60));
    }

    @Test
    void moreLoadThanTheAcceleratorsCanCarryWithTheVariantsTheFloorAdmits() {
        assertNoPlan(SolveStatus.INFEASIBLE, List.of("the accelerators cannot carry the load: even with every layer split at will between "
                + "engines and every admissible variant in use, the busiest engine is at 0.44, over the cap 0.42; every candidate variant "
                + "would bring it to 0.38, but the accuracy floors do not admit them all; it needs at least --cap 0.439127 (--cap auto solves at the lowest cap that "
                + "has a plan); maybe lower a floor or measure more combinations"),
                solve("vgg11@50", "cpsat", 0.42, 60));
    }

    @Test
    void everyReasonIsListed() {
        SolveOutcome outcome = solve("resnet50@60+vgg11@62", "cpsat", 0.3, 60);
        assertEquals(SolveStatus.INFEASIBLE, outcome.status());
        assertEquals(3, outcome.diagnosis().size());
        assertEquals("", outcome.modelSize(), "the diagnosis stops the solve before any model is built");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "choco"})
    void deadlinesAndCapClashOnlyTheSolverCanTell(String backend) {
        assertNoPlan(SolveStatus.INFEASIBLE, List.of("the accelerators cannot carry the load within the deadlines: the best plan meeting every "
                + "deadline puts the busiest engine at 0.46, over the cap 0.45; it needs --cap 0.458034 (or --cap auto); maybe lower the frame "
                + "rates or give the tasks later deadlines"), solve("vgg11@50", backend, 0.45, 60));
    }

    @Test
    void deadlinesAndCapClashOnALargerMix() {
        assertNoPlan(SolveStatus.INFEASIBLE, List.of("the accelerators cannot carry the load within the deadlines: the best plan meeting every "
                + "deadline puts the busiest engine at 0.72, over the cap 0.70; it needs --cap 0.722837 (or --cap auto); maybe lower the frame "
                + "rates or give the tasks later deadlines"), solve("pair", "cpsat", 0.7, 60));
    }

    @Test
    void deadlinesThatNoLoadMeets() {
        // each chain fits at its fastest, but not with the variant sets the floors admit: no cap helps, the re-solve without one says so
        String reason = "no plan meets every deadline at any load: the chains fit one by one, but not with the variant sets the accuracy "
                + "floors admit and the accelerators' latencies together; maybe give the tasks later deadlines or lower a floor";
        assertNoPlan(SolveStatus.INFEASIBLE, List.of(reason), solve("resnet50@55+inceptionv3@45", "cpsat", 5.0, 60));
        Instance i = TestInstances.named("resnet50@55+inceptionv3@45");
        assertNoPlan(SolveStatus.INFEASIBLE, List.of(reason), OfflineSolver.solveAtLowestCap(i, TestInstances.latencies(i),
                Backends.create("cpsat"), Formulation.TABLE, new SolverSettings(1, 0, 60, true), (phase, phases, objective) -> { }));
    }

    @Test
    void noPlanWithinTheTimeLimit() {
        // a cap between the load bound and the load planner's plan: neither the plan nor a proof is at hand
        Instance six = TestInstances.named("six");
        LoadPlanner.Plan plan = LoadPlanner.plan(OfflineProblem.of(six, TestInstances.latencies(six), OfflineProblem.PPM));
        assertTrue(plan.maxLoadPpm() > plan.boundPpm() + 1, "the planner's plan is above the bound");
        double cap = (plan.maxLoadPpm() - 1) / (double) OfflineProblem.PPM;
        assertNoPlan(SolveStatus.UNKNOWN, List.of("no plan was found within the time limit of 0.001 s, and none was proven impossible; "
                + "maybe raise the time limit"), solve("six", "choco", cap, 0.001));
    }
}
