package org.terastal.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Validation helpers that phrase failures in the house style: what was found, what was expected. */
final class Checks {
    private Checks() {
    }

    static String requireName(String value, String field, String where) {
        if (value == null || value.isBlank()) {
            throw new DomainException(field, "The " + field + " of " + where + " is missing or blank; give it a non-empty name");
        }
        return value;
    }

    static <T> T requireNonNull(T value, String field, String where) {
        if (value == null) {
            throw new DomainException(field, "The " + field + " of " + where + " is missing");
        }
        return value;
    }

    static int positive(int value, String field, String where) {
        if (value <= 0) {
            throw new DomainException(field, "The " + field + " (" + value + ") of " + where + " must be positive");
        }
        return value;
    }

    static double positiveFinite(double value, String field, String where) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new DomainException(field, "The " + field + " (" + value + ") of " + where + " must be a positive finite number");
        }
        return value;
    }

    static <T> void unique(List<T> items, Function<T, String> id, String what, String where, String listField, String idField) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String key = id.apply(items.get(i));
            if (!seen.add(key)) {
                throw new DomainException(listField + "[" + i + "]." + idField,
                        "The " + what + " '" + key + "' appears twice in " + where + "; it must be unique");
            }
        }
    }
}
