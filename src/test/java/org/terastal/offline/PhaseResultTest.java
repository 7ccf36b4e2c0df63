package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.IntToLongFunction;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.ModelIr.Relation;
import org.terastal.offline.ModelIr.Sense;
import org.terastal.offline.ModelIr.Var;

/** How every back-end turns its solver's answer into a result, and the seed every solver is given. */
class PhaseResultTest {
    private static final IntToLongFunction NO_VALUES = i -> {
        throw new AssertionError("values read without a solution");
    };
    private static final LongSupplier NO_BOUND = () -> {
        throw new AssertionError("bound asked for");
    };

    /** maximise 3x + 2y subject to x + y ≤ 1. */
    private static ModelIr model() {
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.boolVar("x");
        Var y = b.boolVar("y");
        b.linear("one", LinearExpr.builder().add(1, x).add(1, y).build(), Relation.LE, 1);
        b.objective("value", Sense.MAXIMISE, LinearExpr.builder().add(3, x).add(2, y).build());
        return b.build();
    }

    @Test
    void anOptimalResultsBoundIsItsValue() {
        PhaseResult r = PhaseResult.assemble(SolveStatus.OPTIMAL, model(), i -> i == 0 ? 1 : 0, NO_BOUND, 4, 2, System.nanoTime());
        assertArrayEquals(new long[] {1, 0}, r.values());
        assertEquals(3, r.objective());
        assertEquals(3, r.bound());
        assertEquals(4, r.branches());
        assertEquals(2, r.conflicts());
    }

    @Test
    void aFeasibleResultTakesTheSolversBound() {
        PhaseResult r = PhaseResult.assemble(SolveStatus.FEASIBLE, model(), i -> i == 1 ? 1 : 0, () -> 3, 0, 0, System.nanoTime());
        assertEquals(2, r.objective());
        assertEquals(3, r.bound());
    }

    @Test
    void withoutASolutionNothingIsRead() {
        for (SolveStatus status : new SolveStatus[] {SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN}) {
            PhaseResult r = PhaseResult.assemble(status, model(), NO_VALUES, NO_BOUND, 0, 0, System.nanoTime());
            assertNull(r.values());
            assertEquals(0, r.objective());
            assertEquals(0, r.bound());
        }
    }

    @Test
    void fractionalBoundsRoundInward() {
        assertEquals(8, PhaseResult.inward(7.2, Sense.MINIMISE));
        assertEquals(7, PhaseResult.inward(7.2, Sense.MAXIMISE));
        assertEquals(7, PhaseResult.inward(7.0000004, Sense.MINIMISE));
        assertEquals(7, PhaseResult.inward(6.9999996, Sense.MAXIMISE));
    }

    @Test
    void everySolverGetsTheSeedModuloTwoToTheThirtyOneMinusOne() {
        long limit = Integer.MAX_VALUE;
        long[][] cases = {{0, 0}, {5, 5}, {limit - 1, limit - 1}, {limit, 0}, {limit + 5, 5}, {1L << 31, 1}, {-1, limit - 1},
                {Long.MAX_VALUE, Long.MAX_VALUE % limit}};
        for (long[] c : cases) {
            assertEquals(c[1], new SolverSettings(1, c[0], 60, true).solverSeed(), "seed " + c[0]);
        }
    }
}
