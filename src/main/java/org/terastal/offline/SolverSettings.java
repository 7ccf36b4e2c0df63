package org.terastal.offline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings that decide a solve's result.
 *
 * @param workers          search workers (threads) for back-ends that use several
 * @param seed             random seed; the solvers take it as {@link #solverSeed()}
 * @param timeLimitSeconds wall-clock limit for the whole (lexicographic) solve, seconds
 * @param deterministic    whether the back-end must give run-to-run identical results for a solve that
 *                         ends before the time limit (CP-SAT: interleaved search)
 */
public record SolverSettings(int workers, long seed, double timeLimitSeconds, boolean deterministic) {
    public SolverSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("The workers (" + workers + ") must be at least 1");
        }
        if (!(timeLimitSeconds > 0)) {
            throw new IllegalArgumentException("The time limit (" + timeLimitSeconds + " s) must be positive; maybe --time-limit 60");
        }
    }

    /**
     * The seed as the 32-bit solvers take it, one mapping for every back-end: {@code seed} modulo
     * 2^31 − 1, taken non-negative ({@link Math#floorMod}), so 0 to 2^31 − 2. A seed in that range
     * is passed as it is (CP-SAT's {@code random_seed}, SCIP's {@code randomization/randomseedshift}).
     */
    public int solverSeed() {
        return Math.floorMod(seed, Integer.MAX_VALUE);
    }

    /** The defaults of shipped solutions: 1 worker, seed 0, 60 s, deterministic. */
    public static SolverSettings defaults() {
        return new SolverSettings(1, 0, 60, true);
    }

    /** The same settings with another time limit. */
    /**
     * What is left of the time limit for a solve that began at {@code startNanos} ({@link System#nanoTime()}),
     * seconds, at least a millisecond: building a model counts against the limit as much as searching it.
     */
    public double secondsLeft(long startNanos) {
        return Math.max(1e-3, timeLimitSeconds - (System.nanoTime() - startNanos) / 1e9);
    }

    public SolverSettings withTimeLimit(double seconds) {
        return new SolverSettings(workers, seed, seconds, deterministic);
    }

    /** The settings as solution-file parameters. */
    public Map<String, String> asParameters() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("workers", Integer.toString(workers));
        out.put("seed", Long.toString(seed));
        out.put("timeLimitS", Double.toString(timeLimitSeconds));
        out.put("deterministic", Boolean.toString(deterministic));
        return out;
    }
}
