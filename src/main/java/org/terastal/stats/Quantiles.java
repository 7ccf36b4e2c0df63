package org.terastal.stats;

/** The nearest-rank quantile, used for the response-time percentiles of a run and its response tables. */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The nearest-rank q-quantile: the smallest value with at least a fraction q of the values at or
     * below it, the minimum for q = 0. The rank {@code ceil(q·n)} is taken with a tolerance of 1e-9,
     * so that a q·n that rounding leaves just above an integer (0.55 · 100 = 55.000000000000007)
     * does not skip to the next value.
     *
     * @param sorted the values, sorted ascending; not empty
     * @param q      the quantile, in [0, 1]
     * @throws IllegalArgumentException when there are no values
     */
    public static long nearestRank(long[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("The nearest-rank quantile of no values is undefined; skip empty groups");
        }
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1];
    }
}
