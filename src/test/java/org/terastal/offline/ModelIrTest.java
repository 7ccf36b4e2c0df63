package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.terastal.offline.ModelIr.Relation;
import org.terastal.offline.ModelIr.Sense;
import org.terastal.offline.ModelIr.Var;

class ModelIrTest {

    @Test
    void linearExpressionsMergeRepeatedVariablesAndDropZeros() {
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.intVar("x", -2, 5);
        Var y = b.boolVar("y");
        LinearExpr e = LinearExpr.builder().add(3, x).add(2, y).add(-2, y).add(1, x).build();
        assertEquals(1, e.terms().size());
        assertEquals("4·x", e.toString());
        assertEquals(-8, e.min());
        assertEquals(20, e.max());
        assertEquals(12, e.evaluate(new long[] {3, 1}));
        assertEquals(x, LinearExpr.of(x).asVariable());
        assertNull(e.asVariable());
    }

    @Test
    void aPhaseHoldsEveryEarlierObjectiveAtItsOptimum() {
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.intVar("x", 0, 9);
        Var y = b.intVar("y", 0, 9);
        b.linear("sum", LinearExpr.builder().add(1, x).add(1, y).build(), Relation.LE, 10);
        b.objective("first", Sense.MINIMISE, LinearExpr.of(x));
        b.objective("second", Sense.MAXIMISE, LinearExpr.of(y));
        b.objective("third", Sense.MINIMISE, LinearExpr.builder().add(1, x).add(-1, y).build());
        ModelIr ir = b.build();

        ModelIr third = ir.phase(2, new long[] {4, 6});
        assertEquals(List.of("third"), third.objectives().stream().map(ModelIr.Objective::name).toList());
        assertEquals(List.of("sum: x + y <= 10", "keep first at its optimum: x <= 4", "keep second at its optimum: y >= 6"),
                third.linears().stream().map(Object::toString).toList());
        assertEquals(1, ir.phase(0, new long[0]).linears().size());
        assertThrows(IllegalArgumentException.class, () -> ir.phase(3, new long[] {1, 2, 3}));
    }

    @Test
    void violationsNameEveryBrokenBoundConstraintAndTable() {
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.intVar("x", 0, 3);
        Var y = b.boolVar("y");
        b.linear("cover", LinearExpr.builder().add(1, x).add(2, y).build(), Relation.GE, 4);
        b.table("pairs", List.of(x, y), List.of(new long[] {1, 1}, new long[] {2, 1}));
        ModelIr ir = b.build();
        assertEquals(List.of(), ir.violations(new long[] {2, 1}));
        assertEquals(List.of("x = 5 is outside [0, 3]", "pairs: [x=5, y=0] is not an allowed row"), ir.violations(new long[] {5, 0}));
        assertEquals(List.of("cover: x + 2·y >= 4 fails with left-hand side 2", "pairs: [x=0, y=1] is not an allowed row"),
                ir.violations(new long[] {0, 1}));
        assertEquals(List.of("the assignment has 1 values for 2 variables"), ir.violations(new long[] {1}));
    }

    @Test
    void badDeclarationsAreRefused() {
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.boolVar("x");
        assertEquals("The variable name 'x' is used twice",
                assertThrows(IllegalArgumentException.class, () -> b.boolVar("x")).getMessage());
        assertEquals("The bounds [3, 2] of variable 'z' are empty",
                assertThrows(IllegalArgumentException.class, () -> b.intVar("z", 3, 2)).getMessage());
        assertEquals("The table 't' has a row of 2 values for 1 variables",
                assertThrows(IllegalArgumentException.class, () -> b.table("t", List.of(x), List.of(new long[] {0, 1}))).getMessage());
    }

    @Test
    void aLoadBalanceHoldsWhenEveryItemIsPlacedOnceWithinTheMaximum() {
        ModelIr.Builder b = ModelIr.builder();
        Var a0 = b.boolVar("a0");
        Var a1 = b.boolVar("a1");
        Var max = b.intVar("max", 0, 10);
        ModelIr.LoadBalance balance = b.loadBalance("one item", max, 2,
                List.of(List.of(new ModelIr.Placement(a0, 0, 4), new ModelIr.Placement(a1, 1, 6))), List.of(), List.of());
        assertEquals(true, balance.holds(new long[] {1, 0, 4}));
        assertEquals(false, balance.holds(new long[] {0, 1, 5}));
        assertEquals(false, balance.holds(new long[] {1, 1, 9}));
    }
}
