package org.terastal.sim;

import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.Implementation;
import org.terastal.domain.Instance;
import org.terastal.domain.LatencyTable;
import org.terastal.domain.LayerPlan;
import org.terastal.domain.ModelPlan;
import org.terastal.domain.Solution;
import org.terastal.domain.Task;

/**
 * Carries a solution table made for an instance to the same instance at another load. Scaling every
 * rate by one factor scales every engine load by it, so the homes, implementations and enabled
 * variants that minimise the largest engine load stay the same; only the budgets, slices of the
 * deadline, shrink or grow with the deadline. Each model's cumulative virtual deadline offsets are
 * scaled by its deadline ratio and rounded, and budgets are their differences, so they still add up.
 *
 * <p>Except where the table no longer holds: a model whose layers, run one after another at their
 * homes, take longer than its deadline at the new load (the table balanced the engines with
 * homes whose chain fitted the deadline at load 1) gets every layer homed where its implementation
 * is fastest, with budgets in proportion to those latencies. Kept, its frames were all planned to
 * miss, so the overload guard, which plans on the homes, rejected them, and the model was given up
 * where the baselines, planning on the fastest engines, kept it (on the design suites at loads
 * 1.2-1.6).
 */
public final class SolutionScaling {
    private SolutionScaling() {
    }

    /** A provider that rescales {@code solution}, made for {@code base}, to whatever instance it is asked for. */
    public static SolutionProvider from(Solution solution, Instance base) {
        return (instance, latency) -> rescale(solution, base, instance, latency);
    }

    /**
     * The solution with every model's virtual deadlines scaled to the model's deadline in
     * {@code target}, and a model whose home chain no longer fits that deadline homed on its fastest
     * engines.
     */
    public static Solution rescale(Solution solution, Instance base, Instance target, LatencyTable latency) {
        List<ModelPlan> plans = new ArrayList<>();
        for (ModelPlan plan : solution.models()) {
            long from = deadline(base, plan.model());
            long to = deadline(target, plan.model());
            if (from == to || from == 0 || to == 0) {
                plans.add(plan);
            } else if (chain(plan, latency, target) > to) {
                plans.add(fastest(plan, latency, target, to));
            } else {
                plans.add(scaled(plan, (double) to / from));
            }
        }
        return new Solution(target.name(), solution.instanceChecksum(), solution.status(), solution.solver(), solution.formulation(),
                solution.objective(), solution.bound(), solution.gap(), solution.wallTimeMs(), solution.parameters(), plans);
    }

    private static ModelPlan scaled(ModelPlan plan, double factor) {
        List<LayerPlan> layers = new ArrayList<>();
        long previous = 0;
        for (LayerPlan lp : plan.layers()) {
            long offset = Math.round(lp.deadlineOffsetNs() * factor);
            layers.add(new LayerPlan(lp.layer(), lp.home(), lp.implementation(), offset - previous, offset, lp.flexible(),
                    lp.originalNs(), lp.variantNs()));
            previous = offset;
        }
        return new ModelPlan(plan.model(), plan.enabledVariants(), plan.worstCaseAccuracy(), layers);
    }

    /** The latency of a model's layers one after another, each at its home in its table implementation. */
    private static long chain(ModelPlan plan, LatencyTable latency, Instance target) {
        long sum = 0;
        for (int l = 0; l < plan.layers().size(); l++) {
            LayerPlan lp = plan.layers().get(l);
            sum += latency.get(plan.model(), l, lp.implementation(), target.platform().indexOf(lp.home()));
        }
        return sum;
    }

    /** Every layer homed where its implementation is fastest, budgets in proportion to those latencies over the deadline. */
    private static ModelPlan fastest(ModelPlan plan, LatencyTable latency, Instance target, long deadline) {
        int n = plan.layers().size();
        int accelerators = target.platform().accelerators().size();
        int[] home = new int[n];
        long[] ns = new long[n];
        long sum = 0;
        for (int l = 0; l < n; l++) {
            Implementation impl = plan.layers().get(l).implementation();
            for (int a = 0; a < accelerators; a++) {
                long c = latency.get(plan.model(), l, impl, a);
                if (a == 0 || c < ns[l]) {
                    ns[l] = c;
                    home[l] = a;
                }
            }
            sum += ns[l];
        }
        List<LayerPlan> layers = new ArrayList<>();
        long cumulative = 0;
        long previous = 0;
        for (int l = 0; l < n; l++) {
            LayerPlan lp = plan.layers().get(l);
            cumulative += ns[l];
            long offset = Math.round((double) cumulative * deadline / sum);
            layers.add(new LayerPlan(lp.layer(), target.platform().accelerators().get(home[l]).id(), lp.implementation(), offset - previous,
                    offset, lp.flexible(), lp.originalNs(), lp.variantNs()));
            previous = offset;
        }
        return new ModelPlan(plan.model(), plan.enabledVariants(), plan.worstCaseAccuracy(), layers);
    }

    /** The shortest relative deadline of the tasks running a model, 0 if none runs it. */
    private static long deadline(Instance instance, String model) {
        return instance.tasks().stream().filter(t -> t.model().equals(model)).mapToLong(Task::effectiveDeadlineNs).min().orElse(0);
    }
}
