package org.terastal.offline;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the choice of a model's variant set is stated; everything else (homes, implementations,
 * budgets, loads, flexibility, objectives) is shared. See {@link OfflineFormulation}.
 */
public enum Formulation {
    /** An allowed-assignments table over the candidates' enable flags and the set's accuracy loss (the default). */
    TABLE,
    /** One 0-1 variable per admissible set, linked linearly to the enable flags and the loss: a MIP-style linearisation. */
    MIP;

    /** Lower-case name used on the command line and in files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The formulation with that label. */
    public static Formulation of(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "The formulation (" + label + ") is not one of " + Arrays.stream(values()).map(Formulation::label).toList()));
    }
}
