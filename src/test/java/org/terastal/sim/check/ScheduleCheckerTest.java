package org.terastal.sim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.terastal.domain.Implementation;
import org.terastal.domain.Solution;
import org.terastal.online.Schedulers;
import org.terastal.sim.FrameRecord;
import org.terastal.sim.FrameStatus;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;
import org.terastal.sim.SimConfig;
import org.terastal.sim.SimResult;
import org.terastal.sim.Simulator;
import org.terastal.testkit.RandomInstances;
import org.terastal.testkit.RandomInstances.Case;
import org.terastal.testkit.SolutionHeuristics;

/** The checker catches each kind of broken schedule, starting from a valid one and breaking one thing. */
class ScheduleCheckerTest {
    private static Case c;
    private static Solution solution;
    private static List<FrameRecord> frames;
    private static List<LayerRecord> layers;

    @BeforeAll
    static void validSchedule() {
        // a seed whose instance has several accelerators, drops and variants
        for (long seed = 0; ; seed++) {
            c = RandomInstances.generate(seed);
            solution = SolutionHeuristics.solve(c.instance(), c.latency(), true);
            SimResult r = Simulator.run(c.instance(), c.latency(), Schedulers.factory("terastal", (i, l) -> solution),
                    new SimConfig(c.horizonNs(), 1, LatePolicy.DROP, 1.0, true));
            frames = r.trace().frames();
            layers = r.trace().layers();
            boolean variants = layers.stream().anyMatch(l -> l.implementation() == Implementation.VARIANT);
            boolean drops = frames.stream().anyMatch(f -> f.status() == FrameStatus.DROPPED);
            if (c.instance().platform().size() > 1 && variants && drops) {
                return;
            }
        }
    }

    private static List<String> check(List<FrameRecord> f, List<LayerRecord> l) {
        return ScheduleChecker.check(c.instance(), c.latency(), c.horizonNs(), LatePolicy.DROP, solution, f, l);
    }

    private static List<LayerRecord> editLayer(int index, UnaryOperator<LayerRecord> edit) {
        List<LayerRecord> copy = new ArrayList<>(layers);
        copy.set(index, edit.apply(copy.get(index)));
        return copy;
    }

    private static void assertCaught(List<String> violations, String fragment) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(fragment)), "expected a violation mentioning '" + fragment + "' in " + violations);
    }

    @Test
    void theOriginalIsValid() {
        assertEquals(List.of(), check(frames, layers), "generator seed " + c.seed());
    }

    @Test
    void wrongDuration() {
        List<LayerRecord> l = editLayer(0, r -> new LayerRecord(r.accelerator(), r.model(), r.task(), r.frame(), r.layer(), r.layerIndex(),
                r.implementation(), r.startNs(), r.endNs() - 1));
        assertCaught(check(frames, l), "the latency table says");
    }

    @Test
    void overlapOnOneAccelerator() {
        LayerRecord first = layers.get(0);
        int other = -1;
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).accelerator().equals(first.accelerator())) {
                other = i;
                break;
            }
        }
        long shift = layers.get(other).startNs() - first.startNs();
        List<LayerRecord> l = editLayer(other, r -> new LayerRecord(r.accelerator(), r.model(), r.task(), r.frame(), r.layer(), r.layerIndex(),
                r.implementation(), r.startNs() - shift, r.endNs() - shift));
        assertCaught(check(frames, l), "two layers at once");
    }

    @Test
    void missingFrame() {
        List<FrameRecord> f = new ArrayList<>(frames);
        // a periodic frame: whether a cascade coin released a child cannot be told from the records
        int last = f.size() - 1;
        while (f.get(last).parentFrame() >= 0) {
            last--;
        }
        FrameRecord gone = f.remove(last);
        List<String> v = check(f, layers.stream().filter(x -> !(x.task().equals(gone.task()) && x.frame() == gone.frame())).toList());
        assertCaught(v, "expected");
    }

    @Test
    void wrongStatus() {
        List<FrameRecord> f = new ArrayList<>(frames);
        int i = 0;
        while (f.get(i).status() != FrameStatus.ON_TIME) {
            i++;
        }
        FrameRecord r = f.get(i);
        f.set(i, new FrameRecord(r.task(), r.model(), r.frame(), r.parentFrame(), r.releaseNs(), r.startNs(), r.finishNs(), r.deadlineNs(),
                FrameStatus.DROPPED, r.variants()));
        assertCaught(check(f, layers), "dropped although all its layers ran");
    }

    @Test
    void dropsUnderContinueAndVariantsOutsideTheEnabledSet() {
        assertCaught(ScheduleChecker.check(c.instance(), c.latency(), c.horizonNs(), LatePolicy.CONTINUE, solution, frames, layers),
                "late-frame policy is continue");
        int i = 0;
        while (layers.get(i).implementation() != Implementation.VARIANT) {
            i++;
        }
        LayerRecord v = layers.get(i);
        Solution none = new Solution(solution.instance(), "", solution.status(), "", "", solution.objective(), solution.bound(), 0, 0,
                solution.parameters(), solution.models().stream().map(p -> new org.terastal.domain.ModelPlan(p.model(), List.of(), 1,
                        p.layers())).toList());
        List<String> violations = ScheduleChecker.check(c.instance(), c.latency(), c.horizonNs(), LatePolicy.DROP, none, frames, layers);
        assertCaught(violations, "outside the solution's enabled set");
        assertTrue(violations.stream().anyMatch(x -> x.contains(v.task() + "#" + v.frame())));
    }

    @Test
    void layersOutOfOrder() {
        LayerRecord a = null;
        LayerRecord b = null;
        for (LayerRecord x : layers) {
            for (LayerRecord y : layers) {
                if (x.task().equals(y.task()) && x.frame() == y.frame() && y.layerIndex() == x.layerIndex() + 1) {
                    a = x;
                    b = y;
                }
            }
            if (a != null) {
                break;
            }
        }
        LayerRecord fa = a;
        LayerRecord fb = b;
        List<LayerRecord> l = new ArrayList<>(layers);
        l.replaceAll(r -> r == fa ? new LayerRecord(r.accelerator(), r.model(), r.task(), r.frame(), fb.layer(), fb.layerIndex(), r.implementation(),
                r.startNs(), r.endNs()) : r == fb ? new LayerRecord(r.accelerator(), r.model(), r.task(), r.frame(), fa.layer(), fa.layerIndex(),
                r.implementation(), r.startNs(), r.endNs()) : r);
        assertCaught(check(frames, l), "in order");
    }
}
