package org.terastal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QuantilesTest {
    @Test
    void nearestRankQuantiles() {
        long[] sorted = {10, 20, 30, 40};
        assertEquals(10, Quantiles.nearestRank(sorted, 0));
        assertEquals(10, Quantiles.nearestRank(sorted, 0.25));
        assertEquals(20, Quantiles.nearestRank(sorted, 0.26));
        assertEquals(20, Quantiles.nearestRank(sorted, 0.5));
        assertEquals(40, Quantiles.nearestRank(sorted, 1));
        assertThrows(IllegalArgumentException.class, () -> Quantiles.nearestRank(new long[0], 0.5));
    }

    /** 0.55 · 100 is 55.000000000000007 in floating point: the rank is still 55, not 56. */
    @Test
    void aProductJustAboveAnIntegerKeepsItsRank() {
        long[] values = new long[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        assertEquals(55, Quantiles.nearestRank(values, 0.55));
    }

    /**
     * The run metrics' p50, p95 and p99 were once taken as {@code ceil(p / 100.0 · n)} without the
     * tolerance; for these three the ranks are the same (checked here for up to 3000 frames, and once
     * for every count up to the 2^28 frames a run holds), so no metric changed.
     */
    @Test
    void metricPercentilesKeepTheRanksOfTheFormulaWithoutTolerance() {
        for (int n = 1; n <= 3000; n++) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = i + 1;
            }
            for (int p : new int[] {50, 95, 99}) {
                assertEquals(Math.max((long) Math.ceil(p / 100.0 * n), 1), Quantiles.nearestRank(values, p / 100.0), "p" + p + " of " + n);
            }
        }
    }
}
