package org.terastal.offline;

import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;
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

    /**
     * A back-end's result, assembled alike for every back-end: the assignment is read only when the
     * status says there is one, the objective (at most one) is evaluated on it, and the solver's bound
     * is asked for only when the result is not proven optimal: an OPTIMAL result's bound is its value.
     *
     * @param ir         the model solved
     * @param value      the solver's value of variable i (in the IR's order), rounded to an integer
     * @param bound      the solver's best proven bound on the objective, as an integer ({@link #inward})
     * @param startNanos {@link System#nanoTime()} when the solve began
     */
    public static PhaseResult assemble(SolveStatus status, ModelIr ir, IntToLongFunction value, LongSupplier bound, long branches,
                                       long conflicts, long startNanos) {
        long[] values = null;
        long objectiveValue = 0;
        long objectiveBound = 0;
        if (status == SolveStatus.OPTIMAL || status == SolveStatus.FEASIBLE) {
            values = new long[ir.vars().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value.applyAsLong(i);
            }
            if (!ir.objectives().isEmpty()) {
                objectiveValue = ir.objectives().get(0).expr().evaluate(values);
                objectiveBound = status == SolveStatus.OPTIMAL ? objectiveValue : bound.getAsLong();
            }
        }
        return new PhaseResult(status, values, objectiveValue, objectiveBound, branches, conflicts, System.nanoTime() - startNanos);
    }

    /**
     * A solver's floating-point bound on an integral objective as an integer: rounded inward (up when
     * minimising, down when maximising), a bound within 1e-6 of an integer counting as that integer.
     */
    public static long inward(double bound, ModelIr.Sense sense) {
        return sense == ModelIr.Sense.MINIMISE ? (long) Math.ceil(bound - 1e-6) : (long) Math.floor(bound + 1e-6);
    }
}
