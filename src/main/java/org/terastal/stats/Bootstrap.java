package org.terastal.stats;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Percentile-bootstrap confidence intervals (Efron &amp; Tibshirani 1993, <i>An Introduction to the Bootstrap</i>,
 * ch. 13, percentile method) for per-set experiment results, e.g. one deadline-miss rate per random task set.
 *
 * <p><b>Method.</b> Each of {@code resamples} bootstrap samples draws {@code n} set indices uniformly with
 * replacement and computes the statistic on them. The bootstrap statistics are sorted once, and the interval is
 * {@code [Q((1 - level) / 2), Q((1 + level) / 2)]}, where Q is the <b>type-7 quantile</b> of Hyndman &amp; Fan (1996)
 * (the default of R and NumPy): with the B sorted statistics {@code x[0] <= ... <= x[B-1]} and
 * {@code h = (B - 1) p}, {@code Q(p) = x[floor(h)] + (h - floor(h)) (x[floor(h) + 1] - x[floor(h)])}.
 *
 * <p><b>Determinism.</b> All randomness comes from one {@code new SplittableRandom(seed)} per call: the same inputs
 * and seed give the same interval, bit for bit. Indices are drawn two per {@code nextLong()}, each from 32 bits
 * mapped to {@code [0, n)} by Lemire's unbiased multiply-and-reject method (rejection needs fresh bits with
 * probability below {@code n / 2^32}). Sums use four interleaved accumulators (element j of the sample goes to
 * accumulator {@code j mod 4}); the point estimate on the full sample is summed the same way, so constant data gives
 * exactly {@code low == mean == high}.
 *
 * <p><b>Cost.</b> O(resamples &times; n) draws plus one O(resamples log resamples) sort per call, primitive arrays
 * only; the methods are stateless and thread-safe, so callers may run many of them in parallel.
 */
public final class Bootstrap {

    private static final long MASK32 = 0xFFFF_FFFFL;

    private Bootstrap() {
    }

    /**
     * The percentile-bootstrap confidence interval of the mean.
     *
     * <p>With a single value, or with all values equal, every bootstrap mean equals the sample mean and the interval
     * has zero width.
     *
     * @param values    one finite value per set; not modified
     * @param resamples the number of bootstrap resamples, at least 1 (2000 is usual for 95% intervals)
     * @param level     the confidence level, strictly between 0 and 1
     * @param seed      the seed of the {@link SplittableRandom} drawing the resamples
     * @return the interval; {@link Interval#mean()} is the sample mean and {@link Interval#resamples()} equals
     *         {@code resamples}
     * @throws IllegalArgumentException if {@code values} is empty or holds a NaN or infinite value, or is too large
     *                                  in magnitude to sum, if {@code resamples < 1}, or if {@code level} is not in
     *                                  (0, 1)
     */
    public static Interval meanCi(double[] values, int resamples, double level, long seed) {
        checkValues("values", values);
        checkSettings(resamples, level);
        return meanCiChecked(values, resamples, level, seed);
    }

