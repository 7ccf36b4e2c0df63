package org.terastal.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Instance;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.backends.Backends;

class OfflineFormulationTest {
    private static final SolverSettings SETTINGS = new SolverSettings(1, 0, 60, true);

    private static OfflineFormulation.Encoding encode(String instance, Formulation formulation) {
        Instance i = TestInstances.named(instance);
        return OfflineFormulation.build(OfflineProblem.of(i, TestInstances.latencies(i), OfflineProblem.PPM), formulation);
    }

    @Test
    void theFormulationsDifferOnlyInHowTheyChooseVariantSets() {
        ModelIr table = encode("vgg11@40+sp2dense@40", Formulation.TABLE).ir();
        ModelIr mip = encode("vgg11@40+sp2dense@40", Formulation.MIP).ir();
        assertEquals(1, table.tables().size());
        assertEquals(List.of("en[sp2dense/layer4_0_conv1]", "en[sp2dense/layer4_0_conv2]", "en[sp2dense/layer4_1_conv1]",
                "en[sp2dense/layer4_1_conv2]", "loss[sp2dense]"), table.tables().get(0).vars().stream().map(ModelIr.Var::name).toList());
        assertEquals(10, table.tables().get(0).tuples().size(), "the empty set and nine admissible sets");
        assertEquals(0, mip.tables().size());
        assertEquals(table.vars().size() + 10, mip.vars().size(), "one selector per admissible set");
        assertEquals(List.of("maxLoadPpm", "migratableWorkPpm", "accuracyLossPpm"),
                table.objectives().stream().map(ModelIr.Objective::name).toList());
        assertEquals(List.of("variant sets", "homes", "migration", "budgets"),
                table.searchGroups().stream().map(ModelIr.SearchGroup::name).toList());
    }

    @Test
    void identicalAcceleratorsAreOrderedByLoad() {
        Instance generated = InstanceGenerator.generate(new InstanceGenerator.Settings(2, 2, 10, 4, 0.5));
        ModelIr ir = OfflineFormulation.build(OfflineProblem.of(generated, SyntheticLatencies.of(generated), OfflineProblem.PPM),
                Formulation.TABLE).ir();
        assertEquals(List.of("interchangeable accelerators ws and ws2 in order: load[ws] - load[ws2] >= 0"),
                ir.linears().stream().map(Object::toString).filter(c -> c.startsWith("interchangeable accelerators")).toList());
        PhaseResult r = Backends.create("cpsat").solve(ir.phase(0, new long[0]), SETTINGS, null);
        assertEquals(SolveStatus.OPTIMAL, r.status());
    }

    @Test
    void theGreedyStartKeepsTheLoadAndSatisfiesTheFlexibilityPhase() {
        OfflineFormulation.Encoding e = encode("vgg11@40+sp2dense@40", Formulation.TABLE);
        PhaseResult load = Backends.create("cpsat").solve(e.ir().phase(0, new long[0]), SETTINGS, null);
        assertEquals(SolveStatus.OPTIMAL, load.status());
        long[] start = OfflineFormulation.flexibleStart(e, load.values());
        ModelIr flexibility = e.ir().phase(1, new long[] {load.objective()});
        assertEquals(List.of(), flexibility.violations(start));
        long work = flexibility.objectives().get(0).expr().evaluate(start);
        assertTrue(work >= flexibility.objectives().get(0).expr().evaluate(load.values()));
        assertEquals(999_684, work, "on this mix the greedy start is already optimal (golden.csv)");
    }

    @Test
    void aStartThatBreaksThePhaseIsIgnored() {
        OfflineFormulation.Encoding e = encode("sp2dense@60", Formulation.TABLE);
        LexicographicSolve.Result r = LexicographicSolve.solve(e.ir(), Backends.create("choco"), SETTINGS,
                (phase, previous) -> new long[previous.length]);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(List.of(230306L, 506534L, 7283L), r.phases().stream().map(PhaseReport::value).toList());
    }
}
