package org.terastal.offline;

import org.terastal.domain.SolveStatus;

/**
 * How one phase of a lexicographic solve went.
 *
 * @param objective     objective term of the phase
 * @param status        the phase's status
 * @param value         objective value reached
 * @param bound         best proven bound
 * @param branches      search nodes or branches
 * @param conflicts     conflicts or fails
 * @param wallTimeNanos wall time
 */
public record PhaseReport(String objective, SolveStatus status, long value, long bound, long branches, long conflicts,
                          long wallTimeNanos) {
}