    /**
     * The paired percentile-bootstrap confidence interval of the relative change
     * {@code mean(method) / mean(baseline) - 1} (e.g. -0.25 means the method's mean is 25% below the baseline's).
     *
     * <p>Each resample draws set indices and takes both arrays at the same indices, so set-to-set variation common
     * to both is kept paired. The ratio of means is computed as the ratio of the two sums over the same indices.
     *
     * <p><b>Zero baselines.</b> When the full-sample relative change is undefined or overflows (baseline mean 0, or
     * a ratio that is not finite), this method returns {@link Interval#undefined(double)}: all NaN, 0 resamples.
     * A resample whose relative change is not finite (in particular, whose baseline mean is exactly 0) is
     * <em>dropped</em>: the percentiles are taken over the remaining resamples, whose number
     * {@link Interval#resamples()} reports (the interval is thus conditional on a non-zero baseline mean). Since the
     * random stream does not depend on the values, which resamples are dropped is deterministic. If every resample
     * is dropped, the result has the full-sample estimate as mean, NaN bounds and 0 resamples.
     *
     * @param method    one finite value per set for the method; not modified
     * @param baseline  one finite value per set for the baseline, paired with {@code method} by index; not modified
     * @param resamples the number of bootstrap resamples drawn, at least 1
     * @param level     the confidence level, strictly between 0 and 1
     * @param seed      the seed of the {@link SplittableRandom} drawing the resamples
     * @return the interval (never null); {@link Interval#mean()} is the full-sample relative change
     * @throws IllegalArgumentException if the arrays are empty, of different lengths, hold a NaN or infinite value,
     *                                  or are too large in magnitude to sum, if {@code resamples < 1}, or if
     *                                  {@code level} is not in (0, 1)
     */
    public static Interval ratioCi(double[] method, double[] baseline, int resamples, double level, long seed) {
        checkPaired(method, baseline);
        checkSettings(resamples, level);
        int n = method.length;
        double estimate = sum(method) / sum(baseline) - 1;
        if (!Double.isFinite(estimate)) {
            return Interval.undefined(level);
        }
        long threshold = threshold(n);
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        int kept = 0;
        for (int b = 0; b < resamples; b++) {
            double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
            double b0 = 0, b1 = 0, b2 = 0, b3 = 0;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                long r = random.nextLong();
                long s = random.nextLong();
                int i0 = index(r & MASK32, n, threshold, random);
                int i1 = index(r >>> 32, n, threshold, random);
                int i2 = index(s & MASK32, n, threshold, random);
                int i3 = index(s >>> 32, n, threshold, random);
                m0 += method[i0];
                b0 += baseline[i0];
                m1 += method[i1];
                b1 += baseline[i1];
                m2 += method[i2];
                b2 += baseline[i2];
                m3 += method[i3];
                b3 += baseline[i3];
            }
            for (; j < n; j++) {
                int i = index(random.nextLong() >>> 32, n, threshold, random);
                m0 += method[i];
                b0 += baseline[i];
            }
            double change = ((m0 + m1) + (m2 + m3)) / ((b0 + b1) + (b2 + b3)) - 1;
            if (Double.isFinite(change)) {
                stats[kept++] = change;
            }
        }
        if (kept == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN, level, 0);
        }
        return percentileInterval(estimate, stats, kept, level);
    }

    /** {@link #meanCi} after validation; also used by {@link Paired#compare}. */
    static Interval meanCiChecked(double[] values, int resamples, double level, long seed) {
        int n = values.length;
        double mean = sum(values) / n;
        long threshold = threshold(n);
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                long r = random.nextLong();
                long s = random.nextLong();
                a0 += values[index(r & MASK32, n, threshold, random)];
                a1 += values[index(r >>> 32, n, threshold, random)];
                a2 += values[index(s & MASK32, n, threshold, random)];
                a3 += values[index(s >>> 32, n, threshold, random)];
            }
            for (; j < n; j++) {
                a0 += values[index(random.nextLong() >>> 32, n, threshold, random)];
            }
            stats[b] = ((a0 + a1) + (a2 + a3)) / n;
        }
        return percentileInterval(mean, stats, resamples, level);
    }

    /** Sums in the accumulator pattern of the resampling loops, so constant data sums identically. */
    private static double sum(double[] values) {
        int n = values.length;
        double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        int j = 0;
        for (; j + 4 <= n; j += 4) {
            a0 += values[j];
            a1 += values[j + 1];
            a2 += values[j + 2];
            a3 += values[j + 3];
        }
        for (; j < n; j++) {
            a0 += values[j];
        }
        return (a0 + a1) + (a2 + a3);
    }

    /** Lemire's rejection threshold {@code 2^32 mod n}: accepting low words at or above it makes the map uniform. */
    private static long threshold(int n) {
        return (1L << 32) % n;
    }

    /**
     * Maps 32 random bits to {@code [0, n)} without bias (Lemire 2019, "Fast random integer generation in an
     * interval"): the high word of {@code bits * n}, redrawn from fresh bits while the low word is under the threshold.
     */
    private static int index(long bits32, int n, long threshold, SplittableRandom random) {
        long m = bits32 * n;
        while ((m & MASK32) < threshold) {
            m = (random.nextLong() >>> 32) * n;
        }
        return (int) (m >>> 32);
    }

    /** Sorts the first {@code count} statistics and takes the type-7 percentiles of the central {@code level}. */
    private static Interval percentileInterval(double estimate, double[] stats, int count, double level) {
        Arrays.sort(stats, 0, count);
        double low = quantile(stats, count, (1 - level) / 2);
        double high = quantile(stats, count, (1 + level) / 2);
        return new Interval(estimate, low, high, level, count);
    }

    /**
     * The type-7 (linear interpolation) quantile of Hyndman &amp; Fan (1996).
     *
     * @param sorted the values, the first {@code count} sorted ascending and finite
     * @param count  how many leading values to use, at least 1
     * @param p      the probability, in [0, 1]
     * @return {@code x[k] + (h - k) (x[k+1] - x[k])} with {@code h = (count - 1) p} and {@code k = floor(h)},
     *         kept within {@code [x[k], x[k+1]]} against rounding
     */
    static double quantile(double[] sorted, int count, double p) {
        double h = (count - 1) * p;
        int k = (int) Math.floor(h);
        if (k >= count - 1) {
            return sorted[count - 1];
        }
        double a = sorted[k];
        double b = sorted[k + 1];
        double fraction = h - k;
        if (fraction == 0 || a == b) {
            return a;
        }
        return Math.min(b, Math.max(a, a + fraction * (b - a)));
    }

    static void checkSettings(int resamples, double level) {
        if (resamples < 1) {
            throw new IllegalArgumentException("The resamples (" + resamples + ") must be at least 1; maybe use 2000");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("The level (" + level + ") must lie strictly between 0 and 1; maybe you meant "
                    + (level > 1 && level < 100 ? level / 100 : 0.95));
        }
    }

    static void checkPaired(double[] method, double[] baseline) {
        checkValues("method values", method);
        checkValues("baseline values", baseline);
        if (method.length != baseline.length) {
            throw new IllegalArgumentException("The method values (" + method.length + ") and baseline values ("
                    + baseline.length + ") differ in length; maybe the runs used different sets, but they must be paired set by set");
        }
    }

    static void checkValues(String name, double[] values) {
        Objects.requireNonNull(values, name);
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("The " + name + " are empty; maybe no sets were run for this (policy, load) cell");
        }
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("The " + name + " hold " + v + " at index " + i
                        + "; maybe a set had no jobs (a 0/0 rate): drop or fix such sets first");
            }
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        if (Double.isInfinite(maxAbs * n)) {
            throw new IllegalArgumentException("The " + name + " are too large to sum (" + n + " values up to " + maxAbs
                    + " in magnitude); maybe rescale them");
        }
    }
}
