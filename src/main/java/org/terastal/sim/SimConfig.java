package org.terastal.sim;

import org.terastal.domain.Limits;

/**
 * Settings of one simulation run.
 *
 * @param horizonNs   periodic frames are released while their nominal release time is before this
 *                    (ns); the run then continues until every released frame has finished or been dropped
 * @param seed        seed of the named random streams (release jitter, cascade coin flips)
 * @param late        late-frame policy
 * @param load        factor by which every task's rate is scaled before the run (1 = as in the instance)
 * @param recordTrace whether to keep the per-frame records and the per-layer timeline
 */
public record SimConfig(long horizonNs, long seed, LatePolicy late, double load, boolean recordTrace) {
    public SimConfig {
        if (horizonNs <= 0 || horizonNs > Limits.MAX_HORIZON_NS) {
            throw new IllegalArgumentException("The horizon (" + horizonNs + " ns) must be in [1, " + Limits.format(Limits.MAX_HORIZON_NS)
                    + "] ns, e.g. 10s");
        }
        if (late == null) {
            throw new IllegalArgumentException("The late-frame policy is missing; use drop or continue");
        }
        Limits.inRange(load, Limits.MIN_LOAD, Limits.MAX_LOAD, "load factor", "a simulation", "");
    }

    /** Defaults: drop late frames, load 1, keep the trace. */
    public static SimConfig of(long horizonNs, long seed) {
        return new SimConfig(horizonNs, seed, LatePolicy.DROP, 1.0, true);
    }

    public SimConfig withLate(LatePolicy policy) {
        return new SimConfig(horizonNs, seed, policy, load, recordTrace);
    }

    public SimConfig withLoad(double factor) {
        return new SimConfig(horizonNs, seed, late, factor, recordTrace);
    }

    public SimConfig withSeed(long newSeed) {
        return new SimConfig(horizonNs, newSeed, late, load, recordTrace);
    }

    public SimConfig withTrace(boolean record) {
        return new SimConfig(horizonNs, seed, late, load, record);
    }
}
