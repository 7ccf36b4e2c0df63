package org.terastal.domain;

import static org.terastal.domain.Checks.requireName;

/**
 * A layer that may run as its D2S-conv-S2D variant with ratio r.
 *
 * @param layer name of the layer in its model
 * @param ratio the ratio r (K and C are divided by r², Y and X multiplied by r)
 */
public record VariantCandidate(String layer, int ratio) {
    public VariantCandidate {
        requireName(layer, "layer", "a variant candidate");
        if (ratio < 2) {
            throw new DomainException("r", "The r (" + ratio + ") of variant candidate '" + layer + "' must be at least 2");
        }
    }
}
