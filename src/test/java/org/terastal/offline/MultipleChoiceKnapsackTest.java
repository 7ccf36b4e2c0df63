package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipleChoiceKnapsackTest {
    private static final double NO = Double.NEGATIVE_INFINITY;

    @Test
    void theExactOptimumLiesBelowTheLinearRelaxation() {
        // the textbook 0/1 knapsack: the relaxation is worth 240, whole items 220 (the second and third)
        double[][] values = {{0, 60}, {0, 100}, {0, 120}};
        long[][] times = {{0, 10}, {0, 20}, {0, 30}};
        MultipleChoiceKnapsack.Result r = MultipleChoiceKnapsack.solve(values, times, 50, 1_000);
        assertEquals(220, r.value(), 1e-9);
        assertArrayEquals(new int[] {0, 1, 1}, r.choices());
    }

    @Test
    void aSearchOverItsBudgetSaysSo() {
        double[][] values = {{0, 60}, {0, 100}, {0, 120}};
        long[][] times = {{0, 10}, {0, 20}, {0, 30}};
        MultipleChoiceKnapsack.Result r = MultipleChoiceKnapsack.solve(values, times, 50, 0);
        assertTrue(Double.isNaN(r.value()));
        assertFalse(r.solved());
        assertEquals(0, r.nodes());
        MultipleChoiceKnapsack.Result some = MultipleChoiceKnapsack.solve(values, times, 50, 2);
        assertTrue(Double.isNaN(some.value()) && some.nodes() == 2, "a budget of two nodes, spent: " + some);
    }

    @Test
    void anItemWithoutChoicesOrFastestChoicesOverTheCapacityLeaveNoPlan() {
        assertEquals(NO, MultipleChoiceKnapsack.solve(new double[][] {{NO, NO}}, new long[][] {{1, 2}}, 5, 10).value());
        assertEquals(NO, MultipleChoiceKnapsack.solve(new double[][] {{1}, {2}}, new long[][] {{3}, {3}}, 5, 10).value());
        assertFalse(MultipleChoiceKnapsack.solve(new double[][] {{1}, {2}}, new long[][] {{3}, {3}}, 5, 10).solved());
    }

    @Test
    void choicesMarkedImpossibleAreNeverTaken() {
        double[][] values = {{0, NO, 5}, {1, 9}};
        long[][] times = {{0, 1, 4}, {0, 3}};
        MultipleChoiceKnapsack.Result r = MultipleChoiceKnapsack.solve(values, times, 4, 1_000);
        assertEquals(9, r.value(), 1e-9);
        assertArrayEquals(new int[] {0, 1}, r.choices());
    }

    @Test
    void equalsExhaustiveEnumerationOnRandomKnapsacks() {
        long seed = Long.getLong("knapsack.seed", 20261206L);
        Random random = new Random(seed);
        for (int round = 0; round < 400; round++) {
            int n = 1 + random.nextInt(7);
            double[][] values = new double[n][];
            long[][] times = new long[n][];
            long fastest = 0;
            for (int i = 0; i < n; i++) {
                int k = 1 + random.nextInt(4);
                values[i] = new double[k];
                times[i] = new long[k];
                long min = Long.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    // negative values too: loads priced by multipliers
                    values[i][j] = random.nextInt(10) == 0 ? NO : random.nextInt(200) - 40 + (random.nextBoolean() ? 0.5 : 0);
                    times[i][j] = random.nextInt(50);
                    if (values[i][j] != NO) {
                        min = Math.min(min, times[i][j]);
                    }
                }
                fastest += min == Long.MAX_VALUE ? 0 : min;
            }
            long capacity = fastest + random.nextInt(60) - 5;
            double expected = brute(values, times, capacity, 0, 0);
            MultipleChoiceKnapsack.Result r = MultipleChoiceKnapsack.solve(values, times, capacity, 1_000_000);
            String where = "seed " + seed + " (-Dknapsack.seed), round " + round;
            assertEquals(expected, r.value(), 1e-6, where);
            if (expected != NO) {
                double sum = 0;
                long time = 0;
                for (int i = 0; i < n; i++) {
                    sum += values[i][r.choices()[i]];
                    time += times[i][r.choices()[i]];
                }
                assertEquals(expected, sum, 1e-6, where + ": the choices are worth the value");
                assertTrue(time <= capacity, where + ": the choices fit");
            }
        }
    }

    private static double brute(double[][] values, long[][] times, long left, int item, double value) {
        if (item == values.length) {
            return value;
        }
        double best = NO;
        for (int j = 0; j < values[item].length; j++) {
            if (values[item][j] != NO && times[item][j] <= left) {
                best = Math.max(best, brute(values, times, left - times[item][j], item + 1, value + values[item][j]));
            }
        }
        return best;
    }
}
