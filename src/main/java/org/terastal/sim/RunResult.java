package org.terastal.sim;

import java.util.List;

/**
 * The figures of one run without its trace: what an experiment keeps of a run in memory, what a
 * sweep's cell file holds and reads back, and what its text report and suite statistics are computed from.
 *
 * @param scenario     name of the run's workload (the instance column of the tidy rows: an experiment's
 *                     scenario name, or the instance's own name)
 * @param scheduler    scheduler name
 * @param seed         seed
 * @param load         load factor
 * @param late         late-frame policy
 * @param overall      metrics over all frames (model {@value ModelMetrics#OVERALL})
 * @param models       per-model metrics of the models some task runs, in instance order
 * @param tasks        per-task metrics, in instance order
 * @param accelerators per-accelerator metrics, in platform order
 */
public record RunResult(String scenario, String scheduler, long seed, double load, LatePolicy late, ModelMetrics overall,
                        List<ModelMetrics> models, List<TaskMetrics> tasks, List<AcceleratorMetrics> accelerators) {
    public RunResult {
        if (overall == null) {
            throw new IllegalArgumentException("The overall metrics of the run of '" + scenario + "' are missing");
        }
        models = List.copyOf(models);
        tasks = List.copyOf(tasks);
        accelerators = List.copyOf(accelerators);
    }

    /** The figures of a simulated run, named {@code scenario}. */
    public static RunResult of(SimResult result, String scenario) {
        SimConfig c = result.config();
        return new RunResult(scenario, result.scheduler(), c.seed(), c.load(), c.late(), result.overall(), result.models(), result.tasks(),
                result.accelerators());
    }

    /** The metrics of a model. */
    public ModelMetrics model(String id) {
        return models.stream().filter(m -> m.model().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model '" + id + "' in the run of '" + scenario + "'"));
    }
}
