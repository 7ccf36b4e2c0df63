package org.terastal.domain;

import java.util.List;

/**
 * The offline plan of one model.
 *
 * @param model              model id
 * @param enabledVariants    candidate layers whose variant may be used at run time (any subset of them is admissible)
 * @param worstCaseAccuracy  lowest normalised accuracy over all subsets of the enabled set
 * @param layers             one plan per layer, in layer order
 */
public record ModelPlan(String model, List<String> enabledVariants, double worstCaseAccuracy, List<LayerPlan> layers) {
    public ModelPlan {
        Checks.requireName(model, "model", "a model plan");
        enabledVariants = List.copyOf(enabledVariants);
        layers = List.copyOf(layers);
    }
}
