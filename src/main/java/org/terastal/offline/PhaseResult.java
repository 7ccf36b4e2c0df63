package org.terastal.offline;

import org.terastal.domain.SolveStatus;

/**
 * What a back-end returns for one single-objective solve.
 *
 * @param status        OPTIMAL (proven), FEASIBLE (a solution, limit reached), INFEASIBLE (proven), UNKNOWN (neither)
 * @param values        the assignment in the IR's variable order when a solution exists, else null
 * @param objective     objective value of the assignment (0 without objective or solution)
 * @param bound         best proven bound on the objective (equal to it when optimal; meaningless without objective)
 * @param branches      search nodes or branches
 * @param conflicts     conflicts or fails
 * @param wallTimeNanos wall time of the solve
 */
public record PhaseResult(SolveStatus status, long[] values, long objective, long bound, long branches, long conflicts,
                          long wallTimeNanos) {
    public PhaseResult {
        boolean hasSolution = status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE;
        if (hasSolution != (values != null)) {
            throw new IllegalArgumentException("A " + status + " result must " + (hasSolution ? "" : "not ") + "carry an assignment");
        }
        values = values == null ? null : values.clone();
    }
}
