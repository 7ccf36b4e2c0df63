package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.ModelIr.Relation;
import org.terastal.offline.ModelIr.Sense;
import org.terastal.offline.ModelIr.Var;
import org.terastal.offline.backends.Backends;

/** Each back-end translates the IR faithfully: small models with known answers. */
class BackendTranslationTest {
    private static final SolverSettings SETTINGS = new SolverSettings(1, 0, 30, true);

    /** Knapsack: weights 3, 4, 5, values 4, 5, 7, capacity 8: take items 0 and 2 for 11. */
    static ModelIr knapsack() {
        ModelIr.Builder b = ModelIr.builder();
        Var[] take = {b.boolVar("take0"), b.boolVar("take1"), b.boolVar("take2")};
        b.linear("capacity", LinearExpr.builder().add(3, take[0]).add(4, take[1]).add(5, take[2]).build(), Relation.LE, 8);
        b.objective("value", Sense.MAXIMISE, LinearExpr.builder().add(4, take[0]).add(5, take[1]).add(7, take[2]).build());
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "choco", "scip"})
    void solvesALinearModelToOptimality(String name) {
        PhaseResult r = Backends.create(name).solve(knapsack(), SETTINGS, null);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(11, r.objective());
        assertEquals(11, r.bound());
        assertArrayEquals(new long[] {1, 0, 1}, r.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "choco", "scip"})
    void startingFromAHintChangesNothingButTheStart(String name) {
        PhaseResult r = Backends.create(name).solve(knapsack(), SETTINGS, new long[] {0, 1, 0});
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(11, r.objective());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "choco", "scip"})
    void reportsInfeasibility(String name) {
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.boolVar("x");
        Var y = b.intVar("y", 0, 2);
        b.linear("too much", LinearExpr.builder().add(1, x).add(1, y).build(), Relation.GE, 4);
        PhaseResult r = Backends.create(name).solve(b.build(), SETTINGS, null);
        assertEquals(SolveStatus.INFEASIBLE, r.status());
        assertEquals(null, r.values());
    }

    /** x, y in 0..3 restricted to the rows (0,3) (1,1) (2,2) (3,0), x at least 1: (1,1) minimises x + y. */
    static ModelIr table() {
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.intVar("x", 0, 3);
        Var y = b.intVar("y", 0, 3);
        b.table("rows", List.of(x, y), List.of(new long[] {0, 3}, new long[] {1, 1}, new long[] {2, 2}, new long[] {3, 0}));
        b.linear("x at least 1", LinearExpr.of(x), Relation.GE, 1);
        b.objective("sum", Sense.MINIMISE, LinearExpr.builder().add(1, x).add(1, y).build());
        return b.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "choco"})
    void tablesAllowExactlyTheirRows(String name) {
        PhaseResult r = Backends.create(name).solve(table(), SETTINGS, null);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertArrayEquals(new long[] {1, 1}, r.values());
    }

    @Test
    void scipRefusesTablesAndSaysWhatToUseInstead() {
        Optional<String> why = Backends.create("scip").unsupported(table());
        assertEquals(Optional.of("The scip solver takes linear models only, and this model has 1 table constraints ('rows', …); "
                + "maybe use --formulation mip, or --solver cpsat or choco"), why);
    }

    @Test
    void chocoRefusesWhatDoesNotFitItsIntegers() {
        ModelIr.Builder b = ModelIr.builder();
        b.intVar("big", 0, 5_000_000_000L);
        assertEquals(Optional.of("The bounds [0, 5000000000] of variable big exceed Choco's 32-bit integers; maybe use --solver cpsat"),
                Backends.create("choco").unsupported(b.build()));
    }

    /**
     * Three items on two resources with loads (on r0, on r1) of (4, 6), (3, 3) and (5, 2): the best
     * maximum is 5, item 0 on r0 and items 1 and 2 on r1. The load balance is declared besides the
     * linear constraints; Choco bounds and branches with it, the others ignore it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "choco", "scip"})
    void loadBalancingKeepsTheOptimum(String name) {
        long[][] loads = {{4, 6}, {3, 3}, {5, 2}};
        ModelIr.Builder b = ModelIr.builder();
        Var max = b.intVar("max", 0, 20);
        LinearExpr.Builder[] perResource = {LinearExpr.builder(), LinearExpr.builder()};
        List<List<ModelIr.Placement>> items = new java.util.ArrayList<>();
        for (int i = 0; i < loads.length; i++) {
            List<ModelIr.Placement> item = new java.util.ArrayList<>();
            LinearExpr.Builder once = LinearExpr.builder();
            for (int r = 0; r < 2; r++) {
                Var v = b.boolVar("item" + i + "@" + r);
                item.add(new ModelIr.Placement(v, r, loads[i][r]));
                once.add(1, v);
                perResource[r].add(loads[i][r], v);
            }
            b.linear("place item " + i, once.build(), Relation.EQ, 1);
            items.add(item);
        }
        for (int r = 0; r < 2; r++) {
            b.linear("max covers " + r, perResource[r].add(-1, max).build(), Relation.LE, 0);
        }
        ModelIr.LoadBalance balance = b.loadBalance("items", max, 2, items, List.of(), List.of());
        b.balancingGroup("placements", balance);
        b.objective("max", Sense.MINIMISE, LinearExpr.of(max));
        ModelIr ir = b.build();
        PhaseResult r = Backends.create(name).solve(ir, SETTINGS, null);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(5, r.objective());
        assertEquals(List.of(), ir.violations(r.values()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpsat", "choco", "scip"})
    void lexicographicPhasesHoldEachOptimum(String name) {
        // minimise x, then maximise y, subject to x + y <= 7, y - x <= 3, x >= 1: x = 1, y = 4
        ModelIr.Builder b = ModelIr.builder();
        Var x = b.intVar("x", 0, 10);
        Var y = b.intVar("y", 0, 10);
        b.linear("sum", LinearExpr.builder().add(1, x).add(1, y).build(), Relation.LE, 7);
        b.linear("spread", LinearExpr.builder().add(1, y).add(-1, x).build(), Relation.LE, 3);
        b.linear("x at least 1", LinearExpr.of(x), Relation.GE, 1);
        b.objective("x", Sense.MINIMISE, LinearExpr.of(x));
        b.objective("y", Sense.MAXIMISE, LinearExpr.of(y));
        LexicographicSolve.Result r = LexicographicSolve.solve(b.build(), Backends.create(name), SETTINGS);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertArrayEquals(new long[] {1, 4}, r.values());
        assertEquals(List.of(1L, 4L), r.phases().stream().map(PhaseReport::value).toList());
        assertTrue(r.phases().stream().allMatch(p -> p.status() == SolveStatus.OPTIMAL));
    }
}
