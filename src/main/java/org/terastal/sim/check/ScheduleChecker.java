package org.terastal.sim.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.Model;
import org.terastal.domain.Solution;
import org.terastal.domain.Task;
import org.terastal.sim.FrameRecord;
import org.terastal.sim.FrameStatus;
import org.terastal.sim.LatePolicy;
import org.terastal.sim.LayerRecord;

/**
 * Re-verifies a simulated schedule from its per-frame records and per-layer timeline alone, against
 * the instance (as simulated, i.e. after load scaling) and the latency table, independently of the
 * simulator's code. It lists every violation of:
 * <ul>
 *   <li>resources: no accelerator runs two layers at once;</li>
 *   <li>precedence: each frame's layers run in order 0, 1, 2, … with no overlap, none before release;</li>
 *   <li>durations: every layer takes exactly its latency-table entry for the implementation and accelerator;</li>
 *   <li>accounting: every frame appears once; periodic tasks release exactly the frames k with
 *       offset + k·T before the horizon, at offset + k·T plus at most the jitter; cascaded frames are
 *       released when a completed parent frame finishes, at most once per parent frame; deadlines are
 *       release + relative deadline; completed frames ran every layer and finished with the last one,
 *       with the right on-time or late status; dropped frames occur only under the drop policy, ran a
 *       prefix of their layers, nothing after the drop, and were really unable to finish in time even
 *       with every remaining original layer on its fastest engine;</li>
 *   <li>accuracy: the frame's variants equal the layers its timeline ran as variants, that combination
 *       is measured and at or above the model's floor, and (when a solution is given) within the
 *       solution's enabled set.</li>
 * </ul>
 */
public final class ScheduleChecker {
    /** Violations reported in full; beyond this only the count grows. */
    public static final int MAX_REPORTED = 50;

    private final Instance instance;
    private final LatencyTable latency;
    private final long horizonNs;
    private final LatePolicy late;
    private final Solution solution;
    private final List<String> violations = new ArrayList<>();
    private int count;

    private ScheduleChecker(Instance instance, LatencyTable latency, long horizonNs, LatePolicy late, Solution solution) {
        this.instance = instance;
        this.latency = latency;
        this.horizonNs = horizonNs;
        this.late = late;
        this.solution = solution;
    }

    /**
     * Checks a schedule; an empty list means it is valid. At most {@value #MAX_REPORTED} violations are
     * listed, followed by a line with the total when there were more.
     *
     * @param solution the table the scheduler read, to check variants against its enabled sets; may be null
     */
    public static List<String> check(Instance instance, LatencyTable latency, long horizonNs, LatePolicy late, Solution solution,
                                     List<FrameRecord> frames, List<LayerRecord> layers) {
        ScheduleChecker c = new ScheduleChecker(instance, latency, horizonNs, late, solution);
        c.run(frames, layers);
        if (c.count > MAX_REPORTED) {
            c.violations.add("… " + c.count + " violations in all");
        }
        return c.violations;
    }

    private void fail(String message) {
        if (++count <= MAX_REPORTED) {
            violations.add(message);
        }
    }

    private void run(List<FrameRecord> frames, List<LayerRecord> layers) {
        Map<String, Task> tasks = new HashMap<>();
        instance.tasks().forEach(t -> tasks.put(t.id(), t));
        checkResources(layers);
        Map<String, FrameRecord> byKey = new HashMap<>();
        for (FrameRecord f : frames) {
            if (byKey.put(key(f.task(), f.frame()), f) != null) {
                fail("Frame " + key(f.task(), f.frame()) + " appears twice in the frame records");
            }
            Task t = tasks.get(f.task());
            if (t == null) {
                fail("Frame " + key(f.task(), f.frame()) + " belongs to no task of the instance");
            } else if (!t.model().equals(f.model())) {
                fail("Frame " + key(f.task(), f.frame()) + " names model '" + f.model() + "' but its task runs '" + t.model() + "'");
            }
        }
        Map<String, List<LayerRecord>> layersOf = new HashMap<>();
        for (LayerRecord l : layers) {
            String k = key(l.task(), l.frame());
            if (!byKey.containsKey(k)) {
                fail("Layer " + l.layer() + " ran for frame " + k + ", which has no frame record");
                continue;
            }
            layersOf.computeIfAbsent(k, x -> new ArrayList<>()).add(l);
        }
        checkReleases(frames, tasks, byKey);
        for (FrameRecord f : frames) {
            Task t = tasks.get(f.task());
            if (t != null && t.model().equals(f.model())) {
                checkFrame(f, t, layersOf.getOrDefault(key(f.task(), f.frame()), List.of()));
            }
        }
    }

