package org.terastal.offline;

import java.util.Optional;

/**
 * A solver back-end: translates a single-objective (or objective-free) {@link ModelIr} into its
 * solver's model, solves it under the given settings, checks the status before reading any value,
 * and returns the assignment in the IR's variable order. Back-ends hold no state between calls.
 */
public interface Backend {
    /** Short name used on the command line: {@code cpsat}, {@code choco}, {@code scip}. */
    String name();

    /**
     * Version of the underlying solver, e.g. {@code 9.15.6755}.
     *
     * @throws BackendUnavailableException when the solver cannot be loaded
     */
    String version();

    /**
     * The largest magnitude of a bound, coefficient, right-hand side or objective value the solver
     * takes ({@link ModelIr#largestMagnitude()}); the offline stage coarsens its time unit until the
     * model fits.
     */
    default long largestInteger() {
        return Long.MAX_VALUE;
    }

    /** Why this back-end cannot solve the model (e.g. a linear solver given a table), or empty if it can. */
    Optional<String> unsupported(ModelIr ir);

    /**
     * Solves a model with at most one objective.
     *
     * @param ir       the model
     * @param settings workers, seed, time limit, determinism
     * @param hint     a full assignment to start from (a solution of an earlier phase), or null
     * @throws BackendUnavailableException when the solver cannot be loaded
     */
    PhaseResult solve(ModelIr ir, SolverSettings settings, long[] hint);
}
