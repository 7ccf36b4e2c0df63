package org.terastal.sim;

import java.util.Locale;
import org.terastal.domain.Limits;

/** Parses durations such as {@code 10s}, {@code 500ms}, {@code 250us}, {@code 1000ns} or {@code 2m} into ns. */
public final class Durations {
    /** Digits with an optional fraction and exponent: what a duration's number may look like. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]*)?([e][+-]?[0-9]+)?|\\.[0-9]+([e][+-]?[0-9]+)?");

    private Durations() {
    }

    public static long parseNs(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        String[] units = {"ns", "us", "ms", "s", "m"};
        long[] scale = {1, 1_000, 1_000_000, 1_000_000_000, 60_000_000_000L};
        for (int i = 0; i < units.length; i++) {
            if (t.endsWith(units[i]) && !(units[i].equals("s") && (t.endsWith("ns") || t.endsWith("us") || t.endsWith("ms")))) {
                String number = t.substring(0, t.length() - units[i].length()).strip();
                if (!PLAIN_NUMBER.matcher(number).matches()) {
                    break; // Java's number syntax would take "1d" (a double literal) or "0x1p3" as numbers
                }
                try {
                    double v = Double.parseDouble(number);
                    if (v * scale[i] > Limits.MAX_HORIZON_NS) {
                        throw new IllegalArgumentException("The duration (" + text + ") is longer than " + Limits.format(Limits.MAX_HORIZON_NS)
                                + " ns (about 28 h), the longest the toolkit simulates");
                    }
                    if (v > 0 && Math.round(v * scale[i]) == 0) {
                        throw new IllegalArgumentException("The duration (" + text + ") is shorter than 1 ns, the toolkit's time step; "
                                + "maybe 1ns");
                    }
                    if (v > 0) {
                        return Math.round(v * scale[i]);
                    }
                } catch (NumberFormatException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException("The duration (" + text + ") is not a positive number with a unit ns, us, ms, s or m, e.g. 10s");
    }

    /**
     * A span {@code FROM:TO} of simulated time, each end a duration; FROM may also be {@code 0}. Returns
     * {from, to} in ns.
     */
    public static long[] parseWindow(String text) {
        String[] p = text.split(":", -1);
        try {
            if (p.length == 2) {
                long from = p[0].strip().equals("0") ? 0 : parseNs(p[0]);
                long to = parseNs(p[1]);
                if (to > from) {
                    return new long[] {from, to};
                }
            }
        } catch (IllegalArgumentException e) {
            // one message for every way the span can be wrong
        }
        throw new IllegalArgumentException("The window (" + text + ") is not FROM:TO with durations (ns, us, ms, s, m) and TO after FROM, e.g. 1s:1.02s or 0:50ms");
    }
}
