package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.offline.backends.Backends;
import org.terastal.offline.check.SolutionChecker;
import org.terastal.offline.check.Violation;

/** Solving in tests: every solution found goes through the independent checker. */
public final class Solves {
    private Solves() {
    }

    public static SolveOutcome solve(Instance instance, LatencyTable latencies, String backend, Formulation formulation,
                                     double timeLimitSeconds, long capPpm) {
        return solve(instance, latencies, backend, formulation, timeLimitSeconds, capPpm, null);
    }

    /** As {@link #solve(Instance, LatencyTable, String, Formulation, double, long)}, warm-started (null for a cold solve). */
    public static SolveOutcome solve(Instance instance, LatencyTable latencies, String backend, Formulation formulation,
                                     double timeLimitSeconds, long capPpm, WarmStart warm) {
        SolveOutcome outcome = OfflineSolver.solve(instance, latencies, Backends.create(backend), formulation,
                new SolverSettings(1, 0, timeLimitSeconds, true), capPpm, (phase, phases, objective) -> { }, warm);
        if (outcome.solution() != null) {
            List<Violation> violations = SolutionChecker.check(instance, latencies, outcome.solution());
            assertEquals(List.of(), violations, "checker violations of the " + backend + " solution");
        }
        return outcome;
    }

    public static SolveOutcome solve(Instance instance, String backend, Formulation formulation, double timeLimitSeconds) {
        return solve(instance, TestInstances.latencies(instance), backend, formulation, timeLimitSeconds, OfflineProblem.PPM);
    }
}
