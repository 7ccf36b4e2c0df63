package org.terastal.online;

import java.util.List;
import org.terastal.sim.SchedulerFactory;
import org.terastal.sim.SolutionProvider;

/** The built-in policies by name. */
public final class Schedulers {
    /** Every built-in policy: the baselines (and DREAM with fixed weights), the baselines with the overload guard, Terastal and its ablations. */
    public static final List<String> NAMES = List.of(FcfsScheduler.NAME, EdfScheduler.NAME, DreamScheduler.NAME, DreamScheduler.NAME_FIXED,
            FcfsScheduler.NAME + GuardedScheduler.SUFFIX, EdfScheduler.NAME + GuardedScheduler.SUFFIX, DreamScheduler.NAME + GuardedScheduler.SUFFIX,
            TerastalScheduler.NAME, TerastalNoGuardScheduler.NAME, TerastalNoVariantScheduler.NAME, TerastalBudgetScheduler.NAME,
            TerastalVirtualOrderScheduler.NAME, TerastalNoHomeScheduler.NAME);

    private Schedulers() {
    }

    /** Whether the policy reads an offline solution table. */
    public static boolean needsSolution(String name) {
        return name.startsWith(TerastalScheduler.NAME);
    }

    /**
     * A factory for a policy; {@code solutions} is asked once per run for the policies that read a
     * table and may be null for the others.
     *
     * @throws IllegalArgumentException for an unknown name, or a table-reading policy without solutions
     */
    public static SchedulerFactory factory(String name, SolutionProvider solutions) {
        if (needsSolution(name) && NAMES.contains(name) && solutions == null) {
            throw new IllegalArgumentException("The scheduler '" + name + "' reads an offline solution table; give one (--solution)");
        }
        if (name.endsWith(GuardedScheduler.SUFFIX) && NAMES.contains(name)) {
            SchedulerFactory policy = factory(name.substring(0, name.length() - GuardedScheduler.SUFFIX.length()), solutions);
            return (instance, latency) -> new GuardedScheduler(() -> policy.create(instance, latency));
        }
        return switch (name) {
            case FcfsScheduler.NAME -> (instance, latency) -> new FcfsScheduler();
            case EdfScheduler.NAME -> (instance, latency) -> new EdfScheduler();
            case DreamScheduler.NAME -> (instance, latency) -> new DreamScheduler();
            case DreamScheduler.NAME_FIXED -> (instance, latency) -> DreamScheduler.fixed();
            case TerastalNoGuardScheduler.NAME -> (instance, latency) -> new TerastalNoGuardScheduler(solutions.solutionFor(instance, latency));
            case TerastalScheduler.NAME -> (instance, latency) -> new TerastalScheduler(solutions.solutionFor(instance, latency));
            case TerastalNoVariantScheduler.NAME -> (instance, latency) -> new TerastalNoVariantScheduler(solutions.solutionFor(instance, latency));
            case TerastalBudgetScheduler.NAME -> (instance, latency) -> new TerastalBudgetScheduler(solutions.solutionFor(instance, latency));
            case TerastalNoHomeScheduler.NAME -> (instance, latency) -> new TerastalNoHomeScheduler(solutions.solutionFor(instance, latency));
            case TerastalVirtualOrderScheduler.NAME ->
                    (instance, latency) -> new TerastalVirtualOrderScheduler(solutions.solutionFor(instance, latency));
            default -> throw new IllegalArgumentException("Unknown scheduler '" + name + "'; choose one of " + NAMES);
        };
    }
}
