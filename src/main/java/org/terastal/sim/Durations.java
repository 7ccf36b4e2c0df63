package org.terastal.sim;

import java.util.Locale;

/** Parses durations such as {@code 10s}, {@code 500ms}, {@code 250us}, {@code 1000ns} or {@code 2m} into ns. */
public final class Durations {
    private Durations() {
    }

    public static long parseNs(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String[] units = {"ns", "us", "ms", "s", "m"};
        long[] scale = {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L};
        for (int i = 0; i < units.length; i++) {
            if (t.endsWith(units[i]) && !(units[i].equals("s") && (t.endsWith("ns") || t.endsWith("us") || t.endsWith("ms")))) {
                String number = t.substring(0, t.length() - units[i].length()).strip();
                try {
                    double v = Double.parseDouble(number);
                    if (v > 0 && v * scale[i] < Long.MAX_VALUE) {
                        return Math.round(v * scale[i]);
                    }
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("The duration (" + text + ") is not a positive number with a unit ns, us, ms, s or m, e.g. 10s");
    }
}
