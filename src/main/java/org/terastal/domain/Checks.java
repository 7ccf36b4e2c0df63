package org.terastal.domain;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/** Validation helpers that phrase failures in the house style: what was found, what was expected. */
final class Checks {
    private Checks() {
    }

    static String requireName(String value, String field, String where) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + field + " of " + where + " is missing or blank; give it a non-empty name");
        }
        return value;
    }

    static <T> T requireNonNull(T value, String field, String where) {
        if (value == null) {
            throw new IllegalArgumentException("The " + field + " of " + where + " is missing");
        }
        return value;
    }

    static int positive(int value, String field, String where) {
        if (value <= 0) {
            throw new IllegalArgumentException("The " + field + " (" + value + ") of " + where + " must be positive");
        }
        return value;
    }

    static long nonNegative(long value, String field, String where) {
        if (value < 0) {
            throw new IllegalArgumentException("The " + field + " (" + value + ") of " + where + " must not be negative");
        }
        return value;
    }

    static double positiveFinite(double value, String field, String where) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("The " + field + " (" + value + ") of " + where + " must be a positive finite number");
        }
        return value;
    }

    static <T> void unique(Collection<T> items, Function<T, String> id, String what, String where) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String key = id.apply(item);
            if (!seen.add(key)) {
                throw new IllegalArgumentException("The " + what + " '" + key + "' appears twice in " + where + "; ids must be unique");
            }
        }
    }
}
