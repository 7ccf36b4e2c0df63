package org.terastal.sim;

import java.util.Arrays;
import java.util.Locale;

/** What happens to a frame that can no longer meet its deadline; the same for every scheduler of a run. */
public enum LatePolicy {
    /**
     * Abandon it: at the next decision, a waiting frame that would miss its deadline even if every
     * remaining layer ran at its fastest is dropped, and its cascaded children are not released.
     */
    DROP,
    /** Run it to completion; it is counted late. */
    CONTINUE;

    /** Lower-case name used on the command line and in outputs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code drop} or {@code continue}; the message lists the choices. */
    public static LatePolicy parse(String text) {
        for (LatePolicy p : values()) {
            if (p.label().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("The late-frame policy (" + text + ") is not one of "
                + Arrays.stream(values()).map(LatePolicy::label).toList());
    }
}
