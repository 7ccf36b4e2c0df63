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
 * <p>Except where the table leaves a model no room: a model whose layers, run one after another at
 * their homes, leave less than {@value #MIN_SLACK} of its deadline as slack at the new load (also at
 * the table's own load: the table balanced the engines with homes whose chain had only to fit the
 * deadline) gets every layer homed where its implementation is fastest, with budgets in proportion
 * to those latencies. With a chain longer than the deadline its frames were all planned to miss, so
 * the overload guard, which plans on the homes, rejected them, and the model was given up where the
 * baselines, planning on the fastest engines, kept it (on the design suites at loads 1.2-1.6); with a
 * chain that just fits, every frame is critical from its release and the first wait makes it late
 * (design-six-builtin set 5 at load 1.0: a 27.9 fps swin_tiny homed on both engines with a 35.85 ms
 * chain for a 35.86 ms deadline missed a third of its frames, a tenth where every layer ran where it
 * is fastest).
 */
public final class SolutionScaling {
    /**
     * A model whose home chain leaves less than this fraction of its deadline as slack is homed where
     * its layers are fastest (on the design suites 0.03-0.07 all gave fewer misses than 0 under both
     * late-frame policies, 0.05 the fewest; 0.1 more than 0.05).
     */
    public static final double MIN_SLACK = 0.05;

    private SolutionScaling() {
    }

    /** A provider that rescales {@code solution}, made for {@code base}, to whatever instance it is asked for. */
    public static SolutionProvider from(Solution solution, Instance base) {
        return from(solution, base, MIN_SLACK);
    }

    /** As {@link #from(Solution, Instance)} with another slack margin than {@link #MIN_SLACK}, for measuring its sensitivity. */
    public static SolutionProvider from(Solution solution, Instance base, double minSlack) {
        if (!(minSlack >= 0 && minSlack < 1)) {
            throw new IllegalArgumentException("The slack margin (" + minSlack + ") must be in [0, 1), e.g. " + MIN_SLACK);
        }
        return (instance, latency) -> rescale(solution, base, instance, latency, minSlack);
    }

    /**
     * The solution with every model's virtual deadlines scaled to the model's deadline in
     * {@code target}, and a model whose home chain leaves less than {@link #MIN_SLACK} of that deadline
     * homed on its fastest engines.
     */
    public static Solution rescale(Solution solution, Instance base, Instance target, LatencyTable latency) {
        return rescale(solution, base, target, latency, MIN_SLACK);
    }

    private static Solution rescale(Solution solution, Instance base, Instance target, LatencyTable latency, double minSlack) {
        List<ModelPlan> plans = new ArrayList<>();
        for (ModelPlan plan : solution.models()) {
            long from = deadline(base, plan.model());
            long to = deadline(target, plan.model());
            if (from == 0 || to == 0) {
                plans.add(plan);
            } else if (chain(plan, latency, target) > to * (1 - minSlack)) {
                plans.add(fastest(plan, latency, target, to));
            } else if (from == to) {
                plans.add(plan);
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
