package org.terastal.offline;

import java.util.List;
import org.terastal.domain.SolveStatus;
import org.terastal.domain.Solution;

/**
 * The result of an offline solve.
 *
 * @param status        OPTIMAL or FEASIBLE with a solution; INFEASIBLE or UNKNOWN without
 * @param solution      the solution table, or null when there is none
 * @param diagnosis     why there is no solution, in domain words (empty when there is one)
 * @param modelSize     size of the constraint model (empty when the diagnosis stopped the solve before building it)
 * @param phases        one report per lexicographic phase run
 * @param wallTimeMs    wall time of the whole solve, ms
 */
public record SolveOutcome(SolveStatus status, Solution solution, List<String> diagnosis, String modelSize, List<PhaseReport> phases,
                           long wallTimeMs) {
    public SolveOutcome {
        diagnosis = List.copyOf(diagnosis);
        phases = List.copyOf(phases);
    }

    /** Search nodes or branches over all phases. */
    public long branches() {
        return phases.stream().mapToLong(PhaseReport::branches).sum();
    }

    /** Conflicts or fails over all phases. */
    public long conflicts() {
        return phases.stream().mapToLong(PhaseReport::conflicts).sum();
    }
}