    private static String key(String task, int frame) {
        return task + "#" + frame;
    }

    private void checkResources(List<LayerRecord> layers) {
        Map<String, List<LayerRecord>> byAcc = new HashMap<>();
        for (LayerRecord l : layers) {
            if (instance.platform().indexOf(l.accelerator()) < 0) {
                fail("Layer " + l.layer() + " of frame " + key(l.task(), l.frame()) + " ran on unknown accelerator '" + l.accelerator() + "'");
                continue;
            }
            byAcc.computeIfAbsent(l.accelerator(), a -> new ArrayList<>()).add(l);
        }
        for (List<LayerRecord> list : byAcc.values()) {
            list.sort(Comparator.comparingLong(LayerRecord::startNs).thenComparingLong(LayerRecord::endNs));
            for (int i = 1; i < list.size(); i++) {
                LayerRecord a = list.get(i - 1);
                LayerRecord b = list.get(i);
                if (b.startNs() < a.endNs()) {
                    fail("Accelerator '" + b.accelerator() + "' runs two layers at once: " + a.layer() + " of " + key(a.task(), a.frame())
                            + " [" + a.startNs() + ", " + a.endNs() + ") and " + b.layer() + " of " + key(b.task(), b.frame())
                            + " [" + b.startNs() + ", " + b.endNs() + ")");
                }
            }
        }
    }

    private void checkReleases(List<FrameRecord> frames, Map<String, Task> tasks, Map<String, FrameRecord> byKey) {
        Map<String, Integer> count = new HashMap<>();
        Set<String> childOf = new HashSet<>();
        for (FrameRecord f : frames) {
            Task t = tasks.get(f.task());
            if (t == null) {
                continue;
            }
            count.merge(t.id(), 1, Integer::sum);
            String k = key(f.task(), f.frame());
            if (f.deadlineNs() != f.releaseNs() + t.effectiveDeadlineNs()) {
                fail("Frame " + k + " has deadline " + f.deadlineNs() + ", expected release + " + t.effectiveDeadlineNs());
            }
            if (t.dependency() == null) {
                long nominal = t.offsetNs() + (long) f.frame() * t.periodNs();
                if (f.parentFrame() >= 0) {
                    fail("Frame " + k + " of periodic task '" + t.id() + "' names a parent frame");
                }
                if (f.releaseNs() < nominal || f.releaseNs() > nominal + t.jitterNs()) {
                    fail("Frame " + k + " is released at " + f.releaseNs() + ", outside [" + nominal + ", " + (nominal + t.jitterNs()) + "]");
                }
                if (nominal >= horizonNs) {
                    fail("Frame " + k + " is released although its nominal release " + nominal + " is not before the horizon " + horizonNs);
                }
            } else {
                FrameRecord parent = byKey.get(key(t.dependency().parent(), f.parentFrame()));
                if (parent == null) {
                    fail("Cascaded frame " + k + " names parent frame " + key(t.dependency().parent(), f.parentFrame()) + ", which was never released");
                } else if (parent.status() == FrameStatus.DROPPED) {
                    fail("Cascaded frame " + k + " was released by a dropped parent frame");
                } else if (parent.finishNs() != f.releaseNs()) {
                    fail("Cascaded frame " + k + " is released at " + f.releaseNs() + " but its parent finished at " + parent.finishNs());
                }
                if (!childOf.add(t.id() + "<" + f.parentFrame())) {
                    fail("Parent frame " + key(t.dependency().parent(), f.parentFrame()) + " released task '" + t.id() + "' twice");
                }
            }
        }
        for (Task t : instance.tasks()) {
            int seen = count.getOrDefault(t.id(), 0);
            if (t.dependency() == null) {
                long expected = t.offsetNs() >= horizonNs ? 0 : (horizonNs - t.offsetNs() - 1) / t.periodNs() + 1;
                if (seen != expected) {
                    fail("Task '" + t.id() + "' has " + seen + " frame records, expected " + expected + " periodic releases before the horizon");
                }
            }
            Set<Integer> indices = new HashSet<>();
            frames.stream().filter(f -> f.task().equals(t.id())).forEach(f -> indices.add(f.frame()));
            for (int k = 0; k < seen; k++) {
                if (!indices.contains(k)) {
                    fail("Task '" + t.id() + "' has no frame " + k + " although it has " + seen + " frames");
                    break;
                }
            }
        }
    }

