package org.terastal.cli;

import java.util.List;
import java.util.Locale;
import org.terastal.domain.Solution;
import org.terastal.offline.Diagnosis;
import org.terastal.offline.Objectives;
import org.terastal.offline.OfflineSolver;

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

    /** What {@code solve --cap auto} chose: the cap of the solution, and whether it is proven the lowest with a plan. */
    static String chosenCap(Solution solution) {
        long cap = Long.parseLong(solution.parameters().get(OfflineSolver.CAP_PARAMETER));
        long bound = solution.bound().get(Objectives.MAX_LOAD);
        String head = "cap " + Diagnosis.exactLoad(cap) + " (auto): the busiest engine's load of ";
        return bound == cap ? head + "the plan that minimises it, the lowest cap that has a plan (" + Diagnosis.capOption(cap) + " solves the same)"
                : head + "the best plan found; the time limit left the lowest cap with a plan proven at least " + Diagnosis.exactLoad(bound);
    }

    static String ratio(long ppm) {
        return String.format(Locale.ROOT, "%.4f", ppm / 1e6);
    }
}
