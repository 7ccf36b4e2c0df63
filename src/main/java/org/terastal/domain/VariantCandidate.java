package org.terastal.domain;

import static org.terastal.domain.Checks.requireName;

/**
 * A layer that may run as its D2S-conv-S2D variant with ratio r.
 *
 * @param layer name of the layer in its model
 * @param ratio the ratio r (K and C are divided by r², Y and X multiplied by r)
 */
public record VariantCandidate(String layer, int ratio) {
    /** Largest ratio: its square must divide K and C, which are at most {@link Limits#MAX_DIM}. */
    public static final int MAX_RATIO = 1 << 10;

    public VariantCandidate {
        requireName(layer, "layer", "a variant candidate");
        // r² divides K and C, so a larger r never fits a layer within the limits
        Limits.inRange(ratio, 2, MAX_RATIO, "r", "variant candidate '" + layer + "'", "");
    }
}
