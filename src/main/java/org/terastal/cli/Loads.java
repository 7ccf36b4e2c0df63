package org.terastal.cli;

import java.util.List;
import java.util.Locale;

/** Printing loads as fractions of a fully busy accelerator. */
final class Loads {
    private Loads() {
    }

    static String line(List<String> accelerators, long[] ppm) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < accelerators.size(); a++) {
            sb.append(a == 0 ? "" : "  ").append(accelerators.get(a)).append(' ').append(ratio(ppm[a]));
        }
        return sb.toString();
    }

    static String ratio(long ppm) {
        return String.format(Locale.ROOT, "%.4f", ppm / 1e6);
    }
}
