package org.terastal.sim;

import java.util.Locale;

/** How a released frame ended. */
public enum FrameStatus {
    /** Completed at or before its absolute deadline. */
    ON_TIME,
    /** Completed after its absolute deadline. */
    LATE,
    /** Abandoned under {@link LatePolicy#DROP}. */
    DROPPED;

    /** Lower-case name used in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label written by {@link #label()}. */
    public static FrameStatus parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
