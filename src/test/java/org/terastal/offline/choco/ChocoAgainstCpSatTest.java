package org.terastal.offline.choco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.Formulation;
import org.terastal.offline.InstanceGenerator;
import org.terastal.offline.Objectives;
import org.terastal.offline.PhaseReport;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.Solves;
import org.terastal.offline.SyntheticLatencies;

/**
 * Choco's bounds (the Lagrangian load and work bounds with their reduced-cost fixing) must never
 * cut an optimum: on random small instances, from light to overloaded, with one to three
 * accelerators (one or two in the fast set), Choco proves the same status and objective terms as
 * CP-SAT. Each case names its generator settings (seed included); the slow set draws more cases
 * from another seed.
 */
class ChocoAgainstCpSatTest {
    private static final double CHOCO_LIMIT_S = 20;

    static List<InstanceGenerator.Settings> fast() {
        return cases(20_261_130L, 6, 2);
    }

    static List<InstanceGenerator.Settings> slow() {
        return cases(20_261_201L, 24, 3);
    }

    private static List<InstanceGenerator.Settings> cases(long seed, int count, int maxAccelerators) {
        Random random = new Random(seed);
        List<InstanceGenerator.Settings> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // a load of 0.3 leaves every deadline slack; near 1.5 the chains and the cap bind, or nothing fits
            out.add(new InstanceGenerator.Settings(random.nextInt(1_000_000), 1 + random.nextInt(3),
                    InstanceGenerator.MIN_LAYERS + random.nextInt(8), 1 + random.nextInt(maxAccelerators), 0.3 + 1.2 * random.nextDouble()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fast")
    void chocoProvesWhatCpSatProves(InstanceGenerator.Settings settings) {
        compare(settings);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("slow")
    void chocoProvesWhatCpSatProvesOnMoreInstances(InstanceGenerator.Settings settings) {
        compare(settings);
    }

    private static void compare(InstanceGenerator.Settings settings) {
        Instance instance = InstanceGenerator.generate(settings);
        LatencyTable latencies = SyntheticLatencies.of(instance);
        for (Formulation formulation : Formulation.values()) {
            SolveOutcome cpsat = Solves.solve(instance, latencies, "cpsat", formulation, 60, OfflineProblem.PPM);
            SolveOutcome choco = Solves.solve(instance, latencies, "choco", formulation, CHOCO_LIMIT_S, OfflineProblem.PPM);
            String where = settings + " " + formulation + ": ";
            assertTrue(cpsat.status() == SolveStatus.OPTIMAL || cpsat.status() == SolveStatus.INFEASIBLE,
                    () -> where + "cpsat did not finish: " + cpsat.status());
            if (choco.status() == SolveStatus.FEASIBLE && settings.accelerators() > 2) {
                // beyond two accelerators the load bound is weaker and a proof may take longer than the limit; the
                // bound of the phase the limit cut short must still not cut the optimum
                PhaseReport cut = choco.phases().get(choco.phases().size() - 1);
                long optimum = cpsat.solution().objective().get(cut.objective());
                boolean minimise = !cut.objective().equals(Objectives.MIGRATABLE_WORK);
                assertTrue(minimise ? cut.bound() <= optimum : cut.bound() >= optimum,
                        () -> where + "the bound " + cut + " cuts the optimum " + optimum);
                continue;
            }
            assertEquals(cpsat.status(), choco.status(), () -> where + choco.diagnosis() + choco.phases());
            if (cpsat.solution() != null) {
                assertEquals(cpsat.solution().objective(), choco.solution().objective(), () -> where + choco.phases());
            }
        }
    }
}
