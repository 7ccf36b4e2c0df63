package org.terastal.sim;

import java.util.ArrayList;
import java.util.List;
import org.terastal.domain.Instance;
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
 */
public final class SolutionScaling {
    private SolutionScaling() {
    }

    /** A provider that rescales {@code solution}, made for {@code base}, to whatever instance it is asked for. */
    public static SolutionProvider from(Solution solution, Instance base) {
        return (instance, latency) -> rescale(solution, base, instance);
    }

    /** The solution with every model's virtual deadlines scaled to the model's deadline in {@code target}. */
    public static Solution rescale(Solution solution, Instance base, Instance target) {
        List<ModelPlan> plans = new ArrayList<>();
        for (ModelPlan plan : solution.models()) {
            long from = deadline(base, plan.model());
            long to = deadline(target, plan.model());
            if (from == to || from == 0 || to == 0) {
                plans.add(plan);
                continue;
            }
            double factor = (double) to / from;
            List<LayerPlan> layers = new ArrayList<>();
            long previous = 0;
            for (LayerPlan lp : plan.layers()) {
                long offset = Math.round(lp.deadlineOffsetNs() * factor);
                layers.add(new LayerPlan(lp.layer(), lp.home(), lp.implementation(), offset - previous, offset, lp.flexible(),
                        lp.originalNs(), lp.variantNs()));
                previous = offset;
            }
            plans.add(new ModelPlan(plan.model(), plan.enabledVariants(), plan.worstCaseAccuracy(), layers));
        }
        return new Solution(target.name(), solution.instanceChecksum(), solution.status(), solution.solver(), solution.formulation(),
                solution.objective(), solution.bound(), solution.gap(), solution.wallTimeMs(), solution.parameters(), plans);
    }

    /** The shortest relative deadline of the tasks running a model, 0 if none runs it. */
    private static long deadline(Instance instance, String model) {
        return instance.tasks().stream().filter(t -> t.model().equals(model)).mapToLong(Task::effectiveDeadlineNs).min().orElse(0);
    }
}
