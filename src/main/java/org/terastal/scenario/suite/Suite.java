package org.terastal.scenario.suite;

import java.util.List;
import org.terastal.domain.Instance;
import org.terastal.domain.Task;

/**
 * A drawn workload suite: its settings and its task sets.
 *
 * @param settings what it was drawn from and how
 * @param sets     the task sets, in index order
 */
public record Suite(SuiteSettings settings, List<SuiteSet> sets) {
    public Suite {
        sets = List.copyOf(sets);
    }

    /** Sets discarded and drawn again, over the whole suite. */
    public long redraws() {
        return sets.stream().mapToLong(SuiteSet::redraws).sum();
    }

    /** Tasks over the whole suite. */
    public long tasks() {
        return sets.stream().mapToLong(s -> s.tasks().size()).sum();
    }

    /**
     * One task set.
     *
     * @param index         index in the suite, from 0
     * @param instance      the set as an instance, named {@code SUITE-0007}
     * @param file          file name of the instance in the suite folder
     * @param redraws       how many draws of this set were discarded before it
     * @param tasks         per task its utilisation and share
     * @param preferredLoad per accelerator (platform order) the load when every layer runs where it is fastest
     * @param balancedBound lowest load of the busier engine when layers may be split at will (NaN unless two accelerators)
     */
    public record SuiteSet(int index, Instance instance, String file, int redraws, List<TaskFigures> tasks, List<Double> preferredLoad,
                           double balancedBound) {
        public SuiteSet {
            tasks = List.copyOf(tasks);
            preferredLoad = List.copyOf(preferredLoad);
        }

        /** The fastest-engine load of the busiest engine (the target, up to rounding). */
        public double busiestLoad() {
            return preferredLoad.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        /** Summed utilisation of the tasks (each at the fastest engine of every layer). */
        public double utilisation() {
            return tasks.stream().mapToDouble(TaskFigures::utilisation).sum();
        }
    }

    /**
     * One task of a set with its figures.
     *
     * @param task        the task as written to the instance
     * @param utilisation fps × (Σ over layers of the fastest original latency) / 1e9
     * @param share       utilisation / the set's summed utilisation
     */
    public record TaskFigures(Task task, double utilisation, double share) {
    }
}
