package org.terastal.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The offline plan of one layer.
 *
 * @param layer            layer name
 * @param home             id of the home accelerator, where the layer runs first in every frame
 * @param implementation   the implementation the table runs on the home accelerator
 * @param budgetNs         virtual budget: the layer's slice of its model's deadline, at least its latency at home
 * @param deadlineOffsetNs cumulative virtual deadline offset from the frame's release (sum of budgets up to and including this layer)
 * @param flexible         whether some other accelerator runs an allowed implementation within the budget
 * @param originalNs       latency of the original layer on each accelerator (id to ns, platform order); empty when not recorded
 * @param variantNs        latency of the variant on each accelerator; empty unless the variant is allowed (the layer is in
 *                         its model's enabled set)
 */
public record LayerPlan(String layer, String home, Implementation implementation, long budgetNs, long deadlineOffsetNs,
                        boolean flexible, Map<String, Long> originalNs, Map<String, Long> variantNs) {
    public LayerPlan {
        Checks.requireName(layer, "layer", "a layer plan");
        String where = "the plan of layer '" + layer + "'";
        Checks.requireName(home, "home", where);
        Checks.requireNonNull(implementation, "implementation", where);
        // slices of a deadline, so within a deadline's range
        Limits.inRange(budgetNs, 0, Limits.MAX_TIME_NS, "budgetNs", where, "ns");
        Limits.inRange(deadlineOffsetNs, 0, Limits.MAX_TIME_NS, "deadlineOffsetNs", where, "ns");
        originalNs = latencies(originalNs, "originalNs", where);
        variantNs = latencies(variantNs, "variantNs", where);
        if (!variantNs.isEmpty() && !variantNs.keySet().equals(originalNs.keySet())) {
            throw new DomainException("variantNs", "The variantNs of " + where + " names accelerators " + variantNs.keySet()
                    + " but originalNs names " + originalNs.keySet() + "; both must list every accelerator");
        }
    }

    /** A plan without the latency listing (the solution table's figures stay in the latency table). */
    public LayerPlan(String layer, String home, Implementation implementation, long budgetNs, long deadlineOffsetNs,
                     boolean flexible) {
        this(layer, home, implementation, budgetNs, deadlineOffsetNs, flexible, Map.of(), Map.of());
    }

    private static Map<String, Long> latencies(Map<String, Long> byAccelerator, String field, String where) {
        if (byAccelerator == null) {
            return Map.of();
        }
        byAccelerator.forEach((accelerator, ns) -> {
            if (ns == null || ns <= 0 || ns > Limits.MAX_LATENCY_NS) {
                throw new DomainException(field + "." + accelerator, "The " + field + " (" + ns + ") of " + where + " on '" + accelerator
                        + "' must be in [1, " + Limits.format(Limits.MAX_LATENCY_NS) + "] ns");
            }
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(byAccelerator));
    }
}
