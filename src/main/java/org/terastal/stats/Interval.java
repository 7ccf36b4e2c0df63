package org.terastal.stats;

/**
 * A bootstrap confidence interval around a point estimate.
 *
 * <p>Produced by {@link Bootstrap#meanCi}, {@link Bootstrap#ratioCi} and {@link Paired#compare}. The bounds are
 * percentiles of the bootstrap distribution (percentile method, Efron &amp; Tibshirani 1993, ch. 13), so they need
 * not be symmetric around {@link #mean()}, and in rare, very skewed cases need not even contain it.
 *
 * <p>An interval is <em>undefined</em> when its bounds are NaN: {@link Bootstrap#ratioCi} returns one when the
 * relative change cannot be computed (see there). Otherwise no component is NaN and {@code low <= high}.
 *
 * @param mean      the point estimate on the full sample: the sample mean for {@link Bootstrap#meanCi} and for
 *                  {@link PairedComparison#difference()}, the relative change for {@link Bootstrap#ratioCi};
 *                  NaN when the estimate is undefined
 * @param low       the lower bound: the {@code (1 - level) / 2} percentile of the bootstrap statistics, or NaN
 * @param high      the upper bound: the {@code (1 + level) / 2} percentile of the bootstrap statistics, or NaN
 * @param level     the confidence level, strictly between 0 and 1 (e.g. 0.95)
 * @param resamples the number of bootstrap statistics the percentiles were taken over; equal to the number
 *                  requested except for {@link Bootstrap#ratioCi}, which drops resamples whose ratio is undefined
 *                  (0 when the interval is undefined)
 */
public record Interval(double mean, double low, double high, double level, int resamples) {

    /** Checks the invariants listed in the class comment. */
    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("The level (" + level + ") must lie strictly between 0 and 1; maybe you meant "
                    + (level > 1 && level < 100 ? level / 100 : 0.95));
        }
        if (resamples < 0) {
            throw new IllegalArgumentException("The resamples (" + resamples + ") must not be negative");
        }
        if (Double.isNaN(low) != Double.isNaN(high)) {
            throw new IllegalArgumentException("The bounds (" + low + ", " + high + ") must be both NaN or both numbers");
        }
        if (Double.isNaN(mean) && !Double.isNaN(low)) {
            throw new IllegalArgumentException("The bounds (" + low + ", " + high + ") must be NaN when the mean is NaN");
        }
        if (low > high) {
            throw new IllegalArgumentException("The low bound (" + low + ") exceeds the high bound (" + high + ")");
        }
    }

    /**
     * An undefined interval: every number NaN, no resamples.
     *
     * @param level the confidence level that was asked for
     * @return the undefined interval
     */
    public static Interval undefined(double level) {
        return new Interval(Double.NaN, Double.NaN, Double.NaN, level, 0);
    }

    /** @return whether the bounds are numbers (not NaN) */
    public boolean isDefined() {
        return !Double.isNaN(low);
    }

    /** @return {@code high - low}; NaN when undefined */
    public double width() {
        return high - low;
    }

    /**
     * @param x a value
     * @return whether {@code low <= x <= high}; false when undefined
     */
    public boolean contains(double x) {
        return low <= x && x <= high;
    }
}
