package org.terastal.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.terastal.cli.LatencyInputs;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.Model;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.SolveStatus;
import org.terastal.domain.Task;
import org.terastal.io.json.InstanceFiles;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.ModelMetrics;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;

/**
 * On the XRBench scenarios (no variants), with a table that homes every layer where it is fastest
 * (no profitable home either), Terastal must not be worse than what it is built on: under drop it
 * misses exactly what EDF misses, frame for frame, and under continue no more than EDF with the
 * overload guard (it keeps its virtual-deadline order while the admitted set has headroom).
 */
class NoVariantsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final List<String> SCENARIOS = List.of("AR_gaming", "VR_gaming", "social_interactionA", "social_interactionB");

    /** Every layer at its fastest engine as its original, budgets proportional to latency there, summing to the deadline. */
    static Solution naturalTable(Instance instance, LatencyTable latency) {
        List<ModelPlan> plans = new ArrayList<>();
        List<String> accs = instance.platform().accelerators().stream().map(a -> a.id()).toList();
        for (Model model : instance.models()) {
            long deadline = instance.tasks().stream().filter(t -> t.model().equals(model.id())).mapToLong(Task::effectiveDeadlineNs).min()
                    .orElseThrow();
            int n = model.layers().size();
            long[] fastest = new long[n];
            int[] where = new int[n];
            long total = 0;
            for (int l = 0; l < n; l++) {
                fastest[l] = Long.MAX_VALUE;
                for (int a = 0; a < accs.size(); a++) {
                    long c = latency.get(model.id(), l, Implementation.ORIGINAL, a);
                    if (c < fastest[l]) {
                        fastest[l] = c;
                        where[l] = a;
                    }
                }
                total += fastest[l];
            }
            List<LayerPlan> layers = new ArrayList<>();
            long offset = 0;
            for (int l = 0; l < n; l++) {
                long budget = l == n - 1 ? deadline - offset : Math.max(fastest[l], (long) ((double) deadline * fastest[l] / total));
                offset += budget;
                layers.add(new LayerPlan(model.layers().get(l).name(), accs.get(where[l]), Implementation.ORIGINAL, budget, offset, false));
            }
            plans.add(new ModelPlan(model.id(), List.of(), 1.0, layers));
        }
        return new Solution(instance.name(), "sha256:natural", SolveStatus.FEASIBLE, "hand", "table", Map.of(), Map.of(), 0, 0, Map.of(),
                plans);
    }

    private static double perModel(SimResult r) {
        return r.models().stream().mapToDouble(ModelMetrics::missRate).average().orElseThrow();
    }

    @Test
    void withNothingToAddTerastalIsEdfUnderDropAndNoWorseThanEdfWithTheGuardUnderContinue() {
        for (String scenario : SCENARIOS) {
            Instance instance = InstanceFiles.read(Path.of("instances/xrbench-" + scenario + ".json"));
            LatencyTable latency = LatencyInputs.forInstance(instance, null);
            Solution table = naturalTable(instance, latency);
            for (double load : new double[] {0.8, 1.0, 1.2, 1.4, 1.6}) {
                SimConfig drop = new SimConfig(2 * SECOND, 1, LatePolicy.DROP, load, false);
                SimResult t = Simulator.run(instance, latency, (i, l) -> new TerastalScheduler(table), drop);
                SimResult e = Simulator.run(instance, latency, Schedulers.factory("edf", null), drop);
                assertEquals(e.models(), t.models(), scenario + " at " + load + " with drop");
                SimConfig keep = new SimConfig(2 * SECOND, 1, LatePolicy.CONTINUE, load, false);
                double terastal = perModel(Simulator.run(instance, latency, (i, l) -> new TerastalScheduler(table), keep));
                double guarded = perModel(Simulator.run(instance, latency, Schedulers.factory("edf+guard", null), keep));
                assertTrue(terastal <= guarded + 1e-9, scenario + " at " + load + " with continue: terastal " + terastal + " vs edf+guard " + guarded);
            }
        }
    }
}
