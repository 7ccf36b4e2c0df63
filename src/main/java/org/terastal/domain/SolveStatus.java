package org.terastal.domain;

/** Outcome of an offline solve, in the usual solver vocabulary. */
public enum SolveStatus {
    /** Proven optimal. */
    OPTIMAL,
    /** A solution, not proven optimal (time limit). */
    FEASIBLE,
    /** Proven to have no solution. */
    INFEASIBLE,
    /** No solution found and none proven impossible within the limits. */
    UNKNOWN
}
