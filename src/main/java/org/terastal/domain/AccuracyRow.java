package org.terastal.domain;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One measured combination: the candidate layers that ran as variants, and the metric value.
 *
 * @param variants names of the layers that ran as variants (empty for the baseline)
 * @param value    measured metric value
 * @param note     provenance or caveat of this measurement, or null
 */
public record AccuracyRow(List<String> variants, double value, String note) {
    public AccuracyRow {
        if (variants == null) {
            throw new DomainException("variants", "The variants of an accuracy row are missing; use [] for the baseline");
        }
        variants = List.copyOf(variants);
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new DomainException("value", "The value (" + value + ") of accuracy row " + variants + " must be a finite number");
        }
        if (new TreeSet<>(variants).size() != variants.size()) {
            throw new DomainException("variants", "The accuracy row " + variants + " names a layer twice");
        }
    }

    /** The combination as a set. */
    public Set<String> combination() {
        return Collections.unmodifiableSet(new TreeSet<>(variants));
    }
}
