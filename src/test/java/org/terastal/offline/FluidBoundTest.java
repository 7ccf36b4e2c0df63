package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FluidBoundTest {

    @Test
    void twoEnginesAreSolvedExactly() {
        // layers (4 on e0, 6 on e1) and (3, 3): the second wholly on e1, a share g of the first with it,
        // 4(1 - g) = 3 + 6g gives g = 0.1 and both engines at 3.6
        assertEquals(3.6, FluidBound.of(List.of(new long[] {4, 6}, new long[] {3, 3}), 2), 1e-9);
        assertEquals(0, FluidBound.of(List.of(), 2));
        assertEquals(7, FluidBound.of(List.of(new long[] {4}, new long[] {3}), 1));
    }

    @Test
    void moreEnginesGiveAValidBoundCloseToTheRelaxation() {
        // three identical items on three identical engines: the relaxation is exactly 1
        double bound = FluidBound.of(List.of(new long[] {1, 1, 1}, new long[] {1, 1, 1}, new long[] {1, 1, 1}), 3);
        assertTrue(bound <= 1 + 1e-9 && bound > 0.99, "bound " + bound);
        // three items costing 10, 20, 40 on the three engines: in time T the engines finish T/10 + T/20 + T/40 items,
        // so the relaxation is T = 3 / 0.175 = 30 / 1.75
        double unrelated = FluidBound.of(List.of(new long[] {10, 20, 40}, new long[] {10, 20, 40}, new long[] {10, 20, 40}), 3);
        assertTrue(unrelated <= 30.0 / (1 + 0.5 + 0.25) + 1e-9 && unrelated > 0.99 * 30.0 / 1.75, "bound " + unrelated);
    }

    @Test
    void projectionOntoTheSimplex() {
        double[] v = {0.8, 0.6, -0.2};
        FluidBound.projectOntoSimplex(v);
        assertEquals(0.6, v[0], 1e-12);
        assertEquals(0.4, v[1], 1e-12);
        assertEquals(0.0, v[2], 1e-12);
    }
}
