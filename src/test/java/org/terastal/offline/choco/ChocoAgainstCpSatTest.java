package org.terastal.offline.choco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.SolveStatus;
import org.terastal.offline.Formulation;
import org.terastal.offline.InstanceGenerator;
import org.terastal.offline.OfflineProblem;
import org.terastal.offline.SolveOutcome;
import org.terastal.offline.Solves;
import org.terastal.offline.SyntheticLatencies;

/**
 * Choco's bounds (the Lagrangian load bound with its reduced-cost fixing, the work bound) must
 * never cut an optimum: on random small instances, from light to overloaded, with one to three
 * accelerators, Choco proves the same status and objective terms as CP-SAT. Each case names its
 * seed and settings.
 */
class ChocoAgainstCpSatTest {
    private static final long FIRST_SEED = 20_261_130L;
    private static final int CASES = 16;

    static List<InstanceGenerator.Settings> cases() {
        Random random = new Random(FIRST_SEED);
        List<InstanceGenerator.Settings> out = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            // a load of 0.3 leaves every deadline slack; near 1.5 the chains and the cap bind, or nothing fits
            out.add(new InstanceGenerator.Settings(random.nextInt(1_000_000), 1 + random.nextInt(3),
                    InstanceGenerator.MIN_LAYERS + random.nextInt(8), 1 + random.nextInt(3), 0.3 + 1.2 * random.nextDouble()));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void chocoProvesWhatCpSatProves(InstanceGenerator.Settings settings) {
        Instance instance = InstanceGenerator.generate(settings);
        LatencyTable latencies = SyntheticLatencies.of(instance);
        for (Formulation formulation : Formulation.values()) {
            SolveOutcome cpsat = Solves.solve(instance, latencies, "cpsat", formulation, 60, OfflineProblem.PPM);
            SolveOutcome choco = Solves.solve(instance, latencies, "choco", formulation, 60, OfflineProblem.PPM);
            String where = settings + " " + formulation + ": ";
            assertEquals(SolveStatus.OPTIMAL == cpsat.status() || SolveStatus.INFEASIBLE == cpsat.status(), true,
                    () -> where + "cpsat did not finish: " + cpsat.status());
            assertEquals(cpsat.status(), choco.status(), () -> where + choco.diagnosis() + choco.phases());
            if (cpsat.solution() != null) {
                assertEquals(cpsat.solution().objective(), choco.solution().objective(), () -> where + choco.phases());
            }
        }
    }
}
