package org.terastal.sim;

import java.util.List;

/**
 * Everything a run produced.
 *
 * @param instance      instance name
 * @param scheduler     scheduler name
 * @param config        the run's settings
 * @param latencySource where the latency figures came from
 * @param endNs         span of the run: the later of the horizon and the last event
 * @param dispatches    layers dispatched
 * @param models        per-model metrics of the models some task runs, in instance order
 * @param tasks         per-task metrics, in instance order
 * @param overall       metrics over all frames
 * @param accelerators  per-accelerator metrics, in platform order
 * @param trace         per-frame records and per-layer timeline, or null when not recorded
 */
public record SimResult(String instance, String scheduler, SimConfig config, String latencySource, long endNs, long dispatches,
                        List<ModelMetrics> models, List<TaskMetrics> tasks, ModelMetrics overall, List<AcceleratorMetrics> accelerators,
                        Trace trace) {
    public SimResult {
        models = List.copyOf(models);
        tasks = List.copyOf(tasks);
        accelerators = List.copyOf(accelerators);
    }

    /** The metrics of a model. */
    public ModelMetrics model(String id) {
        return models.stream().filter(m -> m.model().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No model '" + id + "' in the result of '" + instance + "'"));
    }
}
