package org.terastal.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Measured accuracy of a model for combinations of variant layers. Accuracy is not additive:
 * only measured combinations have a value, and the empty combination is the baseline.
 *
 * @param metric        metric name, e.g. {@code top5_pct}, {@code mAP}, {@code delta1}
 * @param higherIsBetter whether larger metric values are better
 * @param rows          measured combinations, the baseline (no variants) among them
 */
public record AccuracyTable(String metric, boolean higherIsBetter, List<AccuracyRow> rows) {

    public AccuracyTable {
        Checks.requireName(metric, "metric", "an accuracy table");
        if (rows == null || rows.isEmpty()) {
            throw new DomainException("rows", "The rows of accuracy table '" + metric + "' are missing; at least the baseline row (variants []) is needed");
        }
        rows = List.copyOf(rows);
        Map<Set<String>, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Integer previous = seen.put(rows.get(i).combination(), i);
            if (previous != null) {
                throw new DomainException("rows[" + i + "].variants", "The accuracy rows " + previous + " and " + i + " both measure combination "
                        + rows.get(i).combination() + "; keep one");
            }
        }
        AccuracyRow base = rows.stream().filter(row -> row.variants().isEmpty()).findFirst().orElseThrow(
                () -> new DomainException("rows", "The accuracy table '" + metric + "' has no baseline row; add one with variants []"));
        if (!(base.value() > 0)) {
            throw new DomainException("rows", "The baseline value (" + base.value() + ") of accuracy table '" + metric + "' must be positive");
        }
    }

    /** The metric value with no variants. */
    public double baseline() {
        return rows.stream().filter(row -> row.variants().isEmpty()).findFirst().orElseThrow().value();
    }

    /** The measured metric value of a combination, or empty if it was never measured. */
    public OptionalDouble value(Set<String> combination) {
        return rows.stream().filter(row -> row.combination().equals(combination))
                .mapToDouble(AccuracyRow::value).findFirst();
    }

    /**
     * Normalised accuracy of a combination: value / baseline when higher is better,
     * baseline / value otherwise; empty if the combination was never measured.
     */
    public OptionalDouble normalised(Set<String> combination) {
        OptionalDouble v = value(combination);
        if (v.isEmpty()) {
            return v;
        }
        double base = baseline();
        return OptionalDouble.of(higherIsBetter ? v.getAsDouble() / base : base / v.getAsDouble());
    }
}