    private void checkFrame(FrameRecord f, Task task, List<LayerRecord> ran) {
        String k = key(f.task(), f.frame());
        Model model = instance.model(task.model());
        List<LayerRecord> sorted = new ArrayList<>(ran);
        sorted.sort(Comparator.comparingLong(LayerRecord::startNs));
        long previousEnd = f.releaseNs();
        Set<String> variants = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            LayerRecord l = sorted.get(i);
            if (l.layerIndex() != i) {
                fail("Frame " + k + " runs layer index " + l.layerIndex() + " as its layer " + i + "; layers must run in order");
                return;
            }
            if (l.layerIndex() >= model.layers().size() || !model.layers().get(l.layerIndex()).name().equals(l.layer())) {
                fail("Frame " + k + " names layer '" + l.layer() + "' at index " + l.layerIndex() + ", which is not that layer of model '" + model.id() + "'");
                return;
            }
            if (l.startNs() < previousEnd) {
                fail("Frame " + k + " starts layer " + l.layer() + " at " + l.startNs() + " before " + (i == 0 ? "its release" : "its previous layer ended")
                        + " (" + previousEnd + ")");
            }
            int acc = instance.platform().indexOf(l.accelerator());
            if (acc >= 0) {
                long expected = latency.get(model.id(), l.layerIndex(), l.implementation(), acc);
                if (expected == LatencyTable.NONE) {
                    fail("Frame " + k + " runs a variant of layer " + l.layer() + ", which is not a variant candidate");
                } else if (l.endNs() - l.startNs() != expected) {
                    fail("Layer " + l.layer() + " of frame " + k + " takes " + (l.endNs() - l.startNs()) + " ns on '" + l.accelerator() + "' as "
                            + l.implementation().label() + ", but the latency table says " + expected + " ns");
                }
            }
            if (l.implementation() == Implementation.VARIANT) {
                variants.add(l.layer());
            }
            previousEnd = l.endNs();
        }
        long firstStart = sorted.isEmpty() ? -1 : sorted.get(0).startNs();
        if (f.startNs() != firstStart) {
            fail("Frame " + k + " records start " + f.startNs() + " but its first layer starts at " + firstStart);
        }
        int n = model.layers().size();
        if (f.status() == FrameStatus.DROPPED) {
            if (late != LatePolicy.DROP) {
                fail("Frame " + k + " is dropped although the late-frame policy is " + late.label());
            }
            if (sorted.size() >= n) {
                fail("Frame " + k + " is dropped although all its layers ran");
            }
            if (f.finishNs() < previousEnd) {
                fail("Frame " + k + " is dropped at " + f.finishNs() + " while its layer was still running until " + previousEnd);
            }
            long fastest = 0;
            for (int l = sorted.size(); l < n; l++) {
                long best = Long.MAX_VALUE;
                for (int a = 0; a < instance.platform().size(); a++) {
                    best = Math.min(best, latency.get(model.id(), l, Implementation.ORIGINAL, a));
                }
                fastest += best;
            }
            if (sorted.size() < n && f.finishNs() + fastest <= f.deadlineNs()) {
                fail("Frame " + k + " is dropped at " + f.finishNs() + " although its remaining layers at their fastest (" + fastest
                        + " ns) would still meet its deadline " + f.deadlineNs());
            }
        } else {
            if (sorted.size() != n) {
                fail("Frame " + k + " is " + f.status().label() + " but ran " + sorted.size() + " of its " + n + " layers");
            } else if (f.finishNs() != previousEnd) {
                fail("Frame " + k + " records finish " + f.finishNs() + " but its last layer ended at " + previousEnd);
            }
            boolean onTime = f.finishNs() <= f.deadlineNs();
            if (onTime != (f.status() == FrameStatus.ON_TIME)) {
                fail("Frame " + k + " finished at " + f.finishNs() + " with deadline " + f.deadlineNs() + " but is recorded " + f.status().label());
            }
        }
        if (!variants.equals(new HashSet<>(f.variants()))) {
            fail("Frame " + k + " records variants " + f.variants() + " but its timeline ran " + variants.stream().sorted().toList() + " as variants");
        }
        if (!variants.isEmpty()) {
            OptionalDouble acc = model.normalisedAccuracy(variants);
            if (acc.isEmpty()) {
                fail("Frame " + k + " used variants " + variants.stream().sorted().toList() + ", a combination whose accuracy was never measured");
            } else if (acc.getAsDouble() < model.accuracyFloor()) {
                fail("Frame " + k + " used variants " + variants.stream().sorted().toList() + " with normalised accuracy " + acc.getAsDouble()
                        + " below the floor " + model.accuracyFloor());
            }
            if (solution != null && !new HashSet<>(solution.plan(model.id()).enabledVariants()).containsAll(variants)) {
                fail("Frame " + k + " used variants " + variants.stream().sorted().toList() + " outside the solution's enabled set "
                        + solution.plan(model.id()).enabledVariants());
            }
        }
    }
}
