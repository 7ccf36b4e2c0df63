package org.terastal.domain;

/** Which implementation of a layer runs: the original layer or its D2S-conv-S2D variant. */
public enum Implementation {
    ORIGINAL,
    VARIANT;

    /** Lower-case name used in files ("original", "variant"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
