package org.terastal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static double[] normal(long seed, int n, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean + sd * random.nextGaussian();
        }
        return values;
    }

    @Test
    void quantileIsType7LinearInterpolation() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.0, Bootstrap.quantile(sorted, 4, 0));
        assertEquals(1.75, Bootstrap.quantile(sorted, 4, 0.25));
        assertEquals(2.5, Bootstrap.quantile(sorted, 4, 0.5));
        assertEquals(3.25, Bootstrap.quantile(sorted, 4, 0.75));
        assertEquals(4.0, Bootstrap.quantile(sorted, 4, 1));
        assertEquals(1.5, Bootstrap.quantile(sorted, 2, 0.5), "only the leading count values are used");
        assertEquals(7.0, Bootstrap.quantile(new double[] {7}, 1, 0.3));
    }

    @Test
    void meanOfSmallSampleIsExactAndInsideTheInterval() {
        Interval ci = Bootstrap.meanCi(new double[] {1, 2, 3, 6}, 2000, 0.95, 7);
        assertEquals(3.0, ci.mean());
        assertEquals(0.95, ci.level());
        assertEquals(2000, ci.resamples());
        assertTrue(ci.contains(3.0), ci.toString());
        assertTrue(ci.low() >= 1 && ci.high() <= 6 && ci.width() > 0, ci.toString());
    }

    @Test
    void twoPointSampleHasTheHandComputedPercentiles() {
        // Bootstrap means of {0, 1} are 0, 0.5, 1 with probabilities 1/4, 1/2, 1/4.
        double[] values = {0, 1};
        Interval wide = Bootstrap.meanCi(values, 2000, 0.95, 11);
        assertEquals(new Interval(0.5, 0, 1, 0.95, 2000), wide);
        Interval narrow = Bootstrap.meanCi(values, 2000, 0.2, 11);
        assertEquals(new Interval(0.5, 0.5, 0.5, 0.2, 2000), narrow);
    }

    @Test
    void singleValueGivesAPointInterval() {
        assertEquals(new Interval(0.3, 0.3, 0.3, 0.9, 50), Bootstrap.meanCi(new double[] {0.3}, 50, 0.9, 1));
    }

    @Test
    void equalValuesGiveAZeroWidthInterval() {
        double[] values = new double[301];
        Arrays.fill(values, 0.1);
        Interval ci = Bootstrap.meanCi(values, 500, 0.95, 3);
        assertEquals(0.1, ci.mean(), 1e-15);
        assertEquals(ci.mean(), ci.low());
        assertEquals(ci.mean(), ci.high());
        assertEquals(0.0, ci.width());
    }

    @Test
    void sameSeedSameIntervalAndOtherSeedOtherInterval() {
        double[] values = normal(42, 300, 0.2, 0.1);
        double[] copy = values.clone();
        Interval first = Bootstrap.meanCi(values, 2000, 0.95, 5);
        assertEquals(first, Bootstrap.meanCi(values, 2000, 0.95, 5));
        assertTrue(Arrays.equals(copy, values), "the values must not be modified");
        Interval other = Bootstrap.meanCi(values, 2000, 0.95, 6);
        assertNotEquals(first, other);
        assertEquals(first.mean(), other.mean());
    }

    @Test
    void intervalContainsTheSampleMeanAndNestsByLevel() {
        for (long seed = 0; seed < 20; seed++) {
            double[] values = normal(seed, 100, 1, 2);
            Interval ci95 = Bootstrap.meanCi(values, 1000, 0.95, seed);
            Interval ci50 = Bootstrap.meanCi(values, 1000, 0.5, seed);
            assertTrue(ci95.contains(ci95.mean()), "seed " + seed + ": " + ci95);
            assertTrue(ci95.low() <= ci50.low() && ci50.high() <= ci95.high(), "seed " + seed + ": " + ci95 + " vs " + ci50);
            assertTrue(ci50.width() > 0, "seed " + seed + ": " + ci50);
        }
    }

    @Test
    void ninetyFivePercentIntervalCoversTheTrueMean() {
        long seed = 20240611L;
        double trueMean = 0.3;
        Interval ci = Bootstrap.meanCi(normal(seed, 200, trueMean, 0.1), 2000, 0.95, seed);
        assertTrue(ci.contains(trueMean), "seed " + seed + ": " + ci + " misses " + trueMean);
        // Half-width near 1.96 * 0.1 / sqrt(200) = 0.0139.
        assertEquals(0.0139, ci.width() / 2, 0.003, "seed " + seed + ": " + ci);
    }

    @Test
    void coverageOverManySeededSamplesIsNearTheLevel() {
        long base = 99L;
        int trials = 200;
        int covered = 0;
        for (int t = 0; t < trials; t++) {
            Interval ci = Bootstrap.meanCi(normal(base + t, 60, 5, 3), 1000, 0.9, base - t);
            if (ci.contains(5)) {
                covered++;
            }
        }
        double coverage = covered / (double) trials;
        assertTrue(coverage >= 0.83 && coverage <= 0.96, "base seed " + base + ": coverage " + coverage + " for level 0.9");
    }

    @Test
    void ratioOfTwoSetsHasTheHandComputedPercentiles() {
        // Resample ratios: (0,0) 2/1 - 1 = 1; mixed 6/4 - 1 = 0.5; (1,1) 8/6 - 1 = 1/3.
        Interval ci = Bootstrap.ratioCi(new double[] {2, 4}, new double[] {1, 3}, 2000, 0.95, 17);
        assertEquals(new Interval(0.5, 4.0 / 3 - 1, 1, 0.95, 2000), ci);
    }

    @Test
    void ratioIsDeterministicAndContainsTheEstimate() {
        double[] baseline = normal(1, 300, 0.4, 0.1);
        double[] method = new double[300];
        for (int i = 0; i < method.length; i++) {
            method[i] = baseline[i] * 0.8 + 0.01 * (i % 3);
        }
        Interval ci = Bootstrap.ratioCi(method, baseline, 2000, 0.95, 9);
        assertEquals(ci, Bootstrap.ratioCi(method, baseline, 2000, 0.95, 9));
        assertNotEquals(ci, Bootstrap.ratioCi(method, baseline, 2000, 0.95, 10));
        double estimate = Arrays.stream(method).sum() / Arrays.stream(baseline).sum() - 1;
        assertEquals(estimate, ci.mean(), 1e-12);
        assertTrue(ci.contains(ci.mean()) && ci.high() < 0 && ci.low() > -0.25, ci.toString());
        assertEquals(2000, ci.resamples());
    }

    @Test
    void ratioWithZeroBaselineMeanIsUndefined() {
        Interval ci = Bootstrap.ratioCi(new double[] {0.1, 0.2}, new double[] {0, 0}, 100, 0.95, 1);
        assertEquals(Interval.undefined(0.95), ci);
        assertFalse(ci.isDefined());
        assertTrue(Double.isNaN(ci.mean()) && Double.isNaN(ci.low()) && Double.isNaN(ci.high()));
        assertEquals(0, ci.resamples());
    }

    @Test
    void ratioDropsResamplesWithZeroBaselineMean() {
        // Resamples (0,0) have baseline mean 0 (probability 1/4) and are dropped; (1,1) gives 0, mixed gives 1.
        double[] method = {1, 1};
        double[] baseline = {0, 1};
        Interval ci = Bootstrap.ratioCi(method, baseline, 2000, 0.95, 23);
        assertEquals(ci, Bootstrap.ratioCi(method, baseline, 2000, 0.95, 23));
        assertEquals(1.0, ci.mean());
        assertEquals(0.0, ci.low());
        assertEquals(1.0, ci.high());
        assertTrue(ci.resamples() > 1350 && ci.resamples() < 1650, "kept " + ci.resamples() + " of 2000");
    }

    @Test
    void ratioWithEveryResampleDroppedKeepsTheEstimateOnly() {
        int dropped = 0;
        int kept = 0;
        for (long seed = 0; seed < 100; seed++) {
            Interval ci = Bootstrap.ratioCi(new double[] {1, 1}, new double[] {0, 1}, 1, 0.95, seed);
            assertEquals(1.0, ci.mean(), "seed " + seed);
            if (ci.resamples() == 0) {
                assertFalse(ci.isDefined(), "seed " + seed + ": " + ci);
                dropped++;
            } else {
                assertTrue(ci.isDefined() && ci.resamples() == 1, "seed " + seed + ": " + ci);
                kept++;
            }
        }
        assertTrue(dropped > 5 && kept > 50, "dropped " + dropped + ", kept " + kept);
    }

    @Test
    void rejectsInvalidInputsWithClearMessages() {
        double[] ok = {1, 2};
        assertMessage("The values are empty; maybe", () -> Bootstrap.meanCi(new double[0], 10, 0.95, 1));
        assertMessage("The values hold NaN at index 1; maybe", () -> Bootstrap.meanCi(new double[] {1, Double.NaN}, 10, 0.95, 1));
        assertMessage("The values hold Infinity at index 0; maybe",
                () -> Bootstrap.meanCi(new double[] {Double.POSITIVE_INFINITY}, 10, 0.95, 1));
        assertMessage("The values are too large to sum", () -> Bootstrap.meanCi(new double[] {1e308, 1e308}, 10, 0.95, 1));
        assertMessage("The resamples (0) must be at least 1; maybe", () -> Bootstrap.meanCi(ok, 0, 0.95, 1));
        assertMessage("The level (0.0) must lie strictly between 0 and 1; maybe", () -> Bootstrap.meanCi(ok, 10, 0, 1));
        assertMessage("The level (1.0) must lie strictly between 0 and 1", () -> Bootstrap.meanCi(ok, 10, 1, 1));
        assertMessage("The level (NaN) must lie", () -> Bootstrap.meanCi(ok, 10, Double.NaN, 1));
        assertMessage("maybe you meant 0.95", () -> Bootstrap.meanCi(ok, 10, 95, 1));
        assertMessage("The method values (2) and baseline values (3) differ in length; maybe",
                () -> Bootstrap.ratioCi(ok, new double[] {1, 2, 3}, 10, 0.95, 1));
        assertMessage("The baseline values hold -Infinity at index 0",
                () -> Bootstrap.ratioCi(ok, new double[] {Double.NEGATIVE_INFINITY, 1}, 10, 0.95, 1));
    }

    static void assertMessage(String expected, Runnable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }
}
