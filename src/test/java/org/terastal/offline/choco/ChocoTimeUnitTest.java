package org.terastal.offline.choco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.terastal.domain.Instance;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.Formulation;
import org.terastal.offline.OfflineSolver;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.Solves;
import org.terastal.offline.TestInstances;

/**
 * Deadlines beyond 2^31 ns (about 2.1 s) do not fit Choco's integers; the offline stage then
 * states times in a coarser unit, and Choco's plan, in ns again, keeps every rule of the checker
 * and reaches CP-SAT's objective (the deadlines of seconds do not bind these layers of ms).
 */
class ChocoTimeUnitTest {
    @Test
    void deadlinesOfSecondsAreSolvedInACoarserUnitWithCpSatsObjective() {
        // periods of 4 s and 3.3 s
        Instance instance = TestInstances.named("vgg11@0.25+sp2dense@0.3");
        SolveOutcome cpsat = Solves.solve(instance, "cpsat", Formulation.TABLE, 60);
        SolveOutcome choco = Solves.solve(instance, "choco", Formulation.TABLE, 60);
        assertEquals(SolveStatus.OPTIMAL, cpsat.status(), cpsat.diagnosis().toString());
        assertEquals(SolveStatus.OPTIMAL, choco.status(), choco.diagnosis().toString());
        assertEquals(cpsat.solution().objective(), choco.solution().objective());
        assertEquals("1", cpsat.solution().parameters().get(OfflineSolver.TIME_UNIT_PARAMETER), "CP-SAT takes ns");
        assertEquals("10", choco.solution().parameters().get(OfflineSolver.TIME_UNIT_PARAMETER),
                "4e9 ns do not fit 32 bits, 4e8 units of 10 ns do");
        for (ModelPlan plan : choco.solution().models()) {
            for (LayerPlan layer : plan.layers()) {
                assertTrue(layer.budgetNs() % 10 == 0, () -> layer + " has a budget of whole units, in ns");
            }
        }
    }
}
