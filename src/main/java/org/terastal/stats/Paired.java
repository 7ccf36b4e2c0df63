package org.terastal.stats;

/**
 * Set-by-set comparison of a method against a baseline on the same task sets, for metrics where lower is better
 * (e.g. deadline-miss rates).
 */
public final class Paired {

    private Paired() {
    }

    /**
     * Counts wins, ties and losses and bootstraps the mean difference.
     *
     * <p>For each set i, {@code d_i = method_i - baseline_i}. The method wins on set i when
     * {@code d_i < -tieMargin}, loses when {@code d_i > tieMargin}, and ties otherwise ({@code |d_i| <= tieMargin}).
     * The difference interval is {@link Bootstrap#meanCi} of the {@code d_i}, i.e. a paired bootstrap that resamples
     * set indices; the same seed gives the same interval.
     *
     * @param method    one finite value per set for the method; not modified
     * @param baseline  one finite value per set for the baseline, paired with {@code method} by index; not modified
     * @param tieMargin the margin within which a difference is a tie, finite and {@code >= 0} (0: only exact equality)
     * @param resamples the number of bootstrap resamples, at least 1
     * @param level     the confidence level, strictly between 0 and 1
     * @param seed      the seed of the {@link java.util.SplittableRandom} drawing the resamples
     * @return the counts and the interval of the mean difference (negative: the method is better on average)
     * @throws IllegalArgumentException if the arrays are empty, of different lengths, or hold a NaN or infinite value
     *                                  (or differences that overflow), if {@code tieMargin} is negative, NaN or
     *                                  infinite, if {@code resamples < 1}, or if {@code level} is not in (0, 1)
     */
    public static PairedComparison compare(double[] method, double[] baseline, double tieMargin, int resamples,
            double level, long seed) {
        Bootstrap.checkPaired(method, baseline);
        if (!(tieMargin >= 0) || tieMargin == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("The tieMargin (" + tieMargin
                    + ") must be finite and >= 0; maybe use 0 to count only exact equalities as ties");
        }
        Bootstrap.checkSettings(resamples, level);
        int n = method.length;
        double[] differences = new double[n];
        int wins = 0;
        int ties = 0;
        int losses = 0;
        for (int i = 0; i < n; i++) {
            double d = method[i] - baseline[i];
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("The difference method - baseline at index " + i + " overflows ("
                        + method[i] + " - " + baseline[i] + "); maybe rescale the values");
            }
            differences[i] = d;
            if (d < -tieMargin) {
                wins++;
            } else if (d > tieMargin) {
                losses++;
            } else {
                ties++;
            }
        }
        Bootstrap.checkValues("differences method - baseline", differences);
        return new PairedComparison(wins, ties, losses, tieMargin, Bootstrap.meanCiChecked(differences, resamples, level, seed));
    }
}
