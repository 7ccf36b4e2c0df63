package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.terastal.domain.Instance;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.check.SolutionChecker;

/** The deterministic settings give the same plan run after run (wall times aside). */
class DeterminismTest {

    @ParameterizedTest
    @CsvSource({"cpsat, 1", "cpsat, 2", "choco, 1"})
    void sameSettingsSamePlan(String backend, int workers) {
        Instance instance = TestInstances.named("vgg11@40+sp2dense@40");
        SolverSettings settings = new SolverSettings(workers, 7, 60, true);
        SolveOutcome first = OfflineSolver.solve(instance, TestInstances.latencies(instance), Backends.create(backend), Formulation.TABLE,
                settings, OfflineProblem.PPM);
        SolveOutcome second = OfflineSolver.solve(instance, TestInstances.latencies(instance), Backends.create(backend), Formulation.TABLE,
                settings, OfflineProblem.PPM);
        assertEquals(SolveStatus.OPTIMAL, first.status());
        assertEquals(List.of(), SolutionChecker.check(instance, TestInstances.latencies(instance), first.solution()));
        assertEquals(first.solution().models(), second.solution().models());
        assertEquals(first.solution().objective(), second.solution().objective());
        assertEquals(first.branches(), second.branches());
    }
}
