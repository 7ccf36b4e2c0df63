package org.terastal.domain;

/**
 * The offline plan of one layer.
 *
 * @param layer          layer name
 * @param home           id of the home accelerator, where the layer runs first in every frame
 * @param implementation the implementation the table runs on the home accelerator
 * @param budgetNs       virtual budget: the layer's slice of its model's deadline, at least its latency at home
 * @param deadlineOffsetNs cumulative virtual deadline offset from the frame's release (sum of budgets up to and including this layer)
 * @param flexible       whether some other accelerator runs an allowed implementation within the budget
 */
public record LayerPlan(String layer, String home, Implementation implementation, long budgetNs, long deadlineOffsetNs,
                        boolean flexible) {
    public LayerPlan {
        Checks.requireName(layer, "layer", "a layer plan");
        String where = "the plan of layer '" + layer + "'";
        Checks.requireName(home, "home", where);
        Checks.requireNonNull(implementation, "implementation", where);
        Checks.nonNegative(budgetNs, "budgetNs", where);
        Checks.nonNegative(deadlineOffsetNs, "deadlineOffsetNs", where);
    }
}
