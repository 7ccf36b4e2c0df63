package org.terastal.stats;

/**
 * The set-by-set comparison of a method against a baseline, where lower values are better (e.g. miss rates).
 *
 * <p>For each set i, {@code d_i = method_i - baseline_i}; see {@link Paired#compare}.
 *
 * @param wins       the number of sets with {@code d_i < -tieMargin} (the method is better)
 * @param ties       the number of sets with {@code |d_i| <= tieMargin}
 * @param losses     the number of sets with {@code d_i > tieMargin} (the method is worse)
 * @param tieMargin  the margin within which a difference counts as a tie, finite and {@code >= 0}
 * @param difference the paired percentile-bootstrap interval of the mean of {@code d_i}; negative means the method
 *                   is better on average
 */
public record PairedComparison(int wins, int ties, int losses, double tieMargin, Interval difference) {

    /** Checks that the counts are non-negative, the margin finite and non-negative, and the interval present. */
    public PairedComparison {
        if (wins < 0 || ties < 0 || losses < 0) {
            throw new IllegalArgumentException("The counts (wins " + wins + ", ties " + ties + ", losses " + losses
                    + ") must not be negative");
        }
        if (!(tieMargin >= 0) || tieMargin == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("The tieMargin (" + tieMargin + ") must be finite and >= 0");
        }
        if (difference == null) {
            throw new IllegalArgumentException("The difference interval is missing");
        }
    }

    /** @return the number of sets compared, {@code wins + ties + losses} */
    public int sets() {
        return wins + ties + losses;
    }
}
