package org.terastal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.terastal.stats.BootstrapTest.assertMessage;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PairedTest {

    // d = {0.1 - 0.3, 0.5 - 0.5, 0.75 - 0.5, 0.3 - 0.25} = {-0.2, 0, 0.25, 0.05}; mean 0.025
    private static final double[] METHOD = {0.1, 0.5, 0.75, 0.3};
    private static final double[] BASELINE = {0.3, 0.5, 0.5, 0.25};

    @Test
    void countsWinsTiesAndLossesByHand() {
        PairedComparison c = Paired.compare(METHOD, BASELINE, 0.1, 1000, 0.95, 1);
        assertEquals(1, c.wins());
        assertEquals(2, c.ties());
        assertEquals(1, c.losses());
        assertEquals(4, c.sets());
        assertEquals(0.1, c.tieMargin());
        assertEquals(0.025, c.difference().mean(), 1e-15);
        assertTrue(c.difference().contains(c.difference().mean()), c.toString());
    }

    @Test
    void differenceExactlyAtTheMarginIsATie() {
        PairedComparison wide = Paired.compare(METHOD, BASELINE, 0.25, 100, 0.95, 1);
        assertEquals(0, wide.wins());
        assertEquals(4, wide.ties());
        assertEquals(0, wide.losses());
        PairedComparison exact = Paired.compare(METHOD, BASELINE, 0, 100, 0.95, 1);
        assertEquals(1, exact.wins());
        assertEquals(1, exact.ties());
        assertEquals(2, exact.losses());
    }

    @Test
    void differenceIsTheBootstrapOfSetBySetDifferences() {
        double[] d = new double[METHOD.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = METHOD[i] - BASELINE[i];
        }
        Interval expected = Bootstrap.meanCi(d, 2000, 0.9, 77);
        assertEquals(expected, Paired.compare(METHOD, BASELINE, 0.1, 2000, 0.9, 77).difference());
        assertNotEquals(expected, Paired.compare(METHOD, BASELINE, 0.1, 2000, 0.9, 78).difference());
    }

    @Test
    void pairingRemovesSetToSetVariation() {
        // Sets vary widely, but the method is better by 0.01 on every set: the paired interval excludes 0.
        SplittableRandom random = new SplittableRandom(314);
        double[] baseline = new double[300];
        double[] method = new double[300];
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = 0.1 + 0.8 * random.nextDouble();
            method[i] = baseline[i] - 0.01 - 0.002 * random.nextDouble();
        }
        PairedComparison c = Paired.compare(method, baseline, 0.005, 2000, 0.95, 314);
        assertEquals(300, c.wins());
        assertTrue(c.difference().high() < -0.01 && c.difference().low() > -0.012, "seed 314: " + c);
        assertEquals(c, Paired.compare(method, baseline, 0.005, 2000, 0.95, 314));
    }

    @Test
    void constantDifferenceGivesAZeroWidthInterval() {
        PairedComparison c = Paired.compare(new double[] {0.25, 0.5, 0}, new double[] {0.5, 0.75, 0.25}, 0, 500, 0.95, 2);
        assertEquals(new PairedComparison(3, 0, 0, 0, new Interval(-0.25, -0.25, -0.25, 0.95, 500)), c);
    }

    @Test
    void rejectsInvalidInputsWithClearMessages() {
        double[] ok = {0.1, 0.2};
        assertMessage("The method values (2) and baseline values (1) differ in length; maybe",
                () -> Paired.compare(ok, new double[] {0.1}, 0, 10, 0.95, 1));
        assertMessage("The tieMargin (-0.01) must be finite and >= 0; maybe", () -> Paired.compare(ok, ok, -0.01, 10, 0.95, 1));
        assertMessage("The tieMargin (NaN)", () -> Paired.compare(ok, ok, Double.NaN, 10, 0.95, 1));
        assertMessage("The tieMargin (Infinity)", () -> Paired.compare(ok, ok, Double.POSITIVE_INFINITY, 10, 0.95, 1));
        assertMessage("The method values are empty; maybe", () -> Paired.compare(new double[0], new double[0], 0, 10, 0.95, 1));
        assertMessage("The method values hold NaN at index 0", () -> Paired.compare(new double[] {Double.NaN, 0}, ok, 0, 10, 0.95, 1));
        assertMessage("The resamples (-1) must be at least 1", () -> Paired.compare(ok, ok, 0, -1, 0.95, 1));
        assertMessage("The level (1.5) must lie strictly between 0 and 1", () -> Paired.compare(ok, ok, 0, 10, 1.5, 1));
        assertMessage("The difference method - baseline at index 0 overflows",
                () -> Paired.compare(new double[] {1.5e308}, new double[] {-1.5e308}, 0, 10, 0.95, 1));
        assertThrows(NullPointerException.class, () -> Paired.compare(null, ok, 0, 10, 0.95, 1));
    }

    @Test
    void recordsRejectBrokenInvariants() {
        Interval ci = new Interval(0, 0, 0, 0.95, 1);
        assertMessage("The low bound (1.0) exceeds the high bound (0.0)", () -> new Interval(0.5, 1, 0, 0.95, 1));
        assertMessage("must be both NaN or both numbers", () -> new Interval(0, Double.NaN, 0, 0.95, 1));
        assertMessage("The level (0.0)", () -> new Interval(0, 0, 0, 0, 1));
        assertMessage("The counts (wins -1", () -> new PairedComparison(-1, 0, 0, 0, ci));
        assertMessage("The difference interval is missing", () -> new PairedComparison(0, 0, 0, 0, null));
    }
}
