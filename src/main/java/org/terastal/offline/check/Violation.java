package org.terastal.offline.check;

/**
 * One way a solution table breaks its instance's rules.
 *
 * @param kind    which rule
 * @param message what is wrong, where, and what was expected
 */
public record Violation(Kind kind, String message) {

    /** The rules a solution table must keep. */
    public enum Kind {
        /** Instance name or checksum differ: the table was solved for another instance. */
        INSTANCE,
        /** The status is not one that carries a plan. */
        STATUS,
        /** A solver parameter the checks need is missing or malformed. */
        PARAMETER,
        /** Plans missing, extra or out of order, for models or layers. */
        SHAPE,
        /** An enabled variant set that is not admissible. */
        VARIANT_SET,
        /** A stated worst-case accuracy that is not the set's. */
        ACCURACY,
        /** A home that is not an accelerator of the platform. */
        HOME,
        /** A variant run by a layer whose variant is not enabled. */
        IMPLEMENTATION,
        /** A listed latency that differs from the latency table. */
        LATENCY,
        /** A budget below the layer's latency at home. */
        BUDGET,
        /** A deadline offset that is not the running sum of budgets. */
        OFFSET,
        /** A model's budgets add up to more than its deadline. */
        DEADLINE,
        /** An accelerator's load above the cap. */
        LOAD,
        /** A flexibility flag that does not match the budget and the other accelerators' latencies. */
        FLEXIBILITY,
        /** An objective term that is not what the plan gives. */
        OBJECTIVE,
        /** A bound or gap that contradicts the status or the objective. */
        BOUND
    }
}
